/**
 * Prints the built poster pages to PDF with the system Chromium: the same
 * engine that shapes Arabic and Persian correctly on screen, with every font
 * embedded. Each PDF is cached under a hash of the exact HTML it was printed
 * from, so an unchanged poster is copied, not printed again.
 *
 * Speed: one tab per CPU core, each reused for many posters. A tab opens its
 * first poster normally (stylesheet and fonts load once), then swaps in each
 * next poster's document in place: no navigation, no font download or decode
 * per poster. Print pages share one stylesheet, so the result is the same PDF
 * a fresh load gives; a poster whose stylesheets differ is loaded afresh.
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { chromium as browserType, type Page } from 'playwright-core';
import { printingLaunchOptions } from '../integrations/chromium';
import { filesBelowIfAny } from '../node/files';
import { contentTypeOf } from '../node/mime';
import { POSTER_PDF_META } from './model';
/** Part of every cache key: change it when the way PDFs are printed changes, and every poster is printed again. */
const PRINT_RECIPE = 'safe-station poster pdf v1: preferCSSPageSize, printBackground, tagged';
/** Chromium loads the pages from here; requests are answered from the build folder and never reach a network. */
const PRINT_ORIGIN = 'http://posters.invalid';

export interface PosterJob {
  /** URL path of the print page, e.g. /posters/ro/bucuresti-nord/a4/ */
  readonly page: string;
  /** URL path of its PDF. */
  readonly pdf: string;
  /** Cache key: hash of the print recipe, the Chromium used and the page's exact HTML. */
  readonly key: string;
  /** The built HTML file of the print page. */
  readonly file: string;
}

export interface PrintReport {
  readonly total: number;
  readonly printed: number;
  readonly cached: number;
  /** URL paths of every PDF in the build. */
  readonly pdfs: readonly string[];
  /** Why no PDFs were made, when none were. */
  readonly skipped?: string;
  readonly launchMs: number;
  readonly totalMs: number;
}

export interface PrintOptions {
  readonly outDir: string;
  readonly cacheDir: string;
  /** Path of Chromium, or undefined when there is none (then only the HTML posters exist). */
  readonly chromium: string | undefined;
  /** Tabs printing at once; default one per CPU core (printing is CPU-bound). */
  readonly concurrency?: number;
}

/** Every built poster page that asks for a PDF, with the cache key of its exact HTML. */
export function findPosterJobs(outDir: string, chromium: string | undefined): PosterJob[] {
  const pattern = new RegExp(`<meta name="${POSTER_PDF_META}" content="([^"]+)"`);
  // The Chromium binary and its date: a Chromium upgrade prints every poster again.
  const browser = chromium && existsSync(chromium) ? `${chromium} ${statSync(chromium).mtimeMs}` : '';
  return filesBelowIfAny(join(outDir, 'posters'), (name) => name === 'index.html')
    .flatMap((file) => {
      const html = readFileSync(file);
      const pdf = pattern.exec(html.toString('utf8'))?.[1];
      if (!pdf) return [];
      const page = `/${file.slice(outDir.length).split(sep).filter(Boolean).slice(0, -1).join('/')}/`;
      const key = createHash('sha256')
        .update(PRINT_RECIPE)
        .update('\0')
        .update(browser)
        .update('\0')
        .update(html)
        .digest('hex');
      return [{ page, pdf, key, file }];
    })
    .sort((a, b) => a.page.localeCompare(b.page));
}

function fileForUrlPath(outDir: string, path: string): string {
  const decoded = decodeURIComponent(path);
  return join(
    outDir,
    ...decoded.split('/').filter((part) => part && part !== '..'),
    ...(decoded.endsWith('/') ? ['index.html'] : []),
  );
}

function placePdf(outDir: string, job: PosterJob, cached: string): void {
  const target = fileForUrlPath(outDir, job.pdf);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(cached, target);
}

