/**
 * npm run measure:offline — what going offline costs, in a real browser:
 * how long the service worker takes from the first page load to controlling
 * the page (its install downloads the precache), and how big the "Save for
 * offline" packs are: a station in one language, a station in its own
 * languages, and a whole country. Run after a build; serves OUT_DIR (default
 * dist) on this machine only. A report, not a test: figures depend on the
 * machine, so nothing passes or fails.
 */
import { chromium, type Page } from 'playwright-core';
import { formatReport, measureBuild } from '../src/data/budget-report';
import { chromiumLaunchOptions } from '../src/integrations/chromium';
import { waitForControl } from '../src/node/service-worker';
import { serveStatic } from '../src/node/static-server';
import { config } from '../src/config';

const OUT_DIR = config.outDir;
const STATION = process.argv[2] ?? '/en/ro/bucuresti-nord/';
const COUNTRY = STATION.split('/').slice(0, 3).join('/') + '/';
const RUNS = 5;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Ticks the given languages in a page's "Save for offline" block, saves, and returns the pack's size as stored. */
async function savePack(page: Page, languages: readonly string[] | 'all offered'): Promise<{ id: string; bytes: number; pages: number; languages: readonly string[] }> {
  const block = page.locator('[data-save-offline]');
  await block.locator('summary').click();
  for (const box of await block.locator('input[name="lang"]').all()) {
    await box.setChecked(languages === 'all offered' || languages.includes((await box.getAttribute('value')) ?? ''));
  }
  await block.locator('button').click();
  await page.waitForFunction(() => /\d/.test(document.querySelector('[data-save-offline] [data-status]')?.textContent ?? ''));
  const id = JSON.parse((await block.getAttribute('data-pack')) ?? '{}').id as string;
  return page.evaluate(async (packId) => {
    const meta = await (await caches.open(`pack:${packId}`)).match('/__pack__/meta.json');
    const data = (await meta!.json()) as { bytes: number; urls: string[]; languages: string[] };
    return { id: packId, bytes: data.bytes, pages: data.urls.length, languages: data.languages };
  }, id);
}

async function main() {
  const site = await serveStatic(OUT_DIR);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const report = measureBuild(OUT_DIR);
    console.log(formatReport(report).split('\n').filter((line) => /service worker|one station/.test(line)).join('\n'));

    const installs: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const start = Date.now();
      await page.goto(`${site.origin}${STATION}`);
      await waitForControl(page);
      installs.push(Date.now() - start);
      await context.close();
    }
    installs.sort((a, b) => a - b);
    console.log(`install (page load → service worker in control, ${RUNS} fresh browsers): median ${installs[Math.floor(RUNS / 2)]} ms, min ${installs[0]} ms, max ${installs.at(-1)} ms`);

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.origin}${STATION}`);
    await waitForControl(page);
    const lang = STATION.split('/')[1] ?? 'en';
    const one = await savePack(page, [lang]);
    console.log(`pack ${one.id} in ${one.languages.join(', ')}: ${one.pages} pages, ${kb(one.bytes)} (as stored, uncompressed)`);
    await page.reload();
    const own = await savePack(page, 'all offered');
    console.log(`pack ${own.id} in ${own.languages.join(', ')}: ${own.pages} pages, ${kb(own.bytes)}`);
    await page.goto(`${site.origin}${COUNTRY}`);
    const country = await savePack(page, [lang]);
    console.log(`pack ${country.id} in ${country.languages.join(', ')}: ${country.pages} pages, ${kb(country.bytes)}`);
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
