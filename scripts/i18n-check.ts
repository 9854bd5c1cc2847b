/**
 * npm run i18n:check — per language: missing and extra keys, untranslated
 * information pages; dead keys; fails when code uses a key English lacks.
 * `--summary` prints one line (used by the build).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compareLocale, flattenKeys, keysUsedInSource, usage, type Messages } from '../src/lib/i18n-audit';
import { ALL_LANGUAGE_CODES, getLanguage } from '../src/lib/languages';

const root = new URL('..', import.meta.url).pathname;
const summaryOnly = process.argv.includes('--summary');

function filesBelow(folder: string, pattern: RegExp): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesBelow(path, pattern) : pattern.test(name) ? [path] : [];
  });
}

const readMessages = (lang: string): Messages => {
  try {
    return JSON.parse(readFileSync(join(root, 'locales', `${lang}.json`), 'utf8')) as Messages;
  } catch {
    return {};
  }
};
const pagesOf = (lang: string): string[] => {
  try {
    return readdirSync(join(root, 'content/info', lang)).filter((f) => f.endsWith('.md')).map((f) => f.replace(/\.md$/, ''));
  } catch {
    return [];
  }
};

const english = readMessages('en');
const englishKeys = flattenKeys(english);
const englishPages = pagesOf('en');
const used = { exact: new Set<string>(), prefixes: new Set<string>() };
for (const file of filesBelow(join(root, 'src'), /\.(astro|ts|tsx)$/)) {
  const found = keysUsedInSource(readFileSync(file, 'utf8'), Object.keys(english));
  found.exact.forEach((key) => used.exact.add(key));
  found.prefixes.forEach((key) => used.prefixes.add(key));
}
const { missingFromEnglish, unused } = usage(englishKeys, used);
const reports = ALL_LANGUAGE_CODES.filter((lang) => lang !== 'en').map((lang) => compareLocale(lang, englishKeys, flattenKeys(readMessages(lang)), englishPages, pagesOf(lang)));
const complete = reports.filter((r) => r.missing.length === 0 && r.untranslatedPages.length === 0).length;

if (summaryOnly) {
  console.log(
    `i18n: ${englishKeys.length} keys, ${englishPages.length} info pages; ${complete}/${reports.length} languages complete` +
      (missingFromEnglish.length ? `; ${missingFromEnglish.length} key(s) used in code missing from English` : ''),
  );
} else {
  console.log(`English: ${englishKeys.length} keys, ${englishPages.length} information pages.\n`);
  console.log('lang  status           missing  extra  untranslated pages');
  for (const report of reports) {
    const status = getLanguage(report.lang).review.status;
    console.log(`${report.lang.padEnd(5)} ${status.padEnd(16)} ${String(report.missing.length).padStart(7)} ${String(report.extra.length).padStart(6)}  ${report.untranslatedPages.length}`);
  }
  for (const report of reports) {
    if (report.missing.length) console.log(`\n${report.lang} missing: ${report.missing.join(', ')}`);
    if (report.extra.length) console.log(`${report.lang} extra: ${report.extra.join(', ')}`);
    if (report.untranslatedPages.length) console.log(`${report.lang} untranslated pages: ${report.untranslatedPages.join(', ')}`);
  }
  if (unused.length) console.log(`\nKeys no code uses (remove them or use them): ${unused.join(', ')}`);
}
if (missingFromEnglish.length) {
  console.error(`\nKeys used in code but missing from locales/en.json: ${missingFromEnglish.join(', ')}`);
  process.exit(1);
}
