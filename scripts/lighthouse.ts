/**
 * `npm run audit:lighthouse [-- --pages /en/,/uk/ro/iasi/]`
 *
 * Lighthouse (mobile profile: a mid-range phone on a slow 4G connection,
 * simulated) on the built site (OUT_DIR, default dist/) served by
 * `astro preview` on a free port, in the system Chromium. Prints the four
 * category scores per page: the home page, a station page and an info page
 * unless --pages says otherwise. Not part of `npm test`: scores vary with the
 * machine. Build first (`npm run build`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumPath } from '../src/integrations/chromium';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const outDir = resolve(repoRoot, process.env.OUT_DIR || 'dist');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** The first page of a kind in the build: "/en/" + the first entries found on disk, so any content works. */
function firstDirectory(path: string, depth: number): string | undefined {
  let current = path;
  for (let level = 0; level < depth; level += 1) {
    const folder = join(outDir, current);
    if (!existsSync(folder)) return undefined;
    const next = readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !['info', 'offline', 'saved', 'verify', 'help'].includes(entry.name))
      .map((entry) => entry.name)
      .sort()[0];
    if (!next) return undefined;
    current = `${current}${next}/`;
  }
  return existsSync(join(outDir, current, 'index.html')) ? current : undefined;
}

function defaultPages(): string[] {
  const infoSlug = existsSync(join(outDir, 'en/info')) ? readdirSync(join(outDir, 'en/info')).sort()[0] : undefined;
  return ['/en/', firstDirectory('/en/', 2), infoSlug ? `/en/info/${infoSlug}/` : undefined].filter((page): page is string => Boolean(page));
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`astro preview exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 250));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

async function main() {
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`No build in ${outDir}; run "npm run build" first (or set OUT_DIR).`);
  const pages = option('--pages')?.split(',').filter(Boolean) ?? defaultPages();
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const preview = spawn(process.execPath, [join(repoRoot, 'node_modules/astro/astro.js'), 'preview', '--port', String(port)], {
    cwd: repoRoot,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
  });
  const chromePath = process.env.CHROME_PATH || chromiumPath();
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  try {
    await waitFor(`${origin}/en/`, preview, 60);
    chrome = await chromeLauncher.launch({
      chromePath,
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    console.log(`Lighthouse ${CATEGORIES.join(', ')} (mobile profile) on ${outDir}, served at ${origin}, Chromium ${chromePath}`);
    const rows: string[][] = [];
    for (const page of pages) {
      const result = await lighthouse(`${origin}${page}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      if (!result) throw new Error(`Lighthouse returned nothing for ${page}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`${page}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const scores = CATEGORIES.map((category) => {
        const score = lhr.categories[category]?.score;
        return score === null || score === undefined ? 'n/a' : String(Math.round(score * 100));
      });
      const failing = Object.values(lhr.audits)
        .filter((audit) => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'manual')
        .map((audit) => audit.id);
      rows.push([page, ...scores]);
      console.log(`${page}: ${CATEGORIES.map((category, index) => `${category} ${scores[index]}`).join(', ')}${failing.length ? `\n  below 90: ${failing.join(', ')}` : ''}`);
    }
    console.log('');
    console.log(['page', ...CATEGORIES].join('\t'));
    for (const row of rows) console.log(row.join('\t'));
  } finally {
    chrome?.kill();
    preview.kill();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
