/**
 * npm run screens [-- --out docs/screens] : PNGs of station pages as a phone
 * shows them (360 × 640, first screen only), from the existing build in
 * OUT_DIR (default dist/); builds nothing. The pictures in docs/screens/ are
 * what the README shows; look at them after changing the top of the page.
 * SCREENS="en/ro/bucuresti-nord,de/de/berlin-hbf" picks other pages.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../src/integrations/chromium';
import { serveStatic } from '../src/node/static-server';
import { config } from '../src/config';

const OUT_DIR = config.outDir;
const argOut = process.argv.indexOf('--out');
const target = argOut > 0 ? (process.argv[argOut + 1] ?? 'docs/screens') : 'docs/screens';
const LANGUAGES = ['en', 'uk', 'ar', 'ro', 'fa', 'hu'];
const STATIONS = ['ro/bucuresti-nord', 'pl/przemysl-glowny'];
const pages = config.screens
  ? config.screens
  : STATIONS.flatMap((station) => LANGUAGES.map((lang) => `${lang}/${station}`));

const missing = pages.filter((path) => !existsSync(join(OUT_DIR, path, 'index.html')));
if (missing.length > 0) {
  console.error(
    `No built page for ${missing.join(', ')} in ${OUT_DIR}/. Run "npm run build" first (with these languages in PUBLIC_LOCALES).`,
  );
  process.exit(1);
}

mkdirSync(target, { recursive: true });
const site = await serveStatic(OUT_DIR);
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const context = await browser.newContext({
    viewport: { width: 360, height: 640 },
    deviceScaleFactor: 1,
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  for (const path of pages) {
    await page.goto(`${site.origin}/${path}/`, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    const file = join(target, `${path.replaceAll('/', '-')}.png`);
    await page.screenshot({ path: file });
    console.log(`${file}`);
  }
  await context.close();
} finally {
  await browser.close();
  await site.close();
}
