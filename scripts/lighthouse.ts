/**
 * `npm run audit:lighthouse [-- --pages /en/,/en/ro/iasi/] [--runs 3] [--json <folder>]`
 *
 * Lighthouse (its default mobile profile: a mid-range phone on a slow 4G
 * connection, simulated) on a built site, in the system Chromium (CHROME_PATH
 * or CHROMIUM_PATH to use another; the project never downloads a browser).
 * The build is the folder in OUT_DIR (default dist/), served on a free port of
 * 127.0.0.1 the way the static hosts it is deployed to serve it: the build's
 * own _headers, gzip for text, 404.html for a missing path. Prints the four
 * category scores per page, and
 * the audits scoring below 90: the home page, the first station page and the
 * first info page unless --pages says otherwise. --runs N audits each page N
 * times and shows the run with the median performance score (the others are
 * listed); --json saves that run's full report per page. Not part of
 * `npm test`: scores vary with the machine and its load.
 *
 * Build first, ideally into a folder of its own so nothing else rebuilds it meanwhile:
 *   OUT_DIR=/tmp/lh-dist ASTRO_CACHE_DIR=/tmp/lh-cache npx astro build
 *   OUT_DIR=/tmp/lh-dist npm run audit:lighthouse
 * Leaves nothing behind: the server is stopped and Chromium's temporary profile removed,
 * also after a failure or Ctrl-C. Results: docs/benchmarks.md.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Result } from 'lighthouse';
import { chromiumPath } from '../src/integrations/chromium';
import { serveStatic } from '../src/node/static-server';
import { childEnv, config } from '../src/config';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const outDir = resolve(repoRoot, config.outDir);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** --headless=new: the real browser without a window. The rest keeps Chromium from calling home: with no network it would hang. */
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
/** Folders below /en/ that are not countries. */
const NOT_COUNTRIES = ['info', 'offline', 'saved', 'verify', 'help'];

/** The browser's full version from its DevTools endpoint, e.g. "HeadlessChrome/156.0.8078.114". */
async function browserVersion(port: number): Promise<string> {
  try {
    const info = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as {
      Browser?: string;
    };
    return info.Browser ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

const percent = (score: number | null | undefined) =>
  score === null || score === undefined ? 'n/a' : String(Math.round(score * 100));

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const subfolders = (folder: string, skip: readonly string[] = []) =>
  existsSync(folder)
    ? readdirSync(folder, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !skip.includes(entry.name))
        .map((entry) => entry.name)
        .sort()
    : [];

/** The home page, the first station page (first country, first station on disk) and the first info page, so any content works. */
function defaultPages(): string[] {
  const country = subfolders(join(outDir, 'en'), NOT_COUNTRIES).find(
    (name) => subfolders(join(outDir, 'en', name), ['help']).length > 0,
  );
  const station = country
    ? subfolders(join(outDir, 'en', country), ['help']).find((name) =>
        existsSync(join(outDir, 'en', country, name, 'index.html')),
      )
    : undefined;
  const info = subfolders(join(outDir, 'en', 'info')).find((name) =>
    existsSync(join(outDir, 'en', 'info', name, 'index.html')),
  );
  return [
    '/en/',
    country && station ? `/en/${country}/${station}/` : undefined,
    info ? `/en/info/${info}/` : undefined,
  ].filter((page): page is string => Boolean(page));
}

async function main() {
  if (process.argv.includes('--help')) {
    console.log(
      'OUT_DIR=<build folder> npm run audit:lighthouse -- [--pages /en/,/en/ro/iasi/] [--runs 3] [--json <folder for the full reports>]',
    );
    return;
  }
  if (!existsSync(join(outDir, 'en', 'index.html')))
    throw new Error(
      `No build in ${outDir}; build first ("npm run build", or OUT_DIR=/tmp/lh-dist npx astro build and the same OUT_DIR here).`,
    );
  const pages = option('--pages')?.split(',').filter(Boolean) ?? defaultPages();
  const chromePath = config.chromePath ?? chromiumPath();
  const jsonDir = option('--json');
  const runs = Number(option('--runs') ?? 1);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number from 1');
  if (jsonDir) mkdirSync(jsonDir, { recursive: true });
  const site = await serveStatic(outDir, { gzip: true });
  // Chromium's profiles and its own temporary files (TMPDIR: the singleton socket folder it leaves when killed) go here, removed at the end.
  const scratch = mkdtempSync(join(tmpdir(), 'safe-station-lighthouse-'));
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    chrome?.kill();
    chrome = undefined;
    await site.close();
    rmSync(scratch, { recursive: true, force: true, maxRetries: 5 });
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      void stop().finally(() => process.exit(130));
    });
  }
  try {
    const rows: string[][] = [];
    let header = false;
    for (const page of pages) {
      const results: Result[] = [];
      for (let run = 0; run < runs; run += 1) {
        // A fresh browser and profile per run: nothing one run stored (service worker, IndexedDB) weighs on the next.
        chrome?.kill();
        chrome = await chromeLauncher.launch({
          chromePath,
          chromeFlags: CHROME_FLAGS,
          userDataDir: mkdtempSync(join(scratch, 'profile-')),
          envVars: childEnv({ TMPDIR: scratch }) as Record<string, string>,
        });
        const version = await browserVersion(chrome.port);
        const result = await lighthouse(`${site.origin}${page}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: [...CATEGORIES],
        });
        if (!result) throw new Error(`Lighthouse returned nothing for ${page}`);
        const { lhr } = result;
        if (!header) {
          console.log(
            `Lighthouse ${lhr.lighthouseVersion}, ${lhr.configSettings.formFactor} profile (${lhr.configSettings.throttlingMethod} throttling), ${version} (${chromePath})`,
          );
          console.log(
            `build ${outDir}, served at ${site.origin}; ${runs} run(s) per page, the median by performance score shown`,
          );
          header = true;
        }
        if (lhr.runtimeError)
          throw new Error(`${page}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        results.push(lhr);
      }
      results.sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
      const lhr = results[Math.floor((results.length - 1) / 2)] as Result;
      if (jsonDir)
        writeFileSync(
          join(jsonDir, `${page.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'root'}.json`),
          JSON.stringify(lhr, null, 1),
        );
      const scores = CATEGORIES.map((category) => percent(lhr.categories[category]?.score));
      const failing = Object.values(lhr.audits)
        .filter(
          (audit) =>
            audit.score !== null &&
            audit.score < 0.9 &&
            !['informative', 'manual', 'notApplicable'].includes(audit.scoreDisplayMode),
        )
        .map(
          (audit) =>
            `${audit.id} ${percent(audit.score)}${audit.displayValue ? ` (${audit.displayValue})` : ''}`,
        );
      const warnings = lhr.runWarnings.length ? `\n  warnings: ${lhr.runWarnings.join(' | ')}` : '';
      const spread =
        runs > 1
          ? ` (performance of each run: ${results.map((run) => percent(run.categories.performance?.score)).join(', ')}; CPU benchmark index ${results.map((run) => Math.round(run.environment.benchmarkIndex)).join(', ')})`
          : ` (CPU benchmark index ${Math.round(lhr.environment.benchmarkIndex)})`;
      rows.push([page, ...scores]);
      console.log(
        `${page}: ${CATEGORIES.map((category, index) => `${category} ${scores[index]}`).join(', ')}${spread}${failing.length ? `\n  below 90: ${failing.join(', ')}` : ''}${warnings}`,
      );
    }
    console.log('');
    console.log(['page', ...CATEGORIES].join('\t'));
    for (const row of rows) console.log(row.join('\t'));
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
