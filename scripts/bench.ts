/**
 * `npm run bench [-- --stations 1000 --languages en,uk --no-posters --keep]`
 *
 * Builds the site at scale and prints what it costs. Not a test: figures
 * depend on the machine. Steps:
 *  1. copy content/ into a temporary folder and add synthetic stations (each
 *     a copy of a real station of a real country, moved a little, with a new
 *     slug and short code) and synthetic sample services near them;
 *  2. build it from a copy of the project (astro.config.mjs, src/, public/,
 *     locales/: Astro writes generated types into <root>/.astro/, which must
 *     not be the working tree another build may be using) with CONTENT_DIR,
 *     OUT_DIR and ASTRO_CACHE_DIR in the temporary folder, measuring wall time
 *     and peak memory;
 *  3. read the output: pages, service-worker install size, poster printing time;
 *  4. build a plain Astro project with as many trivial pages (the floor: what
 *     Astro itself costs on this machine) and compare pages per second.
 * Everything lives in one temporary folder, removed at the end (also after a
 * failure or Ctrl-C) unless --keep. Results: docs/benchmarks.md.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dump as toYaml } from 'js-yaml';
import { readContent } from '../src/data/read-content';
import type { Entry } from '../src/lib/content-check';
import { gzipSize, precachedPaths } from '../src/lib/budgets';
import { isInsideCountry } from '../src/lib/geo';
import { ALL_LANGUAGE_CODES, selectLanguages } from '../src/lib/languages';
import type { ServiceData } from '../src/schemas/service';
import type { StationData } from '../src/schemas/station';
import { childEnv } from '../src/config';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const astroCli = join(repoRoot, 'node_modules', 'astro', 'astro.js');
/** What the site build reads from the project besides the content (src/lib/i18n.ts globs ../../locales). */
const PROJECT_FILES = ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'public', 'locales'];

/** The build running now, so Ctrl-C can stop it (and its Chromium) before the folder is removed. */
let running: ChildProcess | undefined;

interface Options {
  stations: number;
  languages: string | undefined;
  posters: boolean;
  floor: boolean;
  keep: boolean;
  /** Folder for a V8 CPU profile of the site build (`node --cpu-prof`), or undefined for none. */
  cpuProfileDir: string | undefined;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = {
    stations: 1000,
    languages: undefined,
    posters: true,
    floor: true,
    keep: false,
    cpuProfileDir: undefined,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = () => {
      const next = argv[(i += 1)];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--stations') options.stations = Number(value());
    else if (arg === '--languages') options.languages = value();
    else if (arg === '--no-posters') options.posters = false;
    else if (arg === '--no-floor') options.floor = false;
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--cpu-prof') options.cpuProfileDir = resolve(value());
    else if (arg === '--help') {
      console.log(
        'npm run bench -- [--stations N (1000)] [--languages en,uk (all)] [--no-posters] [--no-floor] [--keep] [--cpu-prof DIR]',
      );
      process.exit(0);
    } else throw new Error(`unknown option ${arg}; try --help`);
  }
  if (!Number.isInteger(options.stations) || options.stations < 0)
    throw new Error('--stations takes a whole number');
  return options;
}

/** A small deterministic random sequence, so two runs build the same content. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const SYNTHETIC_SOURCE = 'Synthetic benchmark data; not a real place';

/**
 * Adds `count` stations, spread over the countries in turn. Each copies a real
 * station of its country (languages, help desk, helpers) so every template
 * renders what it renders for real ones, gets a new slug, name, short code
 * (COUNTRY-B0001…) and a location a few kilometres away that src/lib/geo.ts
 * still places inside the country, and two sample services of its own.
 */
function addSyntheticStations(contentDir: string, count: number): { stations: number; services: number } {
  const { content } = readContent(contentDir, {
    siteLanguages: ALL_LANGUAGE_CODES,
    today: new Date().toISOString().slice(0, 10),
  });
  const random = seededRandom(42);
  const anchorsByCountry = new Map<string, Entry<StationData>[]>();
  for (const station of content.stations)
    anchorsByCountry.set(station.data.country, [
      ...(anchorsByCountry.get(station.data.country) ?? []),
      station,
    ]);
  const sampleServiceByCountry = new Map<string, ServiceData>();
  for (const service of content.services)
    if (service.data.sample && !sampleServiceByCountry.has(service.data.country))
      sampleServiceByCountry.set(service.data.country, service.data);
  const countries = [...anchorsByCountry.keys()].sort();
  if (countries.length === 0) throw new Error('the content has no station to copy');

  let services = 0;
  for (let index = 1; index <= count; index += 1) {
    const country = countries[(index - 1) % countries.length] ?? '';
    const anchors = anchorsByCountry.get(country) ?? [];
    const anchor = anchors[Math.floor(index / countries.length) % anchors.length];
    if (!anchor) continue;
    const number = String(index).padStart(4, '0');
    const slug = `bench-${number}`;
    const location = nearby(anchor.data.location, country, 0.05, random);
    const serviceIds: string[] = [];
    const template = sampleServiceByCountry.get(country);
    if (template) {
      for (const n of [1, 2]) {
        const id = `${country}/${slug}-sample-${n}`;
        const service: ServiceData = {
          ...template,
          organisation: { en: `Sample: bench service ${number}-${n}` },
          location: nearby(location, country, 0.01, random),
          sources: [SYNTHETIC_SOURCE],
        };
        writeYaml(join(contentDir, 'services', `${id}.yaml`), service);
        serviceIds.push(id);
        services += 1;
      }
    }
    const station: StationData = {
      ...anchor.data,
      code: `${country.toUpperCase()}-B${number}`,
      name: `${anchor.data.city} Bench ${number}`,
      location,
      services: serviceIds,
      sources: [SYNTHETIC_SOURCE],
    };
    writeYaml(join(contentDir, 'stations', country, `${slug}.yaml`), station);
  }
  return { stations: count, services };
}

function nearby(
  point: { lat: number; lon: number },
  country: string,
  spread: number,
  random: () => number,
): { lat: number; lon: number } {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const candidate = {
      lat: round(point.lat + (random() - 0.5) * 2 * spread),
      lon: round(point.lon + (random() - 0.5) * 2 * spread),
    };
    if (isInsideCountry(candidate, country)) return candidate;
  }
  return point;
}

