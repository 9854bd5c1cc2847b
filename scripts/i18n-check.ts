/**
 * npm run i18n:check — per language: missing and extra keys, untranslated
 * information pages; dead keys; the glossary (locales/glossary/{lang}.json:
 * one word per concept, no retired over-promise). Fails when code uses a key
 * English lacks, or when a glossary is missing, malformed or broken.
 * `--summary` prints one line (used by the build).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkGlossary, type GlossaryText } from '../src/lib/glossary';
import { compareLocale, flattenKeys, keysUsedInSource, usage, type Messages } from '../src/lib/i18n-audit';
import { ALL_LANGUAGE_CODES, getLanguage } from '../src/lib/languages';
import { glossarySchema } from '../src/schemas/glossary';
import { filesBelow } from '../src/node/files';

const root = new URL('..', import.meta.url).pathname;
const summaryOnly = process.argv.includes('--summary');

const readMessages = (lang: string): Messages => {
  try {
    return JSON.parse(readFileSync(join(root, 'locales', `${lang}.json`), 'utf8')) as Messages;
  } catch {
    return {};
  }
};
const pagesOf = (lang: string): string[] => {
  try {
    return readdirSync(join(root, 'content/info', lang))
      .filter((f) => f.endsWith('.md'))
      .map((f) => f.replace(/\.md$/, ''));
  } catch {
    return [];
  }
};

const pageTexts = (lang: string): GlossaryText[] =>
  pagesOf(lang).map((page) => ({
    where: `content/info/${lang}/${page}.md`,
    page,
    text: readFileSync(join(root, 'content/info', lang, `${page}.md`), 'utf8'),
  }));

function glossaryProblems(lang: string): string[] {
  const file = `locales/glossary/${lang}.json`;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(root, file), 'utf8'));
  } catch (error) {
    return [
      `${file}: ${(error as Error).message}; every language needs a glossary (copy locales/glossary/en.json and translate each term)`,
    ];
  }
  const parsed = glossarySchema.safeParse(raw);
  if (!parsed.success)
    return parsed.error.issues.map((issue) => `${file} → ${issue.path.join('.')}: ${issue.message}`);
  const problems = checkGlossary(lang, parsed.data, readMessages(lang), pageTexts(lang));
  const declared = parsed.data.review.status;
  const expected = getLanguage(lang).review.status;
  if (declared === 'machine-drafted' && expected !== 'machine-drafted')
    problems.push(`${file} → review.status: the language is ${expected}; review the glossary too`);
  if (expected === 'machine-drafted' && declared !== 'machine-drafted')
    problems.push(
      `${file} → review.status: "${declared}", but the language is machine-drafted; a glossary is reviewed with its language`,
    );
  return problems;
}

const english = readMessages('en');
const englishKeys = flattenKeys(english);
const englishPages = pagesOf('en');
const used = { exact: new Set<string>(), prefixes: new Set<string>() };
for (const file of filesBelow(join(root, 'src'), (name) => /\.(astro|ts|tsx)$/.test(name))) {
  const found = keysUsedInSource(readFileSync(file, 'utf8'), Object.keys(english));
  found.exact.forEach((key) => used.exact.add(key));
  found.prefixes.forEach((key) => used.prefixes.add(key));
}
const { missingFromEnglish, unused } = usage(englishKeys, used);
const reports = ALL_LANGUAGE_CODES.filter((lang) => lang !== 'en').map((lang) =>
  compareLocale(lang, englishKeys, flattenKeys(readMessages(lang)), englishPages, pagesOf(lang)),
);
const complete = reports.filter((r) => r.missing.length === 0 && r.untranslatedPages.length === 0).length;

if (summaryOnly) {
  console.log(
    `i18n: ${englishKeys.length} keys, ${englishPages.length} info pages; ${complete}/${reports.length} languages complete` +
      (missingFromEnglish.length
        ? `; ${missingFromEnglish.length} key(s) used in code missing from English`
        : ''),
  );
} else {
  console.log(`English: ${englishKeys.length} keys, ${englishPages.length} information pages.\n`);
  console.log('lang  status           missing  extra  untranslated pages');
  for (const report of reports) {
    const status = getLanguage(report.lang).review.status;
    console.log(
      `${report.lang.padEnd(5)} ${status.padEnd(16)} ${String(report.missing.length).padStart(7)} ${String(report.extra.length).padStart(6)}  ${report.untranslatedPages.length}`,
    );
  }
  for (const report of reports) {
    if (report.missing.length) console.log(`\n${report.lang} missing: ${report.missing.join(', ')}`);
    if (report.extra.length) console.log(`${report.lang} extra: ${report.extra.join(', ')}`);
    if (report.untranslatedPages.length)
      console.log(`${report.lang} untranslated pages: ${report.untranslatedPages.join(', ')}`);
  }
  if (unused.length) console.log(`\nKeys no code uses (remove them or use them): ${unused.join(', ')}`);
}
const glossary = ALL_LANGUAGE_CODES.flatMap(glossaryProblems);
if (summaryOnly) {
  if (glossary.length) console.error(`glossary: ${glossary.length} problem(s), run npm run i18n:check`);
} else {
  console.log(
    `\nGlossaries (locales/glossary/): ${glossary.length === 0 ? `${ALL_LANGUAGE_CODES.length} languages, one term per concept` : `${glossary.length} problem(s)`}`,
  );
}
for (const problem of glossary) console.error(`  ✗ ${problem}`);
if (glossary.length) process.exitCode = 1;

if (missingFromEnglish.length) {
  console.error(`\nKeys used in code but missing from locales/en.json: ${missingFromEnglish.join(', ')}`);
  process.exit(1);
}
