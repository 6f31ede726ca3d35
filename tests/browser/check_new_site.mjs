// A site `outcomes new` made (with the 17 Southend-on-Sea wards of tests/fixtures/boundaries/)
// and built with the built-in theme, opened in Debian's Chromium (playwright-core):
//   - each of its page types loads with status 200, its <title> and one non-empty h1, and the
//     example-data banner (the figures are made up);
//   - axe-core (WCAG 2.0/2.1 A and AA, 2.2 AA) finds no violation, at 1280 and 320 px wide;
//   - no horizontal scrolling at 320 px; no script or console error, no missing subresource, no
//     request leaves the local server;
//   - the indicator's ward map links every ward;
//   - screenshots at 320 and 1280 px: build/screenshots/new-site-<page-type>-<width>.png.
// Usage: node tests/browser/check_new_site.mjs OUTDIR TITLE
// Exits 0 when every check passed, 1 when any failed, 2 on a usage or set-up error.
import fs from 'node:fs/promises';
import path from 'node:path';
import { guard, launch, loadChromium, repoRoot } from './browser.mjs';
import { serve } from './server.mjs';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const WIDTHS = [1280, 320];
const WARDS = 17;

const PAGES = [
  { type: 'home', path: '/' },
  { type: 'outcome', path: '/outcomes/proud-of-our-area/' },
  { type: 'indicator', path: '/indicators/area-satisfaction/' },
  { type: 'ward', path: '/areas/kursaal/' },
  { type: 'council', path: '/areas/southend-on-sea/' },
  { type: 'dashboard', path: '/dashboard/' },
  { type: 'page', path: '/pages/about/' },
];

function usage(message) {
  console.error(`check_new_site: ${message}`);
  console.error('usage: node tests/browser/check_new_site.mjs OUTDIR TITLE');
  process.exit(2);
}

const [outDir, title] = process.argv.slice(2);
if (!outDir || !title || process.argv.length > 4) usage('expected the built site folder and its title');
if (!(await fs.stat(outDir).catch(() => null))?.isDirectory()) usage(`${outDir} is not a folder`);
const chromium = await loadChromium(usage);
const axePath = path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js');
const axeSource = await fs.readFile(axePath, 'utf8').catch(() => usage(`no ${axePath}: run scripts/install-deps.sh`));
const shotDir = path.resolve(process.env.SCREENSHOT_DIR || path.join(repoRoot, 'build', 'screenshots'));
await fs.mkdir(shotDir, { recursive: true });

let failures = 0;
function record(label, check, problems) {
  const ok = problems.length === 0;
  if (!ok) failures += 1;
  console.log(`${ok ? 'ok    ' : 'FAILED'} ${label}: ${check}`);
  for (const line of problems) console.log(`         ${line}`);
}

const server = await serve(outDir);
const origin = server.origin;
const outside = new Map();
const context = await launch(chromium, {});
await guard(context, 'new site', origin, outside);
const page = context.pages()[0] ?? (await context.newPage());
console.log(`serving ${path.resolve(outDir)} at ${origin}`);

for (const spec of PAGES) {
  const label = `${spec.type} (${spec.path})`;
  const errors = [];
  const onConsole = (m) => m.type() === 'error' && errors.push(`console error: ${m.text()}`);
  const onPageError = (e) => errors.push(`script error: ${e.message}`);
  const onResponse = (r) => r.status() >= 400 && errors.push(`${r.status()} for ${r.url()}`);
  const onFailed = (r) => errors.push(`request failed: ${r.url()} (${r.failure()?.errorText})`);
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  page.on('response', onResponse);
  page.on('requestfailed', onFailed);

  await page.setViewportSize({ width: 1280, height: 800 });
  const response = await page.goto(origin + spec.path, { waitUntil: 'load' });
  const shape = [];
  if (response?.status() !== 200) shape.push(`status ${response?.status()}, expected 200`);
  const pageTitle = await page.title();
  if (!pageTitle.includes(title)) shape.push(`title "${pageTitle}" does not name the site ("${title}")`);
  const h1s = await page.locator('h1').allInnerTexts();
  if (h1s.length !== 1 || !h1s[0].trim()) shape.push(`h1 elements: ${JSON.stringify(h1s)}, expected one with text`);
  const banner = await page.locator('.banner').allInnerTexts();
  if (!banner.some((text) => /example/i.test(text))) shape.push('no example-data banner');
  if (spec.type === 'indicator') {
    const links = await page.locator('svg[aria-labelledby="ward-map-title"] a').count();
    if (links !== WARDS) shape.push(`the ward map links ${links} wards, expected ${WARDS}`);
  }
  record(label, `loads with its title, one h1 ("${(h1s[0] ?? '').trim().slice(0, 50)}") and the example banner`, shape);

  const violations = new Map(); // rule -> [target (width)]
  const reflow = [];
  for (const width of WIDTHS) {
    if (width !== 1280) {
      await page.setViewportSize({ width, height: 640 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > width) reflow.push(`document is ${scrollWidth} px wide at ${width} px`);
    }
    if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.addScriptTag({ content: axeSource });
    const found = await page.evaluate(async (tags) => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
    }, AXE_TAGS);
    for (const v of found) {
      if (!violations.has(v.id)) violations.set(v.id, [`${v.id}: ${v.help}`]);
      for (const target of v.targets) violations.get(v.id).push(`  ${target} (at ${width} px)`);
    }
    await page.screenshot({ path: path.join(shotDir, `new-site-${spec.type}-${width}.png`), fullPage: true });
  }
  record(label, `axe-core (${AXE_TAGS.join(' ')}) at ${WIDTHS.join(' and ')} px: no violations`, [...violations.values()].flat());
  record(label, 'no horizontal scrolling at 320 px', reflow);
  page.off('console', onConsole);
  page.off('pageerror', onPageError);
  page.off('response', onResponse);
  page.off('requestfailed', onFailed);
  record(label, 'no script or console errors, no failed or missing subresources', errors);
}

record('site', `no request outside ${origin}`, [...outside.keys()]);
await context.close();
await server.close();
console.log(failures === 0 ? '\nall checks passed' : `\n${failures} check(s) FAILED`);
process.exit(failures === 0 ? 0 : 1);
