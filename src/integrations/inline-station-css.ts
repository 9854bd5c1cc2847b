import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageType } from '../data/budget-report';
import { inlineStylesheets } from '../lib/inline-css';

function htmlFiles(root: string, folder = ''): string[] {
  return readdirSync(join(root, folder)).flatMap((name) => {
    const relative = `${folder}/${name}`;
    if (statSync(join(root, relative)).isDirectory()) return htmlFiles(root, relative);
    return name.endsWith('.html') ? [relative] : [];
  });
}

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
        for (const path of htmlFiles(root)) {
          if (pageType(path) !== 'station') continue;
          const file = join(root, path);
          writeFileSync(file, inlineStylesheets(readFileSync(file, 'utf8'), read));
          pages += 1;
        }
        logger.info(`stylesheets put inline in ${pages} station pages`);
      },
    },
  };
}
