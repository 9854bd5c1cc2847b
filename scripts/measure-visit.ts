/**
 * npm run measure:visit — what a first visit costs a traveller who scanned a
 * poster, in a real browser: the system Chromium, a fresh profile per page
 * (cold cache), the service worker blocked (its install is measured by
 * measure:offline), on a throttled link. Per page type it prints the bytes
 * transferred (HTML, CSS, fonts, JS; text as a gzip host sends it, level 9),
 * the requests, the render-blocking bytes (the document and every resource
 * Chromium marks render-blocking) and the first contentful paint, and for the
 * QR entry /S/{CODE}/ the navigations until the station page.
 *
 * Each page is measured twice: as this machine renders it (system fonts
 * first, as the site's font stack says) and with the web fonts forced, as on
 * a phone with no system font for the script (the stack's system fonts are
 * taken out of the stylesheets on the way in; those responses bypass the
 * throttle, so that run prints bytes, not paint times).
 *
 * `npm run measure:visit -- [country/station] [--qr]` (--qr: the QR entry only).
 * Builds nothing: run `npm run build` first (OUT_DIR, default dist). A report,
 * not a test: nothing passes or fails.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { config } from '../src/config';
import { chromiumLaunchOptions } from '../src/integrations/chromium';
import { serveStatic } from '../src/node/static-server';

const OUT_DIR = config.outDir;
/** DevTools' original "Slow 3G": 400 ms round trip, 400 kbit/s each way. */
const PROFILE = {
  offline: false,
  latency: 400,
  downloadThroughput: (400 * 1024) / 8,
  uploadThroughput: (400 * 1024) / 8,
};
const PROFILE_NAME =
  '400 ms RTT, 400 kbit/s down and up (DevTools "Slow 3G"), cache off, service worker blocked';
