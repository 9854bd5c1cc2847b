/**
 * npm run measure:offline — what going offline costs, in a real browser:
 * what the service worker downloads on a first visit (requests and bytes:
 * its install set, then the page read and its files) and how long it takes
 * from the first page load to controlling the page, and how big the "Save
 * for offline" packs are: the largest station's pack in each language (from
 * the pack definition, src/offline/pack.ts), and saved in the browser: a
 * station in one language, in its own languages, and a whole country. Run
 * after a build; serves OUT_DIR (default dist) on this machine only. A
 * report, not a test: figures depend on the machine, so nothing passes or fails.
 */
import { chromium, type Page } from 'playwright-core';
import { readdirSync } from 'node:fs';
import { config } from '../src/config';
import { formatReport, measureBuild, measurePack } from '../src/data/budget-report';
import { chromiumLaunchOptions } from '../src/integrations/chromium';
import { gzipSize, precachedPaths } from '../src/lib/budgets';
import { waitForControl } from '../src/node/service-worker';
import { serveStatic } from '../src/node/static-server';
import { builtFileReader } from '../src/offline/build';

const OUT_DIR = config.outDir;
const STATION = process.argv[2] ?? '/en/ro/bucuresti-nord/';
const COUNTRY = STATION.split('/').slice(0, 3).join('/') + '/';
const RUNS = 5;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Ticks the given languages in a page's "Save for offline" block, saves, and returns the pack's size as stored. */
async function savePack(
  page: Page,
  languages: readonly string[] | 'all offered',
): Promise<{ id: string; bytes: number; assetBytes: number; pages: number; languages: readonly string[] }> {
  const block = page.locator('[data-save-offline]');
  await block.locator('summary').click();
  for (const box of await block.locator('input[name="lang"]').all()) {
    await box.setChecked(
      languages === 'all offered' || languages.includes((await box.getAttribute('value')) ?? ''),
    );
  }
  await block.locator('button').click();
  await page.waitForFunction(() =>
    /\d/.test(document.querySelector('[data-save-offline] [data-status]')?.textContent ?? ''),
  );
  const id = JSON.parse((await block.getAttribute('data-pack')) ?? '{}').id as string;
  return page.evaluate(async (packId) => {
    const meta = await (await caches.open(`pack:${packId}`)).match('/__pack__/meta.json');
    const data = (await meta!.json()) as {
      bytes: number;
      assetBytes?: number;
      urls: string[];
      languages: string[];
    };
    return {
      id: packId,
      bytes: data.bytes,
      assetBytes: data.assetBytes ?? 0,
      pages: data.urls.length,
      languages: data.languages,
    };
  }, id);
}

async function main() {
  const site = await serveStatic(OUT_DIR);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const report = measureBuild(OUT_DIR);
    console.log(
      formatReport(report)
        .split('\n')
        .filter((line) => /service worker|one station/.test(line))
        .join('\n'),
    );

    // The largest station's pack in every language, as the budget measures it.
    const read = builtFileReader(OUT_DIR);
    const installed = precachedPaths(read('/sw.js') ?? '');
    const [, , country = '', station = ''] = report.stationOneLanguage.path.split('/');
    const languages = readdirSync(OUT_DIR).filter(
      (name) => /^[a-z]{2}$/.test(name) && read(`/${name}/offline/index.html`) !== undefined,
    );
    const packs = languages.map((lang) => ({
      lang,
      ...measurePack(OUT_DIR, country, station, installed, lang),
    }));
    console.log(
      `pack of ${country}/${station} per language (gzip, pages + files the install did not bring): ${packs.map((pack) => `${pack.lang} ${kb(pack.gzip)}`).join(', ')}; largest ${kb(Math.max(...packs.map((pack) => pack.gzip)))}`,
    );

    // A first visit in a fresh browser: every request the service worker makes, until it controls the page.
    const installs: number[] = [];
    let fetched: string[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const context = await browser.newContext({ serviceWorkers: 'allow' });
      const byWorker: string[] = [];
      context.on('requestfinished', (request) => {
        if (request.serviceWorker()) byWorker.push(new URL(request.url()).pathname);
      });
      const page = await context.newPage();
      const start = Date.now();
      await page.goto(`${site.origin}${STATION}`);
      await waitForControl(page);
      installs.push(Date.now() - start);
      // The offline page of the language read is stored in the background, after control.
      await page.waitForTimeout(500);
      fetched = byWorker;
      await context.close();
    }
    const asFile = (path: string) => (path.endsWith('/') ? `${path}index.html` : path);
    const sum = (paths: readonly string[], size: (text: string) => number) =>
      paths.reduce((total, path) => total + size(read(asFile(path)) ?? ''), 0);
    const install = fetched.filter((path) => path === '/sw.js' || installed.includes(asFile(path)));
    const rest = fetched.filter((path) => !install.includes(path));
    console.log(`first visit to ${STATION}: the service worker made ${fetched.length} requests`);
    console.log(
      `  install: ${install.length} requests (sw.js + ${installed.length} precached), ${kb(sum(install, gzipSize))} gzip, ${kb(sum(install, (text) => Buffer.byteLength(text)))} raw`,
    );
    console.log(
      `  keeping the page read (already downloaded for it) and its language's offline page: ${rest.length} requests, ${kb(sum(rest, gzipSize))} gzip — ${rest.join(' ')}`,
    );
    installs.sort((a, b) => a - b);
    console.log(
      `install (page load → service worker in control, ${RUNS} fresh browsers): median ${installs[Math.floor(RUNS / 2)]} ms, min ${installs[0]} ms, max ${installs.at(-1)} ms`,
    );

    const context = await browser.newContext({ serviceWorkers: 'allow' });
    const page = await context.newPage();
    await page.goto(`${site.origin}${STATION}`);
    await waitForControl(page);
    const lang = STATION.split('/')[1] ?? 'en';
    const one = await savePack(page, [lang]);
    console.log(
      `pack ${one.id} in ${one.languages.join(', ')}: ${one.pages} pages, ${kb(one.bytes)} (as stored, uncompressed) + ${kb(one.assetBytes)} of stylesheets and scripts`,
    );
    await page.reload();
    const own = await savePack(page, 'all offered');
    console.log(
      `pack ${own.id} in ${own.languages.join(', ')}: ${own.pages} pages, ${kb(own.bytes)} + ${kb(own.assetBytes)}`,
    );
    await page.goto(`${site.origin}${COUNTRY}`);
    const countryPack = await savePack(page, [lang]);
    console.log(
      `pack ${countryPack.id} in ${countryPack.languages.join(', ')}: ${countryPack.pages} pages, ${kb(countryPack.bytes)} + ${kb(countryPack.assetBytes)}`,
    );
    await context.close();
  } finally {
    await browser.close();
    await site.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
