// Browser checks of the postcode finder and the Your area page, in Debian's Chromium:
//   - with JavaScript: a postcode typed into the box (any spacing or case, a 4-character
//     outward code too) reaches its ward's page; a postcode the site does not list, and text
//     that is not a postcode, get a message and stay on the page;
//   - without JavaScript: the box stays hidden, and the path finder -> district -> sector ->
//     ward reaches the ward's page, the postcode listed under its ward on the sector's page;
//   - the ward map on Your area: every ward a link, reachable with the Tab key;
//   - comparing any two wards (with JavaScript): each figure is the one the ward's own page
//     gives for that period; areas of different kinds are not compared;
//   - site search: the header box finds an indicator by a word of its definition; the A to Z
//     index without JavaScript;
//   - axe-core (WCAG 2.0/2.1 A and AA, 2.2 AA): 0 violations on the finder's pages, with the
//     site's script and with it blocked (as without JavaScript), at 1280 and 320 px.
// Usage: node tests/browser/check_finder.mjs OUTDIR (the example site, built).
// Exits 0 when every check passed, 1 when any failed, 2 on a usage or set-up error.
import fs from 'node:fs/promises';
import path from 'node:path';
import { guard, launch, loadChromium, repoRoot } from './browser.mjs';
import { serve } from './server.mjs';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PAGES = ['/areas/', '/postcodes/', '/postcodes/ss0/', '/postcodes/ss0/ss0-0/', '/compare/',
  '/areas/kursaal/compare/southend-on-sea/', '/search/', '/search/?q=foundation'];

function usage(message) {
  console.error(`check_finder: ${message}`);
  console.error('usage: node tests/browser/check_finder.mjs OUTDIR');
  process.exit(2);
}

