/**
 * npm run import:hsds <file.json> [--replace] [--country ro] [--source "S70 …"] [--content ./content]
 *
 * Turns an Open Referral HSDS 3.0 JSON file (for example one of ours from
 * /data/hsds/{country}.json, or an NGO's own directory) into
 * content/services/*.yaml, checking all content exactly as the build does
 * before anything is written. On any problem nothing is written and every
 * problem is listed; an interrupt (Ctrl-C) leaves the content folder as it was.
 */
import { importHsdsFile } from '../src/hsds/import-files';
import { ALL_LANGUAGE_CODES } from '../src/lib/languages';
import { config } from '../src/config';

const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const valued = new Set(['--country', '--source', '--content']);
const file = args.find((arg, index) => !arg.startsWith('--') && !valued.has(args[index - 1] ?? ''));
if (!file) {
  console.error(
    'Usage: npm run import:hsds <file.json> [--replace] [--country ro] [--source "S70 …"] [--content ./content]',
  );
  process.exit(2);
}

const contentRoot = option('--content') ?? config.contentDir;
const started = performance.now();
const result = await importHsdsFile(file, contentRoot, {
  siteLanguages: ALL_LANGUAGE_CODES,
  today: new Date().toISOString().slice(0, 10),
  replace: args.includes('--replace'),
  country: option('--country'),
  source: option('--source'),
});

const exitCodeOf = (signal: NodeJS.Signals) =>
  128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1);
if (result.interrupted && result.problems.length > 0) {
  console.error(`Import interrupted (${result.interrupted}); nothing was written.`);
  process.exit(exitCodeOf(result.interrupted));
}
if (result.problems.length > 0) {
  console.error(`Import stopped with ${result.problems.length} problem(s); nothing was written.`);
  for (const problem of result.problems) console.error(`  ✗ ${problem}`);
  process.exit(1);
}
console.log(
  `Imported ${result.written.length} service(s) in ${((performance.now() - started) / 1000).toFixed(1)} s; all content checks passed.`,
);
const LISTED = 50;
for (const path of result.written.slice(0, LISTED)) console.log(`  ✓ ${path}`);
if (result.written.length > LISTED) console.log(`  … and ${result.written.length - LISTED} more`);
if (result.stations.size > 0) {
  console.log(
    '\nThe export listed them near these stations; make sure each station file lists its services:',
  );
  for (const [id, files] of result.stations) console.log(`  ${id} → ${files.join(', ')}`);
} else {
  console.log(
    '\nNext: add each service id to the `services:` list of the station(s) it is near (content/stations/…).',
  );
}
if (result.interrupted) {
  console.error(
    `\nInterrupted (${result.interrupted}) while the files were moved into place; the move was finished, so the import above is complete.`,
  );
  process.exit(exitCodeOf(result.interrupted));
}
