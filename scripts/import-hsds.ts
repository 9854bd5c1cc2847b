/**
 * npm run import:hsds <file.json> [--replace] [--country ro] [--source "S70 …"] [--content ./content]
 *
 * Turns an Open Referral HSDS 3.0 JSON file (for example one of ours from
 * /data/hsds/{country}.json, or an NGO's own directory) into
 * content/services/*.yaml, then checks all content exactly as the build does.
 * On any problem nothing is written and every problem is listed.
 */
import { join } from 'node:path';
import { importHsdsFile } from '../src/data/import-hsds';
import { ALL_LANGUAGE_CODES } from '../src/lib/languages';

const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const valued = new Set(['--country', '--source', '--content']);
const file = args.find((arg, index) => !arg.startsWith('--') && !valued.has(args[index - 1] ?? ''));
if (!file) {
  console.error('Usage: npm run import:hsds <file.json> [--replace] [--country ro] [--source "S70 …"] [--content ./content]');
  process.exit(2);
}

const root = new URL('..', import.meta.url).pathname;
const contentRoot = option('--content') ?? process.env.CONTENT_DIR ?? join(root, 'content');
const result = importHsdsFile(file, contentRoot, {
  siteLanguages: ALL_LANGUAGE_CODES,
  today: new Date().toISOString().slice(0, 10),
  replace: args.includes('--replace'),
  country: option('--country'),
  source: option('--source'),
});

if (result.problems.length > 0) {
  console.error(`Import stopped with ${result.problems.length} problem(s); nothing was written.`);
  for (const problem of result.problems) console.error(`  ✗ ${problem}`);
  process.exit(1);
}
console.log(`Imported ${result.written.length} service(s); all content checks passed.`);
for (const path of result.written) console.log(`  ✓ ${path}`);
if (result.stations.size > 0) {
  console.log('\nThe export listed them near these stations; make sure each station file lists its services:');
  for (const [id, files] of result.stations) console.log(`  ${id} → ${files.join(', ')}`);
} else {
  console.log('\nNext: add each service id to the `services:` list of the station(s) it is near (content/stations/…).');
}
