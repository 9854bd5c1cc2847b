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

/**
 * Keys referenced in source code: any string literal that starts with one of
 * the English top-level sections and a dot, so keys chosen by a ternary count
 * too. A template literal with a variable part (`section.${x}`) counts as a
 * prefix: every key below it is in use.
 */
export function keysUsedInSource(source: string, sections: readonly string[]): { exact: Set<string>; prefixes: Set<string> } {
  const exact = new Set<string>();
  const prefixes = new Set<string>();
  const pattern = new RegExp(`(['"\`])((?:${sections.join('|')})\\.[A-Za-z0-9_.-]*?)(\\$\\{|\\1)`, 'g');
  for (const [, quote, key = '', end] of source.matchAll(pattern)) {
    if (quote === '`' && end === '${') prefixes.add(key);
    else exact.add(key);
  }
  return { exact, prefixes };
}

export interface LocaleReport {
  readonly lang: string;
  readonly missing: readonly string[];
  readonly extra: readonly string[];
  readonly untranslatedPages: readonly string[];
}

export function compareLocale(lang: string, englishKeys: readonly string[], keys: readonly string[], englishPages: readonly string[], pages: readonly string[]): LocaleReport {
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
  const isUsed = (key: string) => used.exact.has(key) || [...used.prefixes].some((prefix) => key.startsWith(prefix));
  const english = new Set(englishKeys);
  return {
    missingFromEnglish: [...used.exact].filter((key) => !english.has(key)).sort(),
    unused: englishKeys.filter((key) => !isUsed(key)),
  };
}
