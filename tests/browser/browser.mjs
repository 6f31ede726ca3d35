// Debian's Chromium for the browser checks, driven by playwright-core: one way to start it (a
// fresh profile, removed however the run ends) and to keep every request on the local server.
import fs from 'node:fs/promises';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Loads playwright-core's chromium, or calls `fail(message)` (which must not return) with advice.
export async function loadChromium(fail) {
  try {
    await fs.access(CHROMIUM, fs.constants.X_OK);
  } catch {
    fail(`no Chromium at ${CHROMIUM}: run scripts/install-deps.sh`);
  }
  try {
    return (await import('playwright-core')).chromium;
  } catch (error) {
    fail(`cannot load playwright-core (${error.message}): run scripts/install-deps.sh`);
  }
  return null;
}

const profiles = []; // fresh Chromium profiles, removed however the run ends
process.on('exit', () => {
  for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
});

// A browser context in a fresh profile (Playwright refuses --user-data-dir in args).
export async function launch(chromium, options = {}) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'browser-checks-profile-'));
  profiles.push(dir);
  return chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    ...options,
  });
}

// Blocks every request that does not go to `origin` (or is a data:, blob: or about: URL) and
// records it in `outside` (url -> what asked for it).
export function guard(context, label, origin, outside) {
  const allowed = (url) => {
    if (/^(data|blob|about):/.test(url)) return true;
    try {
      return new URL(url).origin === origin;
    } catch {
      return false;
    }
  };
  context.on('request', (request) => {
    if (!allowed(request.url()) && !outside.has(request.url()))
      outside.set(request.url(), `${label}, from ${request.frame()?.url?.() ?? '?'}`);
  });
  return context.route('**/*', (route) => {
    const url = route.request().url();
    if (allowed(url)) return route.continue();
    if (!outside.has(url)) outside.set(url, `${label}, from ${route.request().frame()?.url?.() ?? '?'}`);
    return route.abort('blockedbyclient');
  });
}

// Every .html file under `dir`, as site-relative paths ('/' separated), sorted.
export async function htmlFiles(dir, base = dir) {
  const found = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await htmlFiles(full, base)));
    else if (entry.name.endsWith('.html')) found.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return found.sort();
}
