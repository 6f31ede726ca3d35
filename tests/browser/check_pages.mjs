// Browser checks of a built site, in Debian's Chromium driven by playwright-core:
//   - every page type: axe-core (WCAG 2.0/2.1 A and AA, 2.2 AA) with 0 violations, at 1280 px
//     and at 320 px wide;
//   - usable with JavaScript off (a second browser context): the page loads, has one non-empty
//     h1, a main element and navigation links;
//   - no horizontal scrolling at 320 px (the widest offending element is reported);
//   - full-page screenshots at 320 and 1280 px: build/screenshots/<page-type>-<width>.png;
//   - no request leaves the local test server (all others are blocked, and fail the run), no
//     page script errors, no missing subresource;
//   - every HTML page of the site is at most 150 KB.
// Usage: node tests/browser/check_pages.mjs OUTDIR
// SCREENSHOT_DIR overrides where screenshots go (default: build/screenshots under the repo root).
// Exits 0 when every check passed, 1 when any failed, 2 on a usage or set-up error.
import fs from 'node:fs/promises';
import path from 'node:path';
import { guard as guardContext, launch as launchChromium, loadChromium, repoRoot } from './browser.mjs';
import { serve } from './server.mjs';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const WIDTHS = [1280, 320];
const NARROW = 320;
const MAX_HTML_BYTES = 150 * 1024;

// One of each page type of the example site. `status` is the HTTP status the page must have.
const PAGES = [
  { type: 'home', path: '/' },
  { type: 'outcome', path: '/outcomes/best-start/' },
  { type: 'indicator', path: '/indicators/gld/' },
  { type: 'ward', path: '/areas/kursaal/' },
  { type: 'area-group', path: '/areas/target-wards/' },
  { type: 'dashboard', path: '/dashboard/' },
  { type: 'dashboard-not-met', path: '/dashboard/not-met/' },
  { type: 'dashboard-outcome', path: '/dashboard/best-start/' },
  { type: 'case-study', path: '/case-studies/bradford/' },
  { type: 'list', path: '/case-studies/' },
  { type: 'library', path: '/library/' },
  { type: 'methodology', path: '/methodology/' },
  { type: 'accessibility', path: '/accessibility/' },
  { type: 'downloads', path: '/downloads/' },
  { type: '404', path: '/no-such-page.html', status: 404 },
];

const started = Date.now();
const seconds = (from = started) => ((Date.now() - from) / 1000).toFixed(1);

function usage(message) {
  console.error(`check_pages: ${message}`);
  console.error('usage: node tests/browser/check_pages.mjs OUTDIR');
  process.exit(2);
}

const outDir = process.argv[2];
if (!outDir || process.argv.length > 3) usage('expected one argument, the built site folder');
if (!(await fs.stat(outDir).catch(() => null))?.isDirectory()) usage(`${outDir} is not a folder`);
const chromium = await loadChromium(usage);
const axePath = path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js');
const axeSource = await fs.readFile(axePath, 'utf8').catch(() => usage(`no ${axePath}: run scripts/install-deps.sh`));
const shotDir = path.resolve(process.env.SCREENSHOT_DIR || path.join(repoRoot, 'build', 'screenshots'));
await fs.mkdir(shotDir, { recursive: true });

// ---- results -----------------------------------------------------------------------------------
const results = []; // { page, check, ok, lines[] }
function record(page, check, ok, lines = []) {
  results.push({ page, check, ok, lines });
  console.log(`${ok ? 'ok    ' : 'FAILED'} ${page}: ${check}`);
  for (const line of lines) console.log(`         ${line}`);
}
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

// ---- the server ----------------------------------------------------------------------------------
const server = await serve(outDir);
const origin = server.origin;
const shown = shotDir.startsWith(repoRoot + path.sep) ? path.relative(repoRoot, shotDir) : shotDir;
console.log(`serving ${path.resolve(outDir)} at ${origin}; screenshots in ${shown}`);

// The server itself: content types, folders, the 404 page, no escape from the folder.
{
  const problems = [];
  const expect = async (p, status, type, test) => {
    const res = await fetch(origin + p, { redirect: 'manual' });
    const body = await res.text();
    if (res.status !== status) problems.push(`${p}: status ${res.status}, expected ${status}`);
    if (type && !(res.headers.get('content-type') ?? '').startsWith(type))
      problems.push(`${p}: content type ${res.headers.get('content-type')}, expected ${type}`);
    if (test && !test(body, res)) problems.push(`${p}: unexpected response`);
  };
  await expect('/', 200, 'text/html', (b) => b.includes('<h1'));
  await expect('/index.html', 200, 'text/html');
  await expect('/assets/site.css', 200, 'text/css');
  await expect('/outcomes', 301, null, (_, r) => r.headers.get('location') === '/outcomes/');
  await expect('/no/such/page', 404, 'text/html', (b) => b.includes('<h1'));
  await expect('/%2e%2e/%2e%2e/%2e%2e/etc/passwd', 404, 'text/html', (b) => !b.includes('root:'));
  record('server', 'serves files, folders and 404.html with the right status and type', problems.length === 0, problems);
}

