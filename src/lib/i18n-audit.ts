/**
 * What `npm run i18n:check` reports: keys the code uses, keys each locale
 * has, and the differences. Pure: callers pass file texts and messages.
 */
export type Messages = { [key: string]: string | Messages };

/** Every string with its dotted key, e.g. ["common.exitPage", "Exit this page"]. */
export function flattenEntries(messages: Messages, prefix = ''): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : flattenEntries(value, `${prefix}${key}.`),
  );
}

export function flattenKeys(messages: Messages, prefix = ''): string[] {
  return flattenEntries(messages, prefix).map(([key]) => key);
}

/** One call argument: string and template literals (which may hold commas and brackets) or plain code up to `,` or `)`. */
const ARGUMENT = String.raw`((?:\`[^\`]*\`|'[^']*'|"[^"]*"|[^,()'"\`])*)`;
const LITERAL = /(['"`])((?:(?!\1).)*)\1/g;

/**
 * The names a file translates with: `t`, every name bound to `useTranslations(…)`, and every
 * helper that takes a `key` and hands it to a translator (`const words = (key: string) => … t(key)`),
 * so keys passed to such a helper are read where they are written.
 */
export function translatorsOf(source: string): Set<string> {
  const names = new Set(['t']);
  for (const [, name = ''] of source.matchAll(/\b(?:const|let)\s+(\w+)\s*=\s*useTranslations\(/g))
    names.add(name);
  for (const [, name = ''] of source.matchAll(
    /\b(?:const|let)\s+(\w+)\s*=\s*\(\s*key\s*(?::\s*\w+)?\s*\)\s*=>[^;\n]*\(\s*key\s*[,)]/g,
  ))
    names.add(name);
  return names;
}

/**
 * Keys the code translates: the first argument of each translation call, both branches of a
 * ternary there (`t(isText ? 'common.textNumber' : 'common.callNumber')`), and nothing else (a
 * field path like `services.${index}` in an error message is not a key). A template literal with
 * a variable part in a translation call (`t(\`service.offer.${offer}\`)`) is the explicit dynamic
 * pattern of that call: every key below its fixed part counts as used.
 */
export function keysUsedInSource(
  source: string,
  sections: readonly string[],
): { exact: Set<string>; prefixes: Set<string> } {
  const exact = new Set<string>();
  const prefixes = new Set<string>();
  const names = [...translatorsOf(source)].join('|');
  const call = new RegExp(
    `(?:(?<![\\w.])(?:${names})(?:\\.has)?|\\buseTranslations\\([^()]*\\))\\(\\s*${ARGUMENT}`,
    'g',
  );
  const isKey = (text: string) => sections.some((section) => text.startsWith(`${section}.`));
  for (const [, argument = ''] of source.matchAll(call)) {
    for (const [, quote, text = ''] of argument.matchAll(LITERAL)) {
      const dynamic = quote === '`' ? text.indexOf('${') : -1;
      const key = dynamic >= 0 ? text.slice(0, dynamic) : text;
      if (!isKey(key)) continue;
      if (dynamic >= 0) prefixes.add(key);
      else exact.add(key);
    }
  }
  return { exact, prefixes };
}

export interface LocaleReport {
  readonly lang: string;
  readonly missing: readonly string[];
  readonly extra: readonly string[];
  readonly untranslatedPages: readonly string[];
}

export function compareLocale(
  lang: string,
  englishKeys: readonly string[],
  keys: readonly string[],
  englishPages: readonly string[],
  pages: readonly string[],
): LocaleReport {
  const have = new Set(keys);
  const source = new Set(englishKeys);
  return {
    lang,
    missing: englishKeys.filter((key) => !have.has(key)),
    extra: keys.filter((key) => !source.has(key)),
    untranslatedPages: englishPages.filter((page) => !pages.includes(page)),
  };
}

export function usage(englishKeys: readonly string[], used: { exact: Set<string>; prefixes: Set<string> }) {
  const isUsed = (key: string) =>
    used.exact.has(key) || [...used.prefixes].some((prefix) => key.startsWith(prefix));
  const english = new Set(englishKeys);
  return {
    missingFromEnglish: [...used.exact].filter((key) => !english.has(key)).sort(),
    unused: englishKeys.filter((key) => !isUsed(key)),
  };
}
