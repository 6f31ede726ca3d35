// Reflow on a phone, in Debian's Chromium: at 320 px wide no page of a built site scrolls
// sideways, except inside a labelled scroll region.
//   - every HTML page of the site, at 320 x 640 px: the document is no wider than the viewport,
//     and every box or text reaching past its right edge is inside a scroll box that is a
//     region with an accessible name (role=region and aria-label or aria-labelledby) and can be
//     scrolled from the keyboard (tabindex >= 0); a box clipped by anything other than an SVG
//     graphic is cut off, and fails too;
//   - the pages the check must have seen (home, a ward, an indicator, the outcomes, the
//     methodology, the dashboard and every view its "Dashboard views" navigation lists);
//   - the dashboard views, at 320 px: the table is a card per area (each row no wider than the
//     viewport, each cell stacked at full width), nothing in it scrolls sideways;
//   - the dashboard views, at 720 px: a region that scrolls sideways says so (a visible hint it
//     names with aria-describedby), one that does not hides its hint; scrolled to its far
//     right, the area names stay in view; scrolled to its foot, the header row does.
// Usage: node tests/browser/check_reflow.mjs OUTDIR
// Exits 0 when every check passed, 1 when any failed, 2 on a usage or set-up error.
import fs from 'node:fs/promises';
import { guard, htmlFiles, launch, loadChromium } from './browser.mjs';
import { serve } from './server.mjs';

const NARROW = 320;
const MEDIUM = 720;
const MUST_SEE = ['/', '/areas/kursaal/', '/indicators/gld/', '/outcomes/', '/methodology/', '/dashboard/'];
const DASHBOARD_NAV = 'nav[aria-label="Dashboard views"]';

function usage(message) {
  console.error(`check_reflow: ${message}`);
  console.error('usage: node tests/browser/check_reflow.mjs OUTDIR');
  process.exit(2);
}

const outDir = process.argv[2];
if (!outDir || process.argv.length > 3) usage('expected one argument, the built site folder');
if (!(await fs.stat(outDir).catch(() => null))?.isDirectory()) usage(`${outDir} is not a folder`);
const chromium = await loadChromium(usage);
const started = Date.now();

const results = []; // { page, check, ok, lines }
function record(page, check, ok, lines = []) {
  results.push({ page, check, ok, lines });
  if (!ok || lines.length) console.log(`${ok ? 'ok    ' : 'FAILED'} ${page}: ${check}`);
  for (const line of lines) console.log(`         ${line}`);
}

// In the page: what reaches past the right edge of a `width` px viewport and is not inside a
// labelled, focusable scroll region. Returns { scrollWidth, offenders: [...] }.
function reflowReport(width) {
  const edge = width + 0.5;
  const describe = (el) => {
    const parts = [];
    for (let e = el; e && e.nodeType === 1 && e !== document.documentElement; e = e.parentElement) {
      let part = e.tagName.toLowerCase();
      if (e.id) {
        parts.unshift(`${part}#${CSS.escape(e.id)}`);
        break;
      }
      part += [...e.classList].slice(0, 2).map((c) => '.' + CSS.escape(c)).join('');
      const parent = e.parentElement;
      if (parent) {
        const same = [...parent.children].filter((c) => c.tagName === e.tagName);
        if (same.length > 1) part += `:nth-of-type(${same.indexOf(e) + 1})`;
      }
      parts.unshift(part);
    }
    return parts.join(' > ');
  };
  const accessibleName = (el) => {
    const label = (el.getAttribute('aria-label') || '').trim();
    if (label) return label;
    const ids = (el.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
    return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
  };
  // The nearest box in `el`'s containing-block chain that clips or scrolls sideways (an
  // absolutely positioned box escapes a scroll box that is not positioned), or null.
  const clipper = (el, ownPosition) => {
    let position = ownPosition;
    for (let a = el.parentElement; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
      const cs = getComputedStyle(a);
      const containing =
        position === 'absolute' ? cs.position !== 'static' || cs.transform !== 'none'
          : position === 'fixed' ? cs.transform !== 'none'
            : true;
      if (!containing) continue;
      if (cs.overflowX !== 'visible') return a;
      position = cs.position;
    }
    return null;
  };
  // Why a box reaching past the edge is a problem, or '' when it is not.
  const problem = (node, position) => {
    const box = clipper(node, position);
    if (!box) return 'reaches past the edge of the page';
    if (box.getBoundingClientRect().right > edge) return ''; // the clipping box is reported itself
    if (box.closest('svg')) return ''; // a graphic clipped to its own box
    const b = box.getBoundingClientRect();
    if (b.width <= 1 || b.height <= 1) return ''; // visually hidden text, there for screen readers
    const cs = getComputedStyle(box);
    if (cs.overflowX !== 'auto' && cs.overflowX !== 'scroll') return `is cut off by ${describe(box)}`;
    if (box.getAttribute('role') !== 'region') return `scrolls inside ${describe(box)}, which is not a region (role=region)`;
    if (!accessibleName(box)) return `scrolls inside ${describe(box)}, a region with no accessible name`;
    if (box.tabIndex < 0) return `scrolls inside ${describe(box)}, which the keyboard cannot reach (no tabindex)`;
    return '';
  };
  const offenders = new Map(); // element -> entry
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if ((r.width === 0 && r.height === 0) || r.right <= edge || !el.checkVisibility()) continue;
    const why = problem(el, getComputedStyle(el).position);
    if (why) offenders.set(el, { el, right: r.right, width: r.width, what: 'box', why });
  }
  // Text that runs out of its element's box (a long word or URL).
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim()) continue;
    range.selectNodeContents(node);
    const r = range.getBoundingClientRect();
    const el = node.parentElement;
    if (r.right <= edge || !el || offenders.has(el) || !el.checkVisibility()) continue;
    const why = problem(node, 'static');
    if (why) offenders.set(el, { el, right: r.right, width: r.width, what: 'text', why });
  }
  const entries = [...offenders.values()]
    .filter((o) => !offenders.has(o.el.parentElement)) // the outermost of each
    .map((o) => ({
      selector: describe(o.el),
      right: Math.round(o.right),
      width: Math.round(o.width),
      what: o.what,
      why: o.why,
      text: (o.el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 60),
    }));
  entries.sort((a, b) => b.right - a.right);
  return {
    scrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
    offenders: entries,
  };
}