const round = (value: number) => Math.round(value * 100_000) / 100_000;

function writeYaml(file: string, data: unknown): void {
  mkdirSync(join(file, '..'), { recursive: true });
  // JSON round trip drops undefined fields and zod's defaults stay valid input.
  writeFileSync(file, toYaml(JSON.parse(JSON.stringify(data)), { lineWidth: -1 }));
}

interface RunResult {
  wallSeconds: number;
  output: string;
  /** Largest resident set of one process (/usr/bin/time -v), in MB. */
  maxProcessMb: number | undefined;
  /** Largest sum of resident sets over the whole process tree (sampled from /proc), in MB. */
  peakTreeMb: number | undefined;
}

/** Runs a command, echoing nothing (its output goes to `logFile` as it comes), and measures wall time and memory. */
async function run(
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  logFile: string,
): Promise<RunResult> {
  const timeBinary = '/usr/bin/time';
  const useTime = existsSync(timeBinary);
  // The disk first writes out what came before (the copied content, the site build before the
  // floor): each timed build pays for its own files only, not for the flush of the one before.
  execFileSync('sync');
  const started = performance.now();
  // Its own process group, so an interrupted benchmark can stop the build and the Chromium it started.
  const child = spawn(useTime ? timeBinary : command, useTime ? ['-v', command, ...args] : [...args], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running = child;
  let output = '';
  const log = createWriteStream(logFile);
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    log.write(chunk);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let peakTreeKb = 0;
  const sampler = setInterval(() => {
    if (child.pid) peakTreeKb = Math.max(peakTreeKb, treeRssKb(child.pid));
  }, 250);
  const code = await new Promise<number | null>((done) => child.on('close', done));
  clearInterval(sampler);
  running = undefined;
  await new Promise((done) => log.end(done));
  const wallSeconds = (performance.now() - started) / 1000;
  if (code !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (exit ${code}):\n${output.slice(-4000)}`);
  const maxKb = /Maximum resident set size \(kbytes\): (\d+)/.exec(output)?.[1];
  return {
    wallSeconds,
    output,
    maxProcessMb: maxKb ? Number(maxKb) / 1024 : undefined,
    peakTreeMb: peakTreeKb > 0 ? peakTreeKb / 1024 : undefined,
  };
}

/** Resident memory of a process and all its descendants, from /proc (Linux); 0 elsewhere. */
function treeRssKb(root: number): number {
  if (!existsSync('/proc')) return 0;
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const parent = Number(/PPid:\s+(\d+)/.exec(status)?.[1] ?? 0);
      rss.set(Number(name), Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
      children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    total += rss.get(pid) ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

function countHtml(folder: string): number {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html'))
    .length;
}

function serviceWorkerInstall(outDir: string): { entries: number; raw: number; gzip: number } | undefined {
  const swFile = join(outDir, 'sw.js');
  if (!existsSync(swFile)) return undefined;
  const sw = readFileSync(swFile);
  const files = precachedPaths(sw.toString('utf8'))
    .map((path) => join(outDir, path))
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file));
  return {
    entries: files.length,
    raw: sw.length + files.reduce((sum, file) => sum + file.length, 0),
    gzip: gzipSize(sw) + files.reduce((sum, file) => sum + gzipSize(file), 0),
  };
}

/** A bare Astro project with `pages` trivial pages from one getStaticPaths, using this repo's node_modules. */
function writeFloorProject(folder: string, pages: number): void {
  mkdirSync(join(folder, 'src', 'pages'), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(folder, 'node_modules'), 'dir');
  writeFileSync(
    join(folder, 'package.json'),
    JSON.stringify({ name: 'floor', private: true, type: 'module' }),
  );
  writeFileSync(
    join(folder, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nexport default defineConfig({ site: 'https://floor.example.org', trailingSlash: 'always', build: { format: 'directory' }, outDir: './dist', cacheDir: './cache', devToolbar: { enabled: false } });\n`,
  );
  writeFileSync(
    join(folder, 'src', 'pages', '[page].astro'),
    `---\nexport function getStaticPaths() {\n  return Array.from({ length: ${pages} }, (_, i) => ({ params: { page: String(i) } }));\n}\nconst { page } = Astro.params;\n---\n<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Page {page}</title></head><body><h1>Page {page}</h1><p><a href="/0/">First page</a></p></body></html>\n`,
  );
}

const mb = (value: number | undefined) => (value === undefined ? 'n/a' : `${Math.round(value)} MB`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');

/** Astro's timing of its phase "generating static routes" (rendering every page to HTML), in seconds. */
function renderSeconds(output: string): number | undefined {
  const after = output.slice(output.indexOf('generating static routes'));
  const match = /✓ Completed in ([\d.]+)(ms|s)\./.exec(after);
  return match ? Number(match[1]) / (match[2] === 'ms' ? 1000 : 1) : undefined;
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const languages = selectLanguages(options.languages);
  const work = mkdtempSync(join(tmpdir(), 'safe-station-bench-'));
  const cleanUp = () => {
    if (running?.pid) {
      try {
        process.kill(-running.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    if (!options.keep) rmSync(work, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      console.error(
        `\nbench: ${signal}, stopping${options.keep ? ` (kept ${work})` : ' and removing the temporary folder'}`,
      );
      cleanUp();
      process.exit(130);
    });
  }
  const siteRoot = join(work, 'site');
  const contentDir = join(work, 'content');
  const outDir = join(work, 'dist');
  console.log(`bench: ${options.stations} synthetic stations × ${languages.length} languages in ${work}`);
  console.log(
    `machine: ${availableParallelism()} cores, Node ${process.version}, load average ${load()} (1, 5, 15 min) at the start`,
  );
  try {
    for (const name of PROJECT_FILES) cpSync(join(repoRoot, name), join(siteRoot, name), { recursive: true });
    cpSync(join(repoRoot, 'content'), contentDir, { recursive: true });
    // The invented samples are the templates of the synthetic services (built with SAMPLE_DATA=1, never published).
    cpSync(join(repoRoot, 'tests/fixtures/content/samples/services'), join(contentDir, 'services'), {
      recursive: true,
    });
    const added = addSyntheticStations(contentDir, options.stations);
    console.log(`content: +${added.stations} stations, +${added.services} services`);

    const env: NodeJS.ProcessEnv = childEnv({
      CONTENT_DIR: contentDir,
      SAMPLE_DATA: '1',
      OUT_DIR: outDir,
      ASTRO_CACHE_DIR: join(work, 'cache'),
      POSTERS_CACHE_DIR: join(work, 'cache', 'posters'),
      ASTRO_TELEMETRY_DISABLED: '1',
      // vite-node (which runs this script) sets NODE_ENV=development; a build inheriting it writes Astro's development island loader.
      NODE_ENV: 'production',
      PUBLIC_LOCALES: options.languages ?? '',
      // Temporary files of the build and the Chromium printing posters (profiles, sockets), removed with the rest.
      TMPDIR: join(work, 'tmp'),
    });
    mkdirSync(join(work, 'tmp'));
    // Posters are made only for a public site address; a local one skips them.
    if (!options.posters) env.SITE_URL = 'http://localhost:4321';
    // Run from the temporary folder: Astro stages a build whose output lies outside the working
    // directory in ./.astro. The copied project and the prerender bundle in OUT_DIR import
    // packages, so the folder gets this repo's node_modules (found from both by walking up).
    symlinkSync(join(repoRoot, 'node_modules'), join(work, 'node_modules'), 'dir');
    const site = await run(
      process.execPath,
      [
        ...(options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir] : []),
        astroCli,
        'build',
        '--root',
        siteRoot,
      ],
      work,
      env,
      join(work, 'build.log'),
    );
    const pages = countHtml(outDir);
    const posterMatch = /\[safe-station:posters\] (\d+ poster PDFs.* in ([\d.]+) s)/.exec(site.output);
    const posterSeconds = posterMatch ? Number(posterMatch[2]) : 0;
    const render = renderSeconds(site.output);
    const sw = serviceWorkerInstall(outDir);
    const pagesPerSecond = pages / site.wallSeconds;
    const pdfs = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((name) =>
      name.endsWith('.pdf'),
    ).length;

    console.log('');
    console.log(
      `site build:      ${pages} pages (${pdfs} PDFs) in ${site.wallSeconds.toFixed(1)} s = ${pagesPerSecond.toFixed(1)} pages/s`,
    );
    if (posterSeconds > 0) {
      console.log(
        `  without posters: ${(site.wallSeconds - posterSeconds).toFixed(1)} s = ${(pages / (site.wallSeconds - posterSeconds)).toFixed(1)} pages/s`,
      );
    }
    if (render)
      console.log(
        `  of which rendering the pages ("generating static routes"): ${render.toFixed(1)} s = ${(pages / render).toFixed(1)} pages/s`,
      );
    console.log(
      `peak memory:     ${mb(site.maxProcessMb)} largest process, ${mb(site.peakTreeMb)} whole process tree (sampled)`,
    );
    console.log(
      `service worker:  ${sw ? `${kb(sw.gzip)} gzip, ${kb(sw.raw)} raw to install (${sw.entries} precached files + sw.js)` : 'no sw.js'}`,
    );
    console.log(
      `posters:         ${posterMatch?.[1] ?? (options.posters ? 'no poster line in the build output' : 'skipped (--no-posters)')}`,
    );

    if (options.floor) {
      const floorDir = join(work, 'floor');
      writeFloorProject(floorDir, pages);
      const floor = await run(
        process.execPath,
        [astroCli, 'build'],
        floorDir,
        childEnv({ ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', TMPDIR: join(work, 'tmp') }),
        join(work, 'floor.log'),
      );
      const floorRender = renderSeconds(floor.output);
      const floorPages = countHtml(join(floorDir, 'dist'));
      const floorRate = floorPages / floor.wallSeconds;
      console.log(
        `floor (bare Astro): ${floorPages} trivial pages in ${floor.wallSeconds.toFixed(1)} s = ${floorRate.toFixed(1)} pages/s, peak ${mb(floor.maxProcessMb)}`,
      );
      if (floorRender)
        console.log(
          `  of which rendering the pages: ${floorRender.toFixed(1)} s = ${(floorPages / floorRender).toFixed(1)} pages/s`,
        );
      console.log(
        `ours vs floor:   ${((pagesPerSecond / floorRate) * 100).toFixed(1)} % of the floor's pages per second`,
      );
      if (posterSeconds > 0)
        console.log(
          `  without posters: ${((pages / (site.wallSeconds - posterSeconds) / floorRate) * 100).toFixed(1)} %`,
        );
    }
    console.log(`load average at the end: ${load()}`);
    const logs = [join(work, 'build.log'), ...(options.floor ? [join(work, 'floor.log')] : [])];
    console.log(
      `build logs: ${options.keep ? logs.join(', ') : '(removed; run with --keep to keep them and the output)'}`,
    );
  } finally {
    cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
