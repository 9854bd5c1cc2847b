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
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Result } from 'lighthouse';
import { chromiumPath } from '../src/integrations/chromium';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const outDir = resolve(repoRoot, process.env.OUT_DIR || 'dist');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** --headless=new: the real browser without a window. The rest keeps Chromium from calling home: with no network it would hang. */
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
/** Folders below /en/ that are not countries. */
const NOT_COUNTRIES = ['info', 'offline', 'saved', 'verify', 'help'];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};
const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json|xml)|image\/svg)/;

/** The build's _headers file (Netlify / Cloudflare Pages format) as [path pattern, headers] blocks. */
function headerRules(root: string): [RegExp, Record<string, string>][] {
  const file = join(root, '_headers');
  if (!existsSync(file)) return [];
  const rules: [RegExp, Record<string, string>][] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (/^\S/.test(line)) {
      const pattern = line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
      rules.push([new RegExp(`^${pattern}$`), {}]);
    } else if (line.trim() && rules.length > 0) {
      const [name = '', ...value] = line.trim().split(':');
      (rules.at(-1) as [RegExp, Record<string, string>])[1][name.trim()] = value.join(':').trim();
    }
  }
  return rules;
}

/** A static host on a free port: files from `root`, its _headers, gzip when asked, 404.html when missing. */
async function serve(root: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const rules = headerRules(root);
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
    let file = join(root, normalize(path));
    if (!file.startsWith(root + sep) && file !== root) file = join(root, '404.html');
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const found = existsSync(file) && statSync(file).isFile();
    if (!found) file = join(root, '404.html');
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': 'public, max-age=0, must-revalidate' };
    for (const [pattern, values] of rules) if (pattern.test(path)) Object.assign(headers, values);
    let body = readFileSync(file);
    if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      body = gzipSync(body);
      headers['Content-Encoding'] = 'gzip';
      headers.Vary = 'Accept-Encoding';
    }
    response.writeHead(found ? 200 : 404, { ...headers, 'Content-Length': String(body.length) });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise<void>((done) => server.close(() => done())) };
}

/** The browser's full version from its DevTools endpoint, e.g. "HeadlessChrome/156.0.8078.114". */
async function browserVersion(port: number): Promise<string> {
  try {
    const info = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as { Browser?: string };
    return info.Browser ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

const percent = (score: number | null | undefined) => (score === null || score === undefined ? 'n/a' : String(Math.round(score * 100)));

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
  const country = subfolders(join(outDir, 'en'), NOT_COUNTRIES).find((name) => subfolders(join(outDir, 'en', name), ['help']).length > 0);
  const station = country ? subfolders(join(outDir, 'en', country), ['help']).find((name) => existsSync(join(outDir, 'en', country, name, 'index.html'))) : undefined;
  const info = subfolders(join(outDir, 'en', 'info')).find((name) => existsSync(join(outDir, 'en', 'info', name, 'index.html')));
  return ['/en/', country && station ? `/en/${country}/${station}/` : undefined, info ? `/en/info/${info}/` : undefined].filter((page): page is string => Boolean(page));
}

async function main() {
  if (process.argv.includes('--help')) {
    console.log('OUT_DIR=<build folder> npm run audit:lighthouse -- [--pages /en/,/en/ro/iasi/] [--runs 3] [--json <folder for the full reports>]');
    return;
  }
  if (!existsSync(join(outDir, 'en', 'index.html'))) throw new Error(`No build in ${outDir}; build first ("npm run build", or OUT_DIR=/tmp/lh-dist npx astro build and the same OUT_DIR here).`);
  const pages = option('--pages')?.split(',').filter(Boolean) ?? defaultPages();
  const chromePath = process.env.CHROME_PATH || chromiumPath();
  const jsonDir = option('--json');
  const runs = Number(option('--runs') ?? 1);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number from 1');
  if (jsonDir) mkdirSync(jsonDir, { recursive: true });
  const site = await serve(outDir);
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
          envVars: { ...process.env, TMPDIR: scratch } as Record<string, string>,
        });
        const version = await browserVersion(chrome.port);
        const result = await lighthouse(`${site.origin}${page}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
        if (!result) throw new Error(`Lighthouse returned nothing for ${page}`);
        const { lhr } = result;
        if (!header) {
          console.log(`Lighthouse ${lhr.lighthouseVersion}, ${lhr.configSettings.formFactor} profile (${lhr.configSettings.throttlingMethod} throttling), ${version} (${chromePath})`);
          console.log(`build ${outDir}, served at ${site.origin}; ${runs} run(s) per page, the median by performance score shown`);
          header = true;
        }
        if (lhr.runtimeError) throw new Error(`${page}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        results.push(lhr);
      }
      results.sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
      const lhr = results[Math.floor((results.length - 1) / 2)] as Result;
      if (jsonDir) writeFileSync(join(jsonDir, `${page.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'root'}.json`), JSON.stringify(lhr, null, 1));
      const scores = CATEGORIES.map((category) => percent(lhr.categories[category]?.score));
      const failing = Object.values(lhr.audits)
        .filter((audit) => audit.score !== null && audit.score < 0.9 && !['informative', 'manual', 'notApplicable'].includes(audit.scoreDisplayMode))
        .map((audit) => `${audit.id} ${percent(audit.score)}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
      const warnings = lhr.runWarnings.length ? `\n  warnings: ${lhr.runWarnings.join(' | ')}` : '';
      const spread = runs > 1 ? ` (performance of each run: ${results.map((run) => percent(run.categories.performance?.score)).join(', ')}; CPU benchmark index ${results.map((run) => Math.round(run.environment.benchmarkIndex)).join(', ')})` : ` (CPU benchmark index ${Math.round(lhr.environment.benchmarkIndex)})`;
      rows.push([page, ...scores]);
      console.log(`${page}: ${CATEGORIES.map((category, index) => `${category} ${scores[index]}`).join(', ')}${spread}${failing.length ? `\n  below 90: ${failing.join(', ')}` : ''}${warnings}`);
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
