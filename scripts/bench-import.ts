/**
 * npm run bench:import [-- --services 28000]
 *
 * Times `import:hsds` on a synthetic directory (src/node/hsds-directory.ts)
 * into a copy of content/ in a temporary folder: reading and converting,
 * checking the whole content folder, and writing all files. Prints wall and
 * CPU time (the CPU time is what the import costs on a busy machine); asserts nothing. The file is generated each run, never committed.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importHsdsFile } from '../src/hsds/import-files';
import { ALL_LANGUAGE_CODES } from '../src/lib/languages';
import { parseFlags } from '../src/lib/badge-cli';
import { syntheticHsdsDirectory } from '../src/node/hsds-directory';

const { flags } = parseFlags(process.argv.slice(2));
const count = Number(flags.services ?? 28_000);
const work = mkdtempSync(join(tmpdir(), 'bench-import-'));
try {
  const content = join(work, 'content');
  cpSync(new URL('../content', import.meta.url).pathname, content, { recursive: true });
  const file = join(work, 'directory.json');
  writeFileSync(file, JSON.stringify(syntheticHsdsDirectory(count)));
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const result = await importHsdsFile(file, content, {
    siteLanguages: ALL_LANGUAGE_CODES,
    today: new Date().toISOString().slice(0, 10),
    country: 'ro',
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  if (result.problems.length > 0)
    throw new Error(`the import failed: ${result.problems.slice(0, 5).join('; ')}`);
  const written = readdirSync(join(content, 'services', 'ro')).length;
  console.log(
    `import:hsds of ${count.toLocaleString('en')} services (${(statSync(file).size / 1024 / 1024).toFixed(1)} MB of JSON): ${seconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU (${Math.round(count / cpuSeconds).toLocaleString('en')} services per CPU second; wall time depends on what else runs); ${written} files in services/ro/; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
