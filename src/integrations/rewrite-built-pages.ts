import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageType } from '../data/budget-report';
import { withoutUndrawnWhitespace } from '../lib/compact-html';
import { inlineStylesheets } from '../lib/inline-css';
import { filesBelow } from '../node/files';

type Rewrite = (html: string, read: (href: string) => string | undefined) => string;

/**
 * What happens to a built page after Astro wrote it, by page type:
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

export function rewriteBuiltPages(): AstroIntegration {
  return {
    name: 'safe-station:rewrite-built-pages',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const read = (href: string) => {
          const file = join(root, href.split('?')[0] ?? href);
          return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
        };
        const rewritten = new Map<string, number>();
        for (const file of filesBelow(root, (name) => name.endsWith('.html'))) {
          const type = pageType(`/${relative(root, file).split(sep).join('/')}`);
          const rewrite = REWRITES[type];
          if (!rewrite) continue;
          try {
            writeFileSync(file, rewrite(readFileSync(file, 'utf8'), read));
          } catch (error) {
            throw new Error(`${relative(root, file)}: ${(error as Error).message}`, { cause: error });
          }
          rewritten.set(type, (rewritten.get(type) ?? 0) + 1);
        }
        logger.info(
          `stylesheets put inline in ${rewritten.get('station') ?? 0} station pages; undrawn white space taken out of ${rewritten.get('kiosk') ?? 0} kiosk pages`,
        );
      },
    },
  };
}
