/**
 * What the service worker downloads when it installs, before anyone asks for
 * anything: the offline page in English and what it loads (its stylesheets,
 * scripts and icon). That page holds 112 and every country's national lines.
 *
 * Every language's offline page would be 16 × ~3.5 KB gzip, more than the
 * whole install may cost on roaming data (budgets.json), and grows with each
 * country. So the worker stores the offline page of a language when the person
 * reads a page in it (one small file per language they use, src/sw.ts), and a
 * saved pack holds the offline page in its languages. Home pages, which list
 * every station, are never stored unasked.
 */
import { entryScriptsOf, iconOf, scriptClosure, stylesheetsOf } from './assets';
import { offlineUrl } from '../lib/urls';

/** The language whose offline page every phone gets at install: the site's fallback language. */
export const INSTALL_LANGUAGE = 'en';

/** A page's own files: stylesheets, icon and every script it starts, imports followed. `read` gives a built file's text by its URL path. */
export function filesOfPage(html: string, read: (path: string) => string | undefined): string[] {
  return [...stylesheetsOf(html), ...iconOf(html), ...scriptClosure(entryScriptsOf(html), read)];
}

/** URL paths of the install set, read from the build: the offline page first. */
export function installSet(read: (path: string) => string | undefined): string[] {
  const page = offlineUrl(INSTALL_LANGUAGE);
  const html = read(`${page}index.html`);
  if (html === undefined)
    throw new Error(
      `The service worker's install set needs ${page}index.html in the build; is src/pages/[lang]/offline/ still there?`,
    );
  return [page, ...filesOfPage(html, read)];
}
