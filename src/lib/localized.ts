import type { LocalizedText } from '../schemas/common';
import { SOURCE_LANGUAGE } from './languages';

/** Content text in the reader's language, or English with `lang` marked so screen readers switch voice. */
export function pickText(text: LocalizedText, lang: string): { text: string; lang?: string } {
  const own = text[lang];
  if (own) return { text: own };
  return { text: text[SOURCE_LANGUAGE] ?? '', lang: lang === SOURCE_LANGUAGE ? undefined : SOURCE_LANGUAGE };
}