const outDir = process.argv[2];
if (!outDir || process.argv.length > 3) usage('expected one argument, the built site folder');
const chromium = await loadChromium(usage);
const axeSource = await fs
  .readFile(path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8')
  .catch(() => usage('no axe-core: run scripts/install-deps.sh'));

let failures = 0;
function record(ok, what, detail = '') {
  console.log(`${ok ? 'ok    ' : 'FAILED'} ${what}${detail ? `: ${detail}` : ''}`);
  if (!ok) failures += 1;
}

const server = await serve(outDir);
const origin = server.origin;
const outside = new Map();
const scripted = await launch(chromium);
const plain = await launch(chromium, { javaScriptEnabled: false });
await guard(scripted, 'with JavaScript', origin, outside);
await guard(plain, 'without JavaScript', origin, outside);

try {
  // ---- with JavaScript -----------------------------------------------------------------------
  const page = await scripted.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const tryPostcode = async (typed) => {
    await page.goto(`${origin}/areas/`);
    await page.fill('#finder-postcode', typed);
    await Promise.all([
      page.waitForFunction(
        (start) => location.href !== start || document.querySelector('.finder-message').textContent !== '',
        page.url(),
      ),
      page.click('form[data-finder] button'),
    ]);
    await page.waitForLoadState('load');
    // A message is shown once the lookup ends (looking up... first).
    await page
      .waitForFunction(() => !document.querySelector('.finder-message') ||
        !document.querySelector('.finder-message').textContent.startsWith('Looking up'))
      .catch(() => {});
    const message = (await page.locator('.finder-message').count())
      ? await page.locator('.finder-message').textContent()
      : '';
    return { url: new URL(page.url()).pathname, message };
  };
  for (const [typed, ward] of [
    ['SS0 0AA', '/areas/blenheim-park/index.html'],
    ['  ss00aa ', '/areas/blenheim-park/index.html'],
    ['SS22 8QP', '/areas/st-laurence/index.html'],
  ]) {
    const { url } = await tryPostcode(typed);
    record(url === ward, `"${typed}" reaches its ward's page`, url);
  }
  {
    const { url, message } = await tryPostcode('SS1 9ZZ');
    record(url === '/areas/' && message.includes('could not find SS1 9ZZ'),
      'a postcode the site does not list gets a message', message);
  }
  {
    const { url, message } = await tryPostcode('hello');
    record(url === '/areas/' && message.includes('is not a full postcode'),
      'text that is not a postcode gets a message', message);
  }
  record(errors.length === 0, 'no script errors', errors.join('; '));

  // ---- without JavaScript --------------------------------------------------------------------
  const bare = await plain.newPage();
  await bare.goto(`${origin}/postcodes/`);
  record(!(await bare.locator('form[data-finder]').isVisible()), 'the box is hidden without JavaScript');
  await bare.click('a:text-is("SS0")');
  await bare.click('a:text-is("SS0 0")');
  const section = bare.locator('section.postcode-ward', { hasText: 'SS0 0AA' });
  record((await section.count()) === 1, 'the sector page lists SS0 0AA under one ward');
  await section.locator('h2 a').click();
  const heading = (await bare.locator('h1').textContent()).trim();
  record(heading === 'Blenheim Park', 'district -> sector -> ward reaches the ward', heading);

  // ---- the ward map --------------------------------------------------------------------------
  await page.goto(`${origin}/areas/`);
  const links = await page.locator('.map-figure svg a').count();
  record(links === 17, 'the Your area map links every ward', `${links} links`);
  let reached = false;
  for (let step = 0; step < 80 && !reached; step += 1) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => !!document.activeElement?.closest('.map-figure svg'));
  }
  record(reached, 'a map link is reachable with the Tab key');

  // ---- comparing any two areas --------------------------------------------------------------
  {
    await page.goto(`${origin}/compare/?a=kursaal`);
    const firstChoice = await page.locator('#compare-first option:checked').textContent();
    record(firstChoice === 'Kursaal', '?a= chooses the first area', firstChoice);
    await page.selectOption('#compare-second', { label: 'Milton' });
    await page.click('form[data-compare] button');
    await page.waitForSelector('.compare-result table');
    const rows = await page.$$eval('.compare-result tbody tr', (trs) => trs.map((tr) => ({
      title: tr.querySelector('th').textContent,
      cells: [...tr.querySelectorAll('td')].map((td) => td.firstChild.textContent),
    })));
    record(rows.length > 5, 'two wards side by side', `${rows.length} rows`);
    // Each figure is the one the ward's own page gives for that period.
    const problems = [];
    for (const [ward, column] of [['kursaal', 1], ['milton', 2]]) {
      const tab = await plain.newPage();
      await tab.goto(`${origin}/areas/${ward}/`);
      const summary = await tab.$$eval('.summary-table tbody tr', (trs) => trs.map((tr) => tr.textContent));
      await tab.close();
      let checked = 0;
      for (const row of rows) {
        const line = summary.find((text) => text.includes(row.title));
        if (!line || !line.includes(row.cells[0])) continue;  // not the page's latest period
        checked += 1;
        if (!line.includes(row.cells[column])) problems.push(`${ward} ${row.title}: ${row.cells[column]} not in "${line.trim()}"`);
      }
      if (checked === 0) problems.push(`${ward}: no row to check against its page`);
    }
    record(problems.length === 0, 'the figures are those on the wards\' pages', problems.join('; '));
    await page.selectOption('#compare-second', { label: 'Southend-on-Sea' });
    await page.click('form[data-compare] button');
    const kinds = await page.locator('.compare-message').textContent();
    record(kinds.includes('same kind'), 'areas of different kinds are not compared', kinds);
  }

  // ---- site search ---------------------------------------------------------------------------
  {
    // From any page's header box: a word of the GLD indicator's definition ("foundation", from
    // "Early Years Foundation Stage Profile") finds it.
    await page.goto(`${origin}/outcomes/`);
    record(await page.locator('form[data-search]').isVisible(), 'the header search box shows with JavaScript');
    await page.fill('#site-search-q', 'foundation');
    await Promise.all([page.waitForURL(/search\/index\.html\?q=foundation/), page.press('#site-search-q', 'Enter')]);
    await page.waitForSelector('.search-results li');
    const found = await page.$$eval('.search-results li a', (links) => links.map((a) => a.textContent));
    record(found.includes('Children achieving a good level of development at age 5') ||
      found.some((title) => /good level of development/i.test(title)),
    'search finds an indicator by a word of its definition', found.join('; '));
    const bare = await plain.newPage();
    await bare.goto(`${origin}/outcomes/`);
    record(!(await bare.locator('form[data-search]').isVisible()), 'the search box is hidden without JavaScript');
    await bare.click('a:text-is("A to Z index")');
    record((await bare.locator('#az-c + ul a:text-is("Children achieving a good level of development at the end of Reception")').count()) === 1, 'the A to Z index lists the indicator without JavaScript');
    await bare.close();
  }

  // ---- axe -----------------------------------------------------------------------------------
  // axe runs as a script itself: "without JavaScript" is the page with the site's scripts
  // blocked, as a browser without JavaScript shows it.
  for (const label of ['with JavaScript', 'without JavaScript']) {
    const tab = await scripted.newPage();
    if (label === 'without JavaScript') await tab.route('**/*.js', (route) => route.abort());
    for (const width of [1280, 320]) {
      await tab.setViewportSize({ width, height: 800 });
      for (const target of PAGES) {
        await tab.goto(origin + target);
        await tab.addScriptTag({ content: axeSource });
        const result = await tab.evaluate(
          (tags) => axe.run(document, { runOnly: { type: 'tag', values: tags } }),
          AXE_TAGS,
        );
        record(result.violations.length === 0, `axe ${target} ${label} at ${width} px`,
          result.violations.map((v) => `${v.id} (${v.nodes.length})`).join(', '));
      }
    }
    await tab.close();
  }
  record(outside.size === 0, 'no request left the local server', [...outside.keys()].join(', '));
} finally {
  await scripted.close();
  await plain.close();
  await server.close();
}
console.log(failures === 0 ? 'finder: all checks passed' : `finder: ${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
