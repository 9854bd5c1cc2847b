/**
 * npm run bench:kiosk — figures for the kiosk, printed, not asserted:
 *  - what one station's kiosk asks the service worker to precache (bytes, raw and gzip);
 *  - the tab's JavaScript heap, DOM nodes and listeners before and after 1,000 simulated
 *    touches (attract → language → every tile → comfort toggles → offer check → start again,
 *    with an idle reset every fifth round), read with CDP Performance.getMetrics after a GC.
 *
 * Uses the build in OUT_DIR (default dist/; run `npm run build` first) and serves it with
 * `astro preview` on KIOSK_SOAK_PORT (default 4399), on this machine only.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../src/integrations/chromium';
import { childEnv, config } from '../src/config';

const OUT_DIR = config.outDir;
const { port: PORT, station: STATION, interactions: INTERACTIONS } = config.kioskSoak;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const HOME = `/kiosk/${STATION}/`;
const SCREENS = ['help', 'helplines', 'services', 'offer', 'rights', 'take'];

function precacheFigures() {
  const folder = join(OUT_DIR, 'kiosk', STATION);
  const pages = [
    join(folder, 'index.html'),
    ...readdirSync(folder)
      .filter((name) => statSync(join(folder, name)).isDirectory())
      .map((lang) => join(folder, lang, 'index.html')),
  ];
  const scripts = new Set(
    pages.flatMap((page) =>
      [...readFileSync(page, 'utf8').matchAll(/src="(\/_astro\/[^"]+\.js)"/g)].map((match) => match[1]!),
    ),
  );
  // The QR code files the pages show, stored with them (src/kiosk/client/offline.ts).
  const codes = new Set(
    pages.flatMap((page) =>
      [...readFileSync(page, 'utf8').matchAll(/src="(\/qr\/[^"]+\.svg)"/g)].map((match) => match[1]!),
    ),
  );
  const files = [
    ...pages,
    ...[...scripts, ...codes].map((src) => join(OUT_DIR, src)),
    join(OUT_DIR, 'favicon.svg'),
  ].filter(existsSync);
  const raw = files.reduce((sum, file) => sum + statSync(file).size, 0);
  const gzip = files.reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0);
  return { files: files.length, pages: pages.length, scripts: [...scripts], raw, gzip };
}

async function waitForServer(): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(`${ORIGIN}${HOME}`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`astro preview did not answer on ${ORIGIN}${HOME}`);
}

async function metrics(cdp: CDPSession) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => list.find((metric) => metric.name === name)?.value ?? NaN;
  return {
    heapMB: value('JSHeapUsedSize') / 1_048_576,
    totalHeapMB: value('JSHeapTotalSize') / 1_048_576,
    nodes: value('Nodes'),
    documents: value('Documents'),
    listeners: value('JSEventListeners'),
  };
}

class BudgetSpent extends Error {}

/** One person at the kiosk, counted in touches (stopping when the budget is spent); returns how many touches it took. */
async function onePerson(
  page: Page,
  round: number,
  languages: readonly string[],
  budget: number,
): Promise<number> {
  let touches = 0;
  const touch = async (selector: string) => {
    if (touches >= budget) throw new BudgetSpent();
    await page.locator(selector).first().tap();
    touches += 1;
  };
  try {
    await visit(page, round, languages, touch);
  } catch (error) {
    if (!(error instanceof BudgetSpent)) throw error;
  }
  return touches;
}

async function visit(
  page: Page,
  round: number,
  languages: readonly string[],
  touch: (selector: string) => Promise<void>,
): Promise<void> {
  await touch('.kiosk-attract__start');
  await touch(`[data-language-grid] a[hreflang="${languages[round % languages.length]}"]`);
  await page.waitForSelector('#home:visible');
  for (const id of SCREENS) {
    await touch(`#home a[href="#${id}"]`);
    if (id === 'offer')
      for (const answer of ['yes', 'no', 'no'])
        await touch(`#offer fieldset:nth-of-type(${answer === 'yes' ? 1 : 2}) input[value="${answer}"]`);
    await touch('.kiosk-bar a[href="#home"]');
  }
  await touch('[data-kiosk-toggle="large"]');
  await touch('[data-kiosk-toggle="contrast"]');
  if (round % 5 === 4) {
    // Walk away: the idle countdown and reset (idle=20, countdown=5 in the address).
    await page.clock.runFor(26_000);
  } else {
    await touch('.kiosk-bar [data-kiosk-reset]');
  }
  await page.waitForSelector('#attract:visible');
}

async function main() {
  if (!existsSync(join(OUT_DIR, 'kiosk', STATION, 'index.html')))
    throw new Error(
      `No kiosk build in ${OUT_DIR}/kiosk/${STATION}/: run "npm run build" (or set OUT_DIR) first.`,
    );
  const precache = precacheFigures();
  const server = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(PORT)], {
    env: childEnv({ OUT_DIR }),
    stdio: 'ignore',
    detached: true,
  });
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    await waitForServer();
    const context = await browser.newContext({
      viewport: { width: 1080, height: 1920 },
      hasTouch: true,
      serviceWorkers: 'block',
    });
    const page = await context.newPage();
    await page.clock.install();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${ORIGIN}${HOME}?idle=20&countdown=5`);
    const languages = await page
      .locator('[data-language-grid] a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('hreflang') ?? 'en'));

    const started = Date.now();
    let done = await onePerson(page, 0, languages, INTERACTIONS);
    const before = await metrics(cdp);
    const samples = [{ touches: done, ...before }];
    for (let round = 1; done < INTERACTIONS; round++) {
      done += await onePerson(page, round, languages, INTERACTIONS - done);
      if (round % 10 === 0) samples.push({ touches: done, ...(await metrics(cdp)) });
    }
    const after = await metrics(cdp);
    samples.push({ touches: done, ...after });
    const seconds = (Date.now() - started) / 1000;

    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    console.log(`Kiosk figures for ${STATION} (build: ${OUT_DIR})`);
    console.log(
      `  precache: ${precache.pages} pages + ${precache.scripts.length} script(s) + icon = ${precache.files} files, ${kb(precache.raw)} raw, ${kb(precache.gzip)} gzip`,
    );
    console.log(`  soak: ${done} touches in ${seconds.toFixed(0)} s`);
    console.log('  touches  JS heap used  JS heap total  DOM nodes  documents  listeners');
    for (const sample of samples) {
      console.log(
        `  ${String(sample.touches).padStart(7)}  ${sample.heapMB.toFixed(2).padStart(9)} MB  ${sample.totalHeapMB.toFixed(2).padStart(10)} MB  ${String(sample.nodes).padStart(9)}  ${String(sample.documents).padStart(9)}  ${String(sample.listeners).padStart(9)}`,
      );
    }
    console.log(
      `  heap after ${done} touches: ${after.heapMB.toFixed(2)} MB (${after.heapMB >= before.heapMB ? '+' : ''}${(after.heapMB - before.heapMB).toFixed(2)} MB since the first person)`,
    );
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid);
  }
}

await main();