// ---- HTML sizes: every page of the site ----------------------------------------------------------
const sizes = new Map(); // site-relative path -> bytes
async function walk(dir) {
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await walk(full);
    else if (entry.name.endsWith('.html')) sizes.set(path.relative(outDir, full), (await fs.stat(full)).size);
  }
}
await walk(outDir);

// ---- the browser ---------------------------------------------------------------------------------
const outside = new Map(); // url -> what asked for it
const guard = (context, label) => guardContext(context, label, origin, outside);
const launch = (options) => launchChromium(chromium, options);

// Where the page overflows `width`: the element (or text) reaching furthest right, and the
// outermost offenders (whose parent does not overflow). Anything clipped by a box that clips or
// scrolls sideways is skipped, but only when that box is in its containing-block chain: an
// absolutely positioned element escapes a scroll box that is not positioned.
function overflowReport(width) {
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
  const clipped = (el, ownPosition) => {
    let position = ownPosition;
    for (let a = el.parentElement; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
      const cs = getComputedStyle(a);
      const containing =
        position === 'absolute' ? cs.position !== 'static' || cs.transform !== 'none'
          : position === 'fixed' ? cs.transform !== 'none'
            : true;
      if (!containing) continue;
      if (cs.overflowX !== 'visible' && a.getBoundingClientRect().right <= edge) return true;
      position = cs.position;
    }
    return false;
  };
  const offenders = new Map(); // element -> entry
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if ((r.width === 0 && r.height === 0) || r.right <= edge) continue;
    if (clipped(el, getComputedStyle(el).position)) continue;
    offenders.set(el, { el, right: r.right, width: r.width, what: 'box' });
  }
  // Text that runs out of its element's box (a long word or URL).
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim()) continue;
    range.selectNodeContents(node);
    const r = range.getBoundingClientRect();
    const el = node.parentElement;
    if (r.right <= edge || !el || offenders.has(el)) continue;
    if (clipped(node, 'static')) continue; // (its parent element is the first box looked at)
    offenders.set(el, { el, right: r.right, width: r.width, what: 'text' });
  }
  const entries = [...offenders.values()].map((o) => ({
    selector: describe(o.el),
    right: Math.round(o.right),
    width: Math.round(o.width),
    what: o.what,
    position: getComputedStyle(o.el).position,
    outermost: !offenders.has(o.el.parentElement),
    text: (o.el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 60),
  }));
  entries.sort((a, b) => b.right - a.right);
  return {
    scrollWidth: document.documentElement.scrollWidth,
    widest: entries[0] ?? null,
    outermost: entries.filter((o) => o.outermost).slice(0, 6),
    count: entries.length,
  };
}

async function runAxe(page) {
  const loaded = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    const slim = (list) =>
      list.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({
          target: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(', '),
          html: n.html,
          summary: n.failureSummary,
        })),
      }));
    return { violations: slim(r.violations), incomplete: r.incomplete.map((v) => `${v.id} (${v.nodes.length})`) };
  }, AXE_TAGS);
}

// JavaScript off: the page loads, has one non-empty h1, a main and navigation links.
async function checkWithoutJs(page, spec) {
  const wantStatus = spec.status ?? 200;
  const problems = [];
  const res = await page.goto(origin + spec.path, { waitUntil: 'load' });
  if (res?.status() !== wantStatus) problems.push(`status ${res?.status()}, expected ${wantStatus}`);
  const h1 = page.locator('h1');
  const h1Count = await h1.count();
  if (h1Count !== 1) problems.push(`${h1Count} h1 elements, expected 1`);
  else if (!(await h1.isVisible()) || !(await h1.innerText()).trim()) problems.push('the h1 is empty or hidden');
  const main = page.locator('main');
  const mainCount = await main.count();
  if (mainCount !== 1) problems.push(`${mainCount} main elements, expected 1`);
  else if (!(await main.isVisible()) || (await main.innerText()).trim().length < 20) problems.push('main is hidden or nearly empty');
  const visibleNav = await page
    .locator('nav a[href]')
    .evaluateAll((as) => as.filter((a) => a.getClientRects().length > 0).length);
  if (visibleNav < 2) problems.push(`${visibleNav} visible navigation links (nav a[href]), expected at least 2`);
  const h1Text = h1Count === 1 ? (await h1.innerText()).trim() : '';
  const check = `usable with JavaScript off${h1Text ? ` (h1 "${h1Text.slice(0, 50)}", ${visibleNav} nav links)` : ''}`;
  return { check, problems };
}

