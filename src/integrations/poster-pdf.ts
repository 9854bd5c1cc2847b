/**
 * Prints the built poster pages to PDF with the system Chromium: the same
 * engine that shapes Arabic and Persian correctly on screen, with every font
 * embedded. Each PDF is cached under a hash of the exact HTML it was printed
 * from, so an unchanged poster is copied, not printed again.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { chromium as browserType } from 'playwright-core';
import { filesBelowIfAny } from '../node/files';
import { contentTypeOf } from '../node/mime';
import { chromiumLaunchOptions } from './chromium';

/** The meta tag each poster page carries with the address of its PDF (src/layouts/Poster.astro). */
export const POSTER_PDF_META = 'safe-station:poster-pdf';
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
  /** Pages printed at once; two suits the two-core machines the project builds on. */
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
      const key = createHash('sha256').update(PRINT_RECIPE).update('\0').update(browser).update('\0').update(html).digest('hex');
      return [{ page, pdf, key }];
    })
    .sort((a, b) => a.page.localeCompare(b.page));
}

function fileForUrlPath(outDir: string, path: string): string {
  const decoded = decodeURIComponent(path);
  return join(outDir, ...decoded.split('/').filter((part) => part && part !== '..'), ...(decoded.endsWith('/') ? ['index.html'] : []));
}

function placePdf(outDir: string, job: PosterJob, cached: string): void {
  const target = fileForUrlPath(outDir, job.pdf);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(cached, target);
}

export async function printPosterPdfs(options: PrintOptions): Promise<PrintReport> {
  const started = performance.now();
  const { outDir, cacheDir, chromium } = options;
  const jobs = findPosterJobs(outDir, chromium);
  const done = (report: Omit<PrintReport, 'total' | 'totalMs'>): PrintReport => ({ ...report, total: jobs.length, totalMs: performance.now() - started });
  if (jobs.length === 0) return done({ printed: 0, cached: 0, pdfs: [], launchMs: 0, skipped: 'no poster pages in this build' });
  if (!chromium) {
    return done({ printed: 0, cached: 0, pdfs: [], launchMs: 0, skipped: 'no Chromium found, so the posters are HTML only; install it (apt-get install chromium) or set CHROMIUM_PATH, then build again for PDFs' });
  }

  mkdirSync(cacheDir, { recursive: true });
  const cachedFile = (job: PosterJob) => join(cacheDir, `${job.key}.pdf`);
  const toPrint = jobs.filter((job) => !existsSync(cachedFile(job)));
  let launchMs = 0;
  if (toPrint.length > 0) {
    const launchStarted = performance.now();
    const browser = await browserType.launch(chromiumLaunchOptions(chromium));
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
        for (let job = queue.shift(); job; job = queue.shift()) {
          await page.goto(`${PRINT_ORIGIN}${job.page}`, { waitUntil: 'load' });
          await page.evaluate(() => document.fonts.ready.then(() => undefined));
          const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true });
          // Written under a temporary name first, so an interrupted build never leaves half a PDF in the cache.
          const temporary = `${cachedFile(job)}.${process.pid}.tmp`;
          writeFileSync(temporary, pdf);
          renameSync(temporary, cachedFile(job));
        }
        await page.close();
      };
      await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 2, toPrint.length) }, worker));
    } finally {
      await browser.close();
    }
  }
  for (const job of jobs) placePdf(outDir, job, cachedFile(job));
  // Keep the cache to what this build uses, so it does not grow with every change.
  const used = new Set(jobs.map((job) => `${job.key}.pdf`));
  for (const name of readdirSync(cacheDir)) if (name.endsWith('.pdf') && !used.has(name)) rmSync(join(cacheDir, name), { force: true });
  return done({ printed: toPrint.length, cached: jobs.length - toPrint.length, pdfs: jobs.map((job) => job.pdf), launchMs });
}
