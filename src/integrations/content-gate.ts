import type { AstroIntegration } from 'astro';
import { formatProblem, publishProblems } from '../lib/content-check';
import { staleEntries } from '../lib/staleness';
import { config as settings, SKIP_MARKDOWN_CHECK } from '../config';
import { ContentError, readSiteContent } from '../data/read-content';

/**
 * Validates all of content/ before Astro writes anything, so bad content
 * fails the build with every problem listed and nothing half-built is left.
 * CONTENT_DIR points the build at another content folder (tests, benchmarks);
 * SAMPLE_DATA=1 lets invented sample services through (tests only).
 * The read is kept for the rest of the build (readSiteContent): the poster
 * lock check, the collections and the pages use it instead of reading again.
 * It ends with the contacts and services last checked more than a year ago.
 */
export function contentGate(): AstroIntegration {
  return {
    name: 'safe-station:content-gate',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        const root = settings.contentDir;
        if (!settings.checkMarkdown)
          logger.warn(
            `${SKIP_MARKDOWN_CHECK}=1: raw HTML and link addresses in Markdown are NOT checked (test builds only; never publish this build)`,
          );
        const today = new Date().toISOString().slice(0, 10);
        try {
          const { content, warnings } = readSiteContent(root);
          const unpublishable = publishProblems(content, { allowSamples: settings.allowSampleData });
          if (unpublishable.length > 0) throw new ContentError(unpublishable);
          logger.info(
            `content ok: ${content.countries.length} countries, ${content.stations.length} stations, ${content.contacts.length} contacts, ${content.services.length} services`,
          );
          for (const warning of warnings) logger.warn(formatProblem(warning));
          const stale = staleEntries([...content.contacts, ...content.services], today);
          logger.info(
            `last checked more than 12 months ago: ${stale.length}${stale.length > 0 ? ' (check these again):' : ''}`,
          );
          for (const entry of stale)
            logger.warn(
              `${entry.file} → verified.date: ${entry.data.verified?.date}; check it again and update the date`,
            );
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
