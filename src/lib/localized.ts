import type { LocalizedText } from '../schemas/common';
import { SOURCE_LANGUAGE } from './languages';

/** Content text in the reader's language, or English with `lang` marked so screen readers switch voice. */
export interface PickedText {
  readonly text: string;
  /** Set when the text is not in the page's language. */
  readonly lang?: string;
}

export function pickText(text: LocalizedText, lang: string): PickedText {
  const own = text[lang];
  if (own) return { text: own };
  return { text: text[SOURCE_LANGUAGE] ?? '', lang: lang === SOURCE_LANGUAGE ? undefined : SOURCE_LANGUAGE };
}
