import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { formatProblem } from '../lib/content-check';
import { ALL_LANGUAGE_CODES } from '../lib/languages';
import { readContent } from '../data/read-content';

/**
 * Validates all of content/ before Astro writes anything, so bad content
 * fails the build with every problem listed and nothing half-built is left.
 * CONTENT_DIR points the build at another content folder (tests, benchmarks).
 */
export function contentGate(): AstroIntegration {
  return {
    name: 'safe-station:content-gate',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const root = process.env.CONTENT_DIR ?? fileURLToPath(new URL('./content', config.root));
        const { content, warnings } = readContent(root, { siteLanguages: ALL_LANGUAGE_CODES, today: new Date().toISOString().slice(0, 10) });
        logger.info(`content ok: ${content.countries.length} countries, ${content.stations.length} stations, ${content.contacts.length} contacts, ${content.services.length} services`);
        for (const warning of warnings) logger.warn(formatProblem(warning));
      },
    },
  };
}
