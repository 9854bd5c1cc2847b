import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageType } from '../data/budget-report';
import { inlineStylesheets } from '../lib/inline-css';
import { filesBelow } from '../node/files';

/**
 * Station pages are where a QR scan lands: their stylesheets (about 2.5 KB
 * gzip) go inline, so the page paints from its first round trip with
 * nothing else render-blocking, JavaScript on or off. Other pages keep the
 * shared stylesheet files, cached once for every page a person opens next.
 */
export function inlineStationCss(): AstroIntegration {
  return {
    name: 'safe-station:inline-station-css',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const read = (href: string) => {
          const file = join(root, href.split('?')[0] ?? href);
          return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
        };
        let pages = 0;
        for (const file of filesBelow(root, (name) => name.endsWith('.html'))) {
          if (pageType(`/${relative(root, file).split(sep).join('/')}`) !== 'station') continue;
          writeFileSync(file, inlineStylesheets(readFileSync(file, 'utf8'), read));
          pages += 1;
        }
        logger.info(`stylesheets put inline in ${pages} station pages`);
      },
    },
  };
}