/** What a font stack lists before the web fonts: taken out to see what a phone without them downloads. */
const SYSTEM_FONTS =
  /-apple-system\s*,\s*BlinkMacSystemFont\s*,\s*["']?Segoe UI["']?\s*,\s*Roboto\s*,\s*["']?Noto Naskh Arabic["']?\s*,\s*/g;

type Kind = 'html' | 'css' | 'font' | 'js' | 'other';
interface Visit {
  readonly bytes: Record<Kind, number>;
  readonly total: number;
  readonly requests: number;
  readonly renderBlocking: number;
  readonly fcp: number;
  readonly fonts: readonly string[];
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)}`;

function kindOf(resourceType: string, url: string): Kind {
  if (resourceType === 'document') return 'html';
  if (resourceType === 'stylesheet' || url.endsWith('.css')) return 'css';
  if (resourceType === 'font' || url.endsWith('.woff2')) return 'font';
  if (resourceType === 'script' || url.endsWith('.js')) return 'js';
  return 'other';
}

/** Bytes on the wire from a host that compresses text (gzip -9) and sends fonts and images as they are. */
function wireBytes(kind: Kind, body: Buffer, contentType: string): number {
  const compressible = kind !== 'font' && /text|javascript|json|xml|svg|manifest/.test(contentType);
  return compressible ? gzipSync(body, { level: 9 }).length : body.length;
}

async function throttledContext(
  browser: Browser,
  forceWebFonts: boolean,
  locale = 'en-GB',
): Promise<BrowserContext> {
  const context = await browser.newContext({
    serviceWorkers: 'block',
    viewport: { width: 360, height: 640 },
    locale,
  });
  if (forceWebFonts) {
    await context.route(/\.css(\?|$)|\/$|\.html$/, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: (await response.text()).replace(SYSTEM_FONTS, '') });
    });
  }
  return context;
}

async function visit(browser: Browser, origin: string, path: string, forceWebFonts: boolean): Promise<Visit> {
  const context = await throttledContext(browser, forceWebFonts);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', PROFILE);
  const sizes = new Map<string, { kind: Kind; bytes: number }>();
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    pending.push(
      (async () => {
        const url = response.url();
        const kind = kindOf(response.request().resourceType(), new URL(url).pathname);
        const body = await response.body().catch(() => Buffer.alloc(0));
        sizes.set(url, { kind, bytes: wireBytes(kind, body, response.headers()['content-type'] ?? '') });
      })(),
    );
  });
  await page.goto(`${origin}${path}`, { waitUntil: 'load', timeout: 120_000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(300);
  await Promise.all(pending);
  const timing = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0,
    blocking: (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter(
        (entry) =>
          (entry as PerformanceResourceTiming & { renderBlockingStatus?: string }).renderBlockingStatus ===
          'blocking',
      )
      .map((entry) => entry.name),
  }));
  await context.close();
  const bytes: Record<Kind, number> = { html: 0, css: 0, font: 0, js: 0, other: 0 };
  for (const { kind, bytes: size } of sizes.values()) bytes[kind] += size;
  const documentBytes = [...sizes.values()]
    .filter((item) => item.kind === 'html')
    .reduce((sum, item) => sum + item.bytes, 0);
  return {
    bytes,
    total: Object.values(bytes).reduce((sum, size) => sum + size, 0),
    requests: sizes.size,
    renderBlocking:
      documentBytes + timing.blocking.reduce((sum, url) => sum + (sizes.get(url)?.bytes ?? 0), 0),
    fcp: Math.round(timing.fcp),
    fonts: [...sizes]
      .filter(([, item]) => item.kind === 'font')
      .map(([url]) => new URL(url).pathname.replace('/fonts/', '')),
  };
}

/** Opens the QR link with a browser in `locale` and counts main-frame navigations until the station page has loaded. */
async function qrEntry(browser: Browser, origin: string, code: string, locale: string, stationPath: RegExp) {
  const context = await throttledContext(browser, false, locale);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', PROFILE);
  const navigations: string[] = [];
  const stylesheetsBeforeStation: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations.push(new URL(frame.url()).pathname);
  });
  page.on('request', (request) => {
    if (request.resourceType() === 'stylesheet' && !navigations.some((path) => stationPath.test(path)))
      stylesheetsBeforeStation.push(new URL(request.url()).pathname);
  });
  const start = Date.now();
  await page.goto(`${origin}/S/${code}/`, { timeout: 120_000 });
  await page.waitForURL((url) => stationPath.test(url.pathname), { timeout: 120_000, waitUntil: 'load' });
  const ms = Date.now() - start;
  await context.close();
  return { navigations, stylesheetsBeforeStation, ms };
}

function firstExisting(paths: readonly string[]): string | undefined {
  return paths.find((path) => existsSync(join(OUT_DIR, path, 'index.html')));
}

async function main() {
  if (!existsSync(join(OUT_DIR, 'index.html'))) {
    console.error(
      `No build in ${OUT_DIR}/ (no index.html): run "npm run build" first, or set OUT_DIR to a built site.`,
    );
    process.exit(1);
  }
  const args = process.argv.slice(2);
  const qrOnly = args.includes('--qr');
  const station = args.find((arg) => !arg.startsWith('--')) ?? 'ro/bucuresti-nord';
  const [country] = station.split('/');
  const languages = ['en', 'uk', 'ro', 'ar', 'hu'].filter((lang) => existsSync(join(OUT_DIR, lang, station)));
  const info = existsSync(join(OUT_DIR, 'en/info')) ? readdirSync(join(OUT_DIR, 'en/info'))[0] : undefined;
  const pages: [string, string | undefined][] = [
    ...languages.map((lang): [string, string] => [`station ${lang}`, `/${lang}/${station}/`]),
    ['home en', firstExisting(['/en/'])],
    ['home ar', firstExisting(['/ar/'])],
    ['country en', firstExisting([`/en/${country}/`])],
    ['kiosk screen en', firstExisting([`/kiosk/${station}/en/`])],
    ['info page en', info ? `/en/info/${info}/` : undefined],
  ];
  const site = await serveStatic(OUT_DIR);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    console.log(
      `First visit, ${PROFILE_NAME}; KB = 1024 bytes, text gzip -9 as a compressing host sends it.`,
    );
    for (const forceWebFonts of qrOnly ? [] : [false, true]) {
      console.log(
        forceWebFonts
          ? '\nWeb fonts forced (a phone with no system font for the script):'
          : '\nAs this machine renders it (system fonts first where the stack says so):',
      );
      console.log(
        '  page               HTML    CSS  fonts     JS  total KB  requests  render-blocking KB  FCP ms  font files',
      );
      for (const [name, path] of pages) {
        if (!path) {
          console.log(`  ${name.padEnd(17)} (not in this build)`);
          continue;
        }
        const v = await visit(browser, site.origin, path, forceWebFonts);
        console.log(
          `  ${name.padEnd(17)} ${kb(v.bytes.html).padStart(5)} ${kb(v.bytes.css).padStart(6)} ${kb(v.bytes.font).padStart(6)} ${kb(v.bytes.js).padStart(6)} ${kb(v.total).padStart(9)} ${String(v.requests).padStart(9)} ${kb(v.renderBlocking).padStart(19)} ${(forceWebFonts ? '-' : String(v.fcp)).padStart(7)}  ${v.fonts.join(' ') || '-'}`,
        );
      }
    }
    const codes = existsSync(join(OUT_DIR, 'S')) ? readdirSync(join(OUT_DIR, 'S')) : [];
    const code = codes.find(
      (c) =>
        existsSync(join(OUT_DIR, 'S', c, 'index.html')) &&
        readdirSync(join(OUT_DIR, 'S', c)).length > 0 &&
        c.startsWith(country?.toUpperCase() ?? ''),
    );
    if (code) {
      console.log(`\nQR entry /S/${code}/ → station page (${PROFILE_NAME}):`);
      for (const locale of ['en-GB', 'uk-UA', 'ar']) {
        const q = await qrEntry(browser, site.origin, code, locale, new RegExp(`^/\\w+/${station}/$`));
        console.log(
          `  browser in ${locale.padEnd(6)}: ${q.navigations.length} navigations (${q.navigations.join(' → ')}), ${q.navigations.length - 1} redirect(s), stylesheets before the station page: ${q.stylesheetsBeforeStation.length ? q.stylesheetsBeforeStation.join(', ') : 'none'}, ${q.ms} ms to the station page's load`,
        );
      }
    }
  } finally {
    await browser.close();
    await site.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