const [jsOn, jsOff] = await Promise.all([launch({}), launch({ javaScriptEnabled: false })]);
await guard(jsOn, 'JavaScript on');
await guard(jsOff, 'JavaScript off');
console.log(`Chromium ${jsOn.browser()?.version?.() ?? ''} ready after ${seconds()} s`);

const onPage = jsOn.pages()[0] ?? (await jsOn.newPage());
const offPage = jsOff.pages()[0] ?? (await jsOff.newPage());

// The JavaScript-off checks run one after another in their own browser, alongside the rest.
const offResults = [];
{
  let previous = Promise.resolve();
  for (const spec of PAGES) {
    previous = previous.then(() => checkWithoutJs(offPage, spec)).catch((error) => ({ check: 'usable with JavaScript off', problems: [`error: ${error.message}`] }));
    offResults.push(previous);
  }
}

for (const [index, spec] of PAGES.entries()) {
  const pageStart = Date.now();
  const label = `${spec.type} (${spec.path})`;
  const wantStatus = spec.status ?? 200;
  const url = origin + spec.path;

  // -- JavaScript on: load, axe at each width, overflow at 320, screenshots
  const errors = [];
  // "Failed to load resource" duplicates what onResponse and onFailed report (and is also said
  // of the 404 page itself).
  const onConsole = (m) =>
    m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(`console error: ${m.text()}`);
  const onPageError = (e) => errors.push(`script error: ${e.message}`);
  const onResponse = (r) => {
    if (r.request().isNavigationRequest() && r.request().frame() === onPage.mainFrame()) return;
    if (r.status() >= 400) errors.push(`${r.status()} for ${r.url()}`);
  };
  const onFailed = (r) => errors.push(`request failed: ${r.url()} (${r.failure()?.errorText})`);
  onPage.on('console', onConsole);
  onPage.on('pageerror', onPageError);
  onPage.on('response', onResponse);
  onPage.on('requestfailed', onFailed);

  await onPage.setViewportSize({ width: 1280, height: 800 });
  const response = await onPage.goto(url, { waitUntil: 'load' });
  const status = response?.status();
  if (status !== wantStatus) {
    record(label, `loads with status ${wantStatus}`, false, [`got status ${status}`]);
  }

  const axeFound = new Map(); // id + target -> { violation, node, widths }
  const incomplete = new Set();
  for (const width of WIDTHS) {
    if (width !== 1280) {
      await onPage.setViewportSize({ width, height: 640 });
      await onPage.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
    const axe = await runAxe(onPage);
    for (const id of axe.incomplete) incomplete.add(id);
    for (const v of axe.violations) {
      for (const n of v.nodes) {
        const key = `${v.id}\u0000${n.target}`;
        if (!axeFound.has(key)) axeFound.set(key, { v, n, widths: [] });
        axeFound.get(key).widths.push(width);
      }
    }
    if (width === NARROW) {
      const o = await onPage.evaluate(overflowReport, NARROW);
      const lines = [`document scrollWidth ${o.scrollWidth} px`];
      const say = (e) =>
        `${e.selector} (${e.what === 'text' ? 'its text' : `${e.position} box`} reaches ${e.right} px, ${e.width} px wide) "${e.text}"`;
      if (o.scrollWidth > NARROW) {
        lines.push(o.widest ? `widest: ${say(o.widest)}` : 'no single element found (pseudo-element or margin?)');
        for (const e of o.outermost) if (e.selector !== o.widest?.selector) lines.push(`overflows: ${say(e)}`);
        if (o.count > o.outermost.length) lines.push(`(${o.count} offending elements in all)`);
      }
      record(label, `no horizontal scrolling at ${NARROW} px`, o.scrollWidth <= NARROW, o.scrollWidth > NARROW ? lines : []);
    }
    const shot = path.join(shotDir, `${spec.type}-${width}.png`);
    await onPage.screenshot({ path: shot, fullPage: true });
  }

  // Group the axe findings by rule for the report.
  const byRule = new Map();
  for (const { v, n, widths } of axeFound.values()) {
    if (!byRule.has(v.id)) byRule.set(v.id, { v, nodes: [] });
    byRule.get(v.id).nodes.push({ n, widths });
  }
  const axeLines = [];
  for (const { v, nodes } of byRule.values()) {
    axeLines.push(`${v.id} [${v.impact}] ${v.help} (${nodes.length} element${nodes.length > 1 ? 's' : ''}) ${v.helpUrl}`);
    for (const { n, widths } of nodes) {
      const at = widths.length === WIDTHS.length ? '' : ` (at ${widths.join(', ')} px only)`;
      axeLines.push(`  target: ${n.target}${at}`);
      axeLines.push(`    html: ${n.html.replace(/\s+/g, ' ').slice(0, 200)}`);
      const summary = (n.summary || '').split('\n').map((s) => s.trim()).filter(Boolean).slice(0, 3).join(' / ');
      if (summary) axeLines.push(`    ${summary.slice(0, 300)}`);
    }
  }
  record(label, `axe-core (${AXE_TAGS.join(' ')}) at ${WIDTHS.join(' and ')} px: ${byRule.size} violation${byRule.size === 1 ? '' : 's'}`, byRule.size === 0, axeLines);
  if (incomplete.size) console.log(`         (axe "needs review", not counted: ${[...incomplete].join(', ')})`);

  onPage.off('console', onConsole);
  onPage.off('pageerror', onPageError);
  onPage.off('response', onResponse);
  onPage.off('requestfailed', onFailed);
  record(label, 'no script errors, failed or missing subresources', errors.length === 0, errors);

  // -- JavaScript off (checked alongside, in the other browser)
  const off = await offResults[index];
  record(label, off.check, off.problems.length === 0, off.problems);

  // -- HTML size
  const rel = spec.type === '404' ? '404.html' : path.join(spec.path.slice(1), 'index.html');
  const bytes = sizes.get(rel);
  console.log(`         HTML ${rel}: ${bytes === undefined ? 'not found' : kb(bytes)}; page checked in ${seconds(pageStart)} s`);
}

// Not counted as a failure (a design question: the site's links are relative), but reported: the
// 404 page as hosts that serve 404.html for every missing path show it at a nested missing path.
const warnings = [];
{
  const nested = '/no/such/page/';
  const bad = [];
  const onResponse = (r) => {
    if (!r.request().isNavigationRequest() && r.status() >= 400) bad.push(`${r.status()} for ${r.url()}`);
  };
  onPage.on('response', onResponse);
  await onPage.setViewportSize({ width: 1280, height: 800 });
  await onPage.goto(origin + nested, { waitUntil: 'load' });
  onPage.off('response', onResponse);
  const links = await onPage.locator('a[href]').evaluateAll((as) => [...new Set(as.map((a) => a.href.split('#')[0]))]);
  for (const link of links) {
    if (!link.startsWith(origin) || link === origin + nested) continue; // (the skip link)
    const res = await fetch(link);
    if (res.status !== 200) bad.push(`link to ${link.slice(origin.length)} gives ${res.status}`);
  }
  if (bad.length) {
    warnings.push(`the 404 page shown at a nested missing path (${nested}) is broken:`, ...bad.map((b) => `  ${b}`));
    console.log(`WARNING 404 at ${nested}: ${bad.length} broken resource(s) or link(s) (not counted)`);
    for (const b of bad) console.log(`         ${b}`);
  }
}

// Every page of the site within the size budget.
{
  const sorted = [...sizes.entries()].sort((a, b) => b[1] - a[1]);
  const over = sorted.filter(([, b]) => b > MAX_HTML_BYTES);
  const lines = over.map(([p, b]) => `${p}: ${kb(b)}`);
  const [largest, largestBytes] = sorted[0] ?? ['(none)', 0];
  record(
    'site',
    `every HTML page at most ${kb(MAX_HTML_BYTES)} (${sizes.size} pages; largest ${largest}, ${kb(largestBytes)})`,
    sizes.size > 0 && over.length === 0,
    lines,
  );
}

// Nothing asked for outside the local server.
record(
  'site',
  `no request outside ${origin} (all such requests are blocked)`,
  outside.size === 0,
  [...outside.entries()].map(([u, from]) => `${u} (${from})`),
);

await jsOn.close();
await jsOff.close();
await server.close();

const failed = results.filter((r) => !r.ok);
console.log();
if (failed.length) {
  console.log('browser checks that failed:');
  for (const r of failed) console.log(`  ${r.page}: ${r.check}`);
}
if (warnings.length) {
  console.log('warnings (not counted):');
  for (const w of warnings) console.log(`  ${w}`);
}
console.log(`browser checks took ${seconds()} s`);
console.log(`browser: ${results.length - failed.length} passed, ${failed.length} failed`);
process.exitCode = failed.length ? 1 : 0;