/** Opens a print page the ordinary way, with its stylesheets and fonts. */
async function loadDocument(page: Page, job: PosterJob): Promise<true> {
  await page.goto(`${PRINT_ORIGIN}${job.page}`, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return true;
}

/**
 * Puts another print page's document in place of the open one, keeping its loaded stylesheets and fonts.
 * False when the two heads differ in more than their inline parts (other stylesheets, another structure):
 * then the page must be loaded afresh.
 */
async function swapDocument(page: Page, html: string): Promise<boolean> {
  return page.evaluate(async (html) => {
    const next = new DOMParser().parseFromString(html, 'text/html');
    const current = [...document.head.children];
    const wanted = [...next.head.children];
    const sameShape =
      current.length === wanted.length &&
      current.every(
        (element, i) =>
          element.tagName === wanted[i]?.tagName &&
          (element.tagName !== 'LINK' || element.outerHTML === wanted[i]?.outerHTML),
      );
    if (!sameShape) return false;
    const root = document.documentElement;
    for (const { name } of [...root.attributes]) root.removeAttribute(name);
    for (const { name, value } of [...next.documentElement.attributes]) root.setAttribute(name, value);
    current.forEach((element, i) => {
      const replacement = wanted[i];
      if (replacement && element.outerHTML !== replacement.outerHTML)
        element.replaceWith(document.importNode(replacement, true));
    });
    document.body.replaceWith(document.importNode(next.body, true));
    // Laying the new page out starts loading any font subset it needs that the last one did not (Arabic after Latin).
    void document.body.offsetHeight;
    await document.fonts.ready;
    return true;
  }, html);
}

export async function printPosterPdfs(options: PrintOptions): Promise<PrintReport> {
  const started = performance.now();
  const { outDir, cacheDir, chromium } = options;
  const jobs = findPosterJobs(outDir, chromium);
  const done = (report: Omit<PrintReport, 'total' | 'totalMs'>): PrintReport => ({
    ...report,
    total: jobs.length,
    totalMs: performance.now() - started,
  });
  if (jobs.length === 0)
    return done({ printed: 0, cached: 0, pdfs: [], launchMs: 0, skipped: 'no poster pages in this build' });
  if (!chromium) {
    return done({
      printed: 0,
      cached: 0,
      pdfs: [],
      launchMs: 0,
      skipped:
        'no Chromium found, so the posters are HTML only; install it (apt-get install chromium) or set CHROMIUM_PATH, then build again for PDFs',
    });
  }

  mkdirSync(cacheDir, { recursive: true });
  const cachedFile = (job: PosterJob) => join(cacheDir, `${job.key}.pdf`);
  const toPrint = jobs.filter((job) => !existsSync(cachedFile(job)));
  let launchMs = 0;
  if (toPrint.length > 0) {
    const launchStarted = performance.now();
    const browser = await browserType.launch(printingLaunchOptions(chromium));
    launchMs = performance.now() - launchStarted;
    try {
      const context = await browser.newContext();
      await context.route('**/*', async (route) => {
        const url = new URL(route.request().url());
        if (url.origin !== PRINT_ORIGIN) return route.abort();
        const file = fileForUrlPath(outDir, url.pathname);
        if (!existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
        return route.fulfill({ status: 200, body: readFileSync(file), contentType: contentTypeOf(file) });
      });
      const queue = [...toPrint];
      const worker = async () => {
        const page = await context.newPage();
        let loaded = false;
        for (let job = queue.shift(); job; job = queue.shift()) {
          loaded =
            (loaded && (await swapDocument(page, readFileSync(job.file, 'utf8')))) ||
            (await loadDocument(page, job));
          const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true });
          // Written under a temporary name first, so an interrupted build never leaves half a PDF in the cache.
          const temporary = `${cachedFile(job)}.${process.pid}.tmp`;
          writeFileSync(temporary, pdf);
          renameSync(temporary, cachedFile(job));
        }
        await page.close();
      };
      await Promise.all(
        Array.from(
          { length: Math.min(options.concurrency ?? availableParallelism(), toPrint.length) },
          worker,
        ),
      );
    } finally {
      await browser.close();
    }
  }
  for (const job of jobs) placePdf(outDir, job, cachedFile(job));
  // Keep the cache to what this build uses, so it does not grow with every change.
  const used = new Set(jobs.map((job) => `${job.key}.pdf`));
  for (const name of readdirSync(cacheDir))
    if (name.endsWith('.pdf') && !used.has(name)) rmSync(join(cacheDir, name), { force: true });
  return done({
    printed: toPrint.length,
    cached: jobs.length - toPrint.length,
    pdfs: jobs.map((job) => job.pdf),
    launchMs,
  });
}
