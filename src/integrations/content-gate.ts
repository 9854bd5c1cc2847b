import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { ContentError, formatProblem } from '../lib/content-check';
import { ALL_LANGUAGE_CODES } from '../lib/languages';
import { readContent, SKIP_MARKDOWN_CHECK } from '../data/read-content';

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
        if (process.env[SKIP_MARKDOWN_CHECK] === '1') logger.warn(`${SKIP_MARKDOWN_CHECK}=1: raw HTML and link addresses in Markdown are NOT checked (test builds only; never publish this build)`);
        try {
          const { content, warnings } = readContent(root, { siteLanguages: ALL_LANGUAGE_CODES, today: new Date().toISOString().slice(0, 10) });
          logger.info(`content ok: ${content.countries.length} countries, ${content.stations.length} stations, ${content.contacts.length} contacts, ${content.services.length} services`);
          for (const warning of warnings) logger.warn(formatProblem(warning));
        } catch (error) {
          if (!(error instanceof ContentError)) throw error;
          // The list is the whole message: thrown, Astro would follow it with its own stack trace, which says nothing to an editor.
          logger.error(error.message);
          process.exit(1);
        }
      },
    },
  };
}