// In the page, at 320 px: the dashboard's tables as cards. Returns problems (strings).
function cardReport(width) {
  const problems = [];
  const tables = [...document.querySelectorAll('main table')];
  if (!tables.length) problems.push('no table in main');
  for (const [tableIdx, table] of tables.entries()) {
    const caption = table.caption?.textContent.trim().slice(0, 50) ?? `table ${tableIdx + 1}`;
    for (const row of table.tBodies[0]?.rows ?? []) {
      const r = row.getBoundingClientRect();
      if (r.right > width + 0.5) problems.push(`"${caption}": a row reaches ${Math.round(r.right)} px`);
      for (const cell of row.cells) {
        const c = cell.getBoundingClientRect();
        if (c.width < width * 0.6) {
          problems.push(`"${caption}": a cell of "${row.cells[0].textContent.trim()}" is ${Math.round(c.width)} px wide, not a line of a card`);
          break;
        }
      }
      if (problems.length > 5) return problems;
    }
  }
  for (const el of document.querySelectorAll('main *')) {
    if (el.scrollWidth > el.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(el).overflowX))
      problems.push(`${el.tagName.toLowerCase()}${el.className ? '.' + el.className.split(' ')[0] : ''} scrolls sideways`);
  }
  return problems;
}

// In the page, at a width where the dashboard is a table: the scroll regions' hints and sticky
// headers. Returns { scrolling: number of regions that scroll sideways, problems }.
async function stickyReport() {
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const problems = [];
  let scrolling = 0;
  const visible = (el) => el && el.checkVisibility() && el.getBoundingClientRect().width > 1 && el.textContent.trim();
  for (const region of document.querySelectorAll('main [role="region"]')) {
    const name = (region.getAttribute('aria-label') || region.getAttribute('aria-labelledby') || '?').slice(0, 40);
    const hints = (region.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean)
      .map((id) => document.getElementById(id)).filter((el) => el && /scroll/i.test(el.textContent));
    const sideways = region.scrollWidth > region.clientWidth + 1;
    const shown = hints.filter(visible);
    if (sideways && !shown.length) problems.push(`region "${name}" scrolls sideways but shows no hint that says so (aria-describedby)`);
    if (!sideways && shown.length) problems.push(`region "${name}" does not scroll sideways but its hint says it does`);
    const table = region.querySelector('table');
    if (!sideways || !table) continue;
    scrolling += 1;
    const rowHeader = table.querySelector('tbody th');
    const colHeader = table.querySelector('thead th:last-child');
    region.scrollLeft = region.scrollWidth;
    await frame();
    const box = region.getBoundingClientRect();
    const rh = rowHeader.getBoundingClientRect();
    if (rh.left < box.left - 1 || rh.right > box.left + region.clientWidth + 1)
      problems.push(`region "${name}" scrolled to its right: the area name "${rowHeader.textContent.trim()}" is out of view (${Math.round(rh.left)}..${Math.round(rh.right)} px, region ${Math.round(box.left)}..${Math.round(box.right)} px)`);
    if (region.scrollHeight > region.clientHeight + 1) {
      region.scrollTop = region.scrollHeight;
      await frame();
      const ch = colHeader.getBoundingClientRect();
      if (ch.top < box.top - 1 || ch.top > box.top + 2)
        problems.push(`region "${name}" scrolled to its foot: the header row is out of view (top ${Math.round(ch.top)} px, region top ${Math.round(box.top)} px)`);
    }
    region.scrollLeft = 0;
    region.scrollTop = 0;
  }
  return { scrolling, problems };
}

