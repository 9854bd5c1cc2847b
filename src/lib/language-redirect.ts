/**
 * The inline script that sends a visitor to the page in their best language,
 * as the first thing a language-choosing page does: a classic script at the
 * top of <head>, so no stylesheet, font or script file is fetched before the
 * redirect (a QR scan costs one navigation, not a page load more). Its
 * element carries the choices: data-languages (built), data-first (a
 * station's languages) and data-target with "{lang}" where the language goes.
 *
 * The source is one fixed string whatever the page's data, so the
 * security-headers integration allows it by hash (KNOWN_INLINE_SCRIPTS). It
 * is minified with esbuild because Function#toString differs by a stray ";"
 * between the build's bundles and the config loader: minified, the same code
 * gives the same text, and so the same hash, in both.
 */
import { transformSync } from 'esbuild';
import { pickLanguage } from './best-language';

/** What a language-choosing page knows: LanguageRedirect (in <head>) and LanguageChoice (the list) take the same. */
export interface LanguageChoiceProps {
  languages: readonly string[];
  /** Languages listed first, and chosen when the browser's own match none (a station's). */
  first?: readonly string[];
  /** URL with "{lang}" where the language code goes. */
  target: string;
}

const source =
  `(function(data){var pickLanguage=${pickLanguage.toString()};` +
  `var preferred=navigator.languages&&navigator.languages.length?navigator.languages:[navigator.language];` +
  `var lang=pickLanguage(preferred,(data.languages||'').split(','),(data.first||'').split(',').filter(Boolean));` +
  // The fragment comes along: /verify/#TOKEN carries a badge token that must reach the language page (and never a server).
  `location.replace((data.target||'/{lang}/').replace('{lang}',lang)+location.hash)})(document.currentScript.dataset)`;

export const LANGUAGE_REDIRECT_SCRIPT = transformSync(source, { minify: true, target: 'es2020' }).code.trim();
