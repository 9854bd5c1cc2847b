/**
 * npm run bench:posters — how long printing posters takes, cold (empty cache)
 * and cached, and the QR code each format prints (version, modules, module
 * size). Uses the built poster pages in OUT_DIR (default dist/); when there
 * are none it builds the site first into .cache/bench-posters/.
 * Prints figures; asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPrintingChromium } from '../src/integrations/chromium';
import { childEnv, config } from '../src/config';
import { QR_ERROR_CORRECTION, QR_QUIET_ZONE, qrSymbol } from '../src/lib/qr';
import { moduleSizeMm, POSTER_FORMATS, qrPayload } from '../src/posters/model';
import { findPosterJobs, printPosterPdfs, type PrintReport } from '../src/posters/print-pdf';

const chromium = findPrintingChromium();
if (!chromium) {
  console.error('No Chromium found: install it (apt-get install chromium) or set CHROMIUM_PATH.');
  process.exit(1);
}

let outDir = config.outDir;
if (findPosterJobs(outDir, chromium).length === 0) {
  outDir = '.cache/bench-posters/dist';
  console.log(`No poster pages in ${config.outDir}; building the site into ${outDir} first…`);
  const build = spawnSync('npx', ['astro', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: childEnv({
      OUT_DIR: outDir,
      ASTRO_CACHE_DIR: '.cache/bench-posters/astro',
      POSTERS_CACHE_DIR: '.cache/bench-posters/pdf',
    }),
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const perPoster = (report: PrintReport) => `${(report.totalMs / report.total).toFixed(1)} ms per poster`;
/**
 * Busy CPU seconds of the whole machine, from /proc/stat on Linux. Chromium's
 * short-lived children (a print compositor per PDF) are not counted by this
 * process's own times, so only the machine's total catches them; it also counts
 * whatever else runs, hence the load average beside it.
 */
function cpuSeconds(): number | undefined {
  if (!existsSync('/proc/stat')) return undefined;
  const ticks = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]!
    .trim()
    .split(/\s+/)
    .slice(1, 9)
    .map(Number);
  // user nice system idle iowait irq softirq steal (guest time is already in user): all but idle and iowait, in clock ticks of 1/100 s.
  const busy = ticks.reduce((sum, n, index) => (index === 3 || index === 4 ? sum : sum + n), 0);
  return busy / 100;
}
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
const cacheDir = mkdtempSync(join(tmpdir(), 'bench-posters-'));
try {
  const loadBefore = load();
  const cpuBefore = cpuSeconds();
  const cold = await printPosterPdfs({ outDir, cacheDir, chromium });
  const cpuCold = cpuBefore === undefined ? undefined : cpuSeconds()! - cpuBefore;
  const loadAfter = load();
  const cached = await printPosterPdfs({ outDir, cacheDir, chromium });
  // One poster edited: only that one is printed again.
  const [first] = findPosterJobs(outDir, chromium);
  const firstHtml = join(outDir, first!.page, 'index.html');
  const original = readFileSync(firstHtml);
  appendFileSync(firstHtml, '<!-- bench: one poster changed -->');
  let incremental: PrintReport;
  try {
    incremental = await printPosterPdfs({ outDir, cacheDir, chromium });
  } finally {
    writeFileSync(firstHtml, original);
  }
  await printPosterPdfs({ outDir, cacheDir, chromium });

  const sizes = cold.pdfs.map((pdf) => statSync(join(outDir, pdf)).size);
  console.log(`Printed with ${chromium}`);
  console.log(
    `Posters in ${outDir}: ${cold.total} PDFs (${POSTER_FORMATS.length} formats), ${Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length / 1024)} KB on average`,
  );
  console.log(
    `cold   (empty cache): ${cold.printed} printed in ${seconds(cold.totalMs)} = ${perPoster(cold)} (Chromium start ${seconds(cold.launchMs)})`,
  );
  if (cpuCold !== undefined)
    console.log(
      `                     CPU time (whole machine) ${cpuCold.toFixed(2)} s = ${((cpuCold * 1000) / cold.total).toFixed(1)} ms per poster`,
    );
  console.log(`                     load average (1, 5, 15 min) before ${loadBefore}, after ${loadAfter}`);
  console.log(
    `cached (no change):   ${cached.cached} copied in ${seconds(cached.totalMs)} = ${perPoster(cached)}`,
  );
  console.log(
    `one poster changed:   ${incremental.printed} printed, ${incremental.cached} copied in ${seconds(incremental.totalMs)}`,
  );
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}

// The longest short code the schema allows (src/schemas/station.ts), so the figures hold for every station.
const origin = config.siteUrl;
const shortest = qrSymbol(qrPayload(origin, 'RO-BN'));
const symbol = qrSymbol(qrPayload(origin, 'XX-ABCDEF'));
console.log(
  `\nQR for ${qrPayload(origin, 'RO-BN')} (and codes up to 6 letters): version ${shortest.version}${symbol.version !== shortest.version ? ` to ${symbol.version}` : ''}, ` +
    `${symbol.modules}×${symbol.modules} modules, ${symbol.mode} mode, error correction ${QR_ERROR_CORRECTION}, quiet zone ${QR_QUIET_ZONE} modules`,
);
console.log('format   paper  QR symbol  with quiet zone  module');
for (const format of POSTER_FORMATS) {
  const module = moduleSizeMm(format, symbol);
  console.log(
    `${format.id.padEnd(8)} ${format.paper.name.padEnd(6)} ${`${format.qrMm} mm`.padEnd(10)} ${`${(format.qrMm + 2 * QR_QUIET_ZONE * module).toFixed(0)} mm`.padEnd(16)} ${module.toFixed(2)} mm`,
  );
}
