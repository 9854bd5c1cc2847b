/**
 * npm run measure:map — JavaScript a browser really downloads (gzip -9 of
 * each script, inline ones included) on a station page, then on its service
 * directory before and after "Show on map". Run after a build; serves OUT_DIR
 * (default dist) itself, answers map tiles with a blank image (never the
 * internet), and prints the figures. A report, not a test: no pass or fail.
 */
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../src/integrations/chromium';
import { serveStatic } from '../src/node/static-server';
import { config } from '../src/config';

const STATION = process.argv[2] ?? '/en/ro/bucuresti-nord/';
const BLANK_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

interface Script {
  url: string;
  gzip: number;
}

const pending: Promise<unknown>[] = [];

/** Every script the page fetches from now on (call `settled` before reading). */
function recordScripts(page: Page): Script[] {
  const scripts: Script[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    pending.push(
      response
        .body()
        .catch(() => Buffer.alloc(0))
        .then((body) =>
          scripts.push({ url: new URL(response.url()).pathname, gzip: gzipSync(body, { level: 9 }).length }),
        ),
    );
  });
  return scripts;
}

const settled = async (page: Page) => {
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
};

async function inlineScripts(page: Page): Promise<Script[]> {
  const texts = await page
    .locator('script:not([src])')
    .evaluateAll((nodes) =>
      nodes
        .map((node) => node.textContent ?? '')
        .filter((text) => text.trim() && !text.trim().startsWith('{')),
    );
  return texts.map((text, index) => ({
    url: `(inline #${index + 1})`,
    gzip: gzipSync(text, { level: 9 }).length,
  }));
}

const total = (scripts: readonly Script[]) => scripts.reduce((sum, script) => sum + script.gzip, 0);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function print(title: string, scripts: readonly Script[]): void {
  console.log(`\n${title}: ${kb(total(scripts))} gzip in ${scripts.length} script(s)`);
  for (const script of [...scripts].sort((a, b) => b.gzip - a.gzip))
    console.log(`  ${String(script.gzip).padStart(7)} B  ${script.url}`);
}

const site = await serveStatic(config.outDir);
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) =>
      /tile/.test(route.request().url())
        ? route.fulfill({ contentType: 'image/png', body: BLANK_PNG })
        : route.abort(),
  );
  const page = await context.newPage();
  const stationScripts = recordScripts(page);
  await page.goto(`${site.origin}${STATION}`, { waitUntil: 'networkidle' });
  await page.keyboard.press('End');
  await settled(page);
  print(`Station page ${STATION}, first load, scrolled to the end`, [
    ...stationScripts,
    ...(await inlineScripts(page)),
  ]);

  const directory = await context.newPage();
  const directoryScripts = recordScripts(directory);
  await directory.goto(`${site.origin}${STATION}services/`, { waitUntil: 'networkidle' });
  await directory.locator('#map').scrollIntoViewIfNeeded();
  await directory.locator('.service-map__open').waitFor();
  await settled(directory);
  const before = [...directoryScripts, ...(await inlineScripts(directory))];
  print('Service directory, map in view, not opened', before);
  const beforeCount = directoryScripts.length;
  await directory.locator('.service-map__open').click();
  await directory.locator('.leaflet-container').waitFor();
  await settled(directory);
  print('Added by opening the map', directoryScripts.slice(beforeCount));
  console.log(
    `\nStation page first load: ${kb(total([...stationScripts, ...(await inlineScripts(page))]))}; directory with the map open: ${kb(total([...directoryScripts, ...(await inlineScripts(directory))]))}.`,
  );
} finally {
  await browser.close();
  await site.close();
}
