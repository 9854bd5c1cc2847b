import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pageType } from '../data/budget-report';
import { withoutUndrawnWhitespace } from '../lib/compact-html';
import { inlineStylesheets } from '../lib/inline-css';
import type { BuiltPageStepMaker } from './built-pages';

type Rewrite = (html: string, read: (href: string) => string | undefined) => string;

/**
 * What happens to a built page before Astro writes it, by page type:
 * - station pages are where a QR scan lands: their stylesheets (about 2.5 KB
 *   gzip) go inline, so the page paints from its first round trip with
 *   nothing else render-blocking, JavaScript on or off. Other pages keep the
 *   shared stylesheet files, cached once for every page a person opens next.
 * - kiosk pages hold every screen of a language in one HTML under an 8 KB
 *   budget: the white space the browser does not draw goes.
 */
const REWRITES: Readonly<Record<string, Rewrite>> = {
  station: inlineStylesheets,
  kiosk: withoutUndrawnWhitespace,
};

export const pageRewrites: BuiltPageStepMaker = (root) => {
  const stylesheets = new Map<string, string | undefined>();
  // Every station page links the same few stylesheets: each is read once.
  const read = (href: string) => {
    const file = join(root, href.split('?')[0] ?? href);
    if (!stylesheets.has(file))
      stylesheets.set(file, existsSync(file) ? readFileSync(file, 'utf8') : undefined);
    return stylesheets.get(file);
  };
  const rewritten = new Map<string, number>();
  return {
    name: 'safe-station:rewrite-built-pages',
    page(html, file) {
      const type = pageType(`/${file}`);
      const rewrite = REWRITES[type];
      if (!rewrite) return html;
      rewritten.set(type, (rewritten.get(type) ?? 0) + 1);
      return rewrite(html, read);
    },
    finish(logger) {
      logger.info(
        `stylesheets put inline in ${rewritten.get('station') ?? 0} station pages; undrawn white space taken out of ${rewritten.get('kiosk') ?? 0} kiosk pages`,
      );
    },
  };
};