const server = await serve(outDir);
const origin = server.origin;
const outside = new Map();
const context = await launch(chromium, { viewport: { width: NARROW, height: 640 } });
await guard(context, 'reflow', origin, outside);
const page = context.pages()[0] ?? (await context.newPage());
const frame = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

// The site's pages as URL paths; the dashboard's views from its navigation.
const files = await htmlFiles(outDir);
const urlOf = (file) => '/' + file.replace(/(^|\/)index\.html$/, '$1');
const urls = files.map(urlOf);
await page.goto(origin + '/dashboard/', { waitUntil: 'load' });
const listed = await page.locator(`${DASHBOARD_NAV} a[href]`).evaluateAll((as) => as.map((a) => new URL(a.href).pathname.replace(/index\.html$/, '')));
const views = [...new Set(['/dashboard/', ...listed])];
const outcomes = JSON.parse(await fs.readFile(`${outDir}/model.json`, 'utf8').catch(() => '{}')).outcomes ?? [];
{
  const lines = [];
  if (!listed.length) lines.push(`the dashboard has no ${DASHBOARD_NAV} with links`);
  // Every cell, what has not met its target, and one view per outcome.
  if (listed.length < outcomes.length + 2)
    lines.push(`${listed.length} views listed, expected at least ${outcomes.length + 2} (every cell, not met, and one per outcome)`);
  for (const view of listed) if (!urls.includes(view)) lines.push(`${view} is listed but is not a page of the site`);
  for (const must of MUST_SEE) if (!urls.includes(must)) lines.push(`${must} is not a page of the site`);
  record('site', `the dashboard lists its views (${listed.join(' ') || 'none'}) and every page to check exists`, lines.length === 0, lines);
}

let checked = 0;
let scrollingRegions = 0;
for (const url of urls) {
  const label = url;
  const res = await page.goto(origin + url, { waitUntil: 'load' });
  if (!res || res.status() >= 400) {
    if (!url.endsWith('404.html')) record(label, 'loads', false, [`status ${res?.status()}`]);
    if (!res) continue;
  }
  await frame();
  const o = await page.evaluate(reflowReport, NARROW);
  const lines = [];
  if (o.scrollWidth > NARROW) lines.push(`the document is ${o.scrollWidth} px wide`);
  for (const e of o.offenders.slice(0, 8))
    lines.push(`${e.selector} (${e.what === 'text' ? 'its text' : 'box'} reaches ${e.right} px, ${e.width} px wide) ${e.why}: "${e.text}"`);
  if (o.offenders.length > 8) lines.push(`(${o.offenders.length} in all)`);
  record(label, `no sideways scrolling at ${NARROW} px outside a labelled scroll region`, lines.length === 0, lines);
  checked += 1;

  if (views.includes(url)) {
    const cards = await page.evaluate(cardReport, NARROW);
    record(label, `at ${NARROW} px each area is a card, nothing scrolls sideways`, cards.length === 0, cards);
    await page.setViewportSize({ width: MEDIUM, height: 800 });
    await frame();
    const sticky = await page.evaluate(stickyReport);
    scrollingRegions += sticky.scrolling;
    record(label, `at ${MEDIUM} px scroll regions say they scroll; area names and header row stay in view (${sticky.scrolling} scrolling)`, sticky.problems.length === 0, sticky.problems);
    await page.setViewportSize({ width: NARROW, height: 640 });
  }
}
for (const must of MUST_SEE) if (!urls.includes(must)) record(must, 'checked', false, ['not a page of the site']);
// The sticky checks must have had something to scroll, or they proved nothing.
record('dashboard', `at ${MEDIUM} px at least one dashboard table scrolls sideways, so its sticky headers were tried (${scrollingRegions})`, scrollingRegions > 0);
record('site', `no request outside ${origin}`, outside.size === 0, [...outside.entries()].map(([u, from]) => `${u} (${from})`));

await context.close();
await server.close();
const failed = results.filter((r) => !r.ok);
console.log(`reflow: ${checked} pages at ${NARROW} px in ${((Date.now() - started) / 1000).toFixed(1)} s; ${results.length - failed.length} checks passed, ${failed.length} failed`);
for (const r of failed) console.log(`  FAILED ${r.page}: ${r.check}`);
process.exitCode = failed.length ? 1 : 0;
