/**
 * One word per concept in each language: checks a language's glossary
 * against its UI strings and information pages. Pure: callers pass the texts.
 */
import type { Glossary } from '../schemas/glossary';
import { flattenEntries, type Messages } from './i18n-audit';

/** A text to search, and where it lives (shown in the message). */
export interface GlossaryText {
  readonly where: string;
  /** Set for information pages: the page's slug. */
  readonly page?: string;
  readonly text: string;
}

/** Letter case and typographic apostrophes do not make a different word. */
const normalise = (text: string) => text.normalize('NFC').replace(/[’‘ʼ]/g, "'").toLocaleLowerCase();

export function localeTexts(lang: string, messages: Messages): GlossaryText[] {
  return flattenEntries(messages).map(([key, text]) => ({ where: `locales/${lang}.json → ${key}`, text }));
}

export function checkGlossary(
  lang: string,
  glossary: Glossary,
  messages: Messages,
  pages: readonly GlossaryText[],
): string[] {
  const file = `locales/glossary/${lang}.json`;
  const texts = [...localeTexts(lang, messages), ...pages];
  const strings = new Map(flattenEntries(messages));
  const problems: string[] = [];
  const uses = (variant: string) => texts.filter((t) => normalise(t.text).includes(normalise(variant)));
  for (const variant of glossary.avoid) {
    for (const text of uses(variant))
      problems.push(`${text.where} uses "${variant}", which ${file} lists under avoid; reword it`);
  }
  for (const [id, term] of Object.entries(glossary.terms)) {
    const use = normalise(term.use);
    if (term.key !== undefined) {
      const value = strings.get(term.key);
      if (value === undefined)
        problems.push(`${file} → terms.${id}.key: locales/${lang}.json has no "${term.key}"`);
      else if (value !== term.use)
        problems.push(
          `locales/${lang}.json → ${term.key} is "${value}", but the glossary (${id}) says "${term.use}": make them the same`,
        );
    }
    for (const slug of term.pages ?? []) {
      const page = pages.find((p) => p.page === slug);
      if (!page) problems.push(`${file} → terms.${id}.pages: no information page "${slug}" in ${lang}`);
      else if (!normalise(page.text).includes(use))
        problems.push(
          `${page.where} does not use "${term.use}" (${id}); write it exactly as the glossary does`,
        );
    }
    if (!texts.some((t) => normalise(t.text).includes(use))) {
      problems.push(
        `${file} → terms.${id}.use: "${term.use}" occurs in no string or page of ${lang}; write the form the texts use`,
      );
    }
    for (const variant of term.avoid) {
      const avoided = normalise(variant);
      if (use.includes(avoided)) {
        problems.push(`${file} → terms.${id}.avoid: "${variant}" is part of the term itself`);
        continue;
      }
      for (const text of uses(variant)) {
        problems.push(`${text.where} uses "${variant}"; the glossary (${id}) says "${term.use}"`);
      }
    }
  }
  return problems;
}
