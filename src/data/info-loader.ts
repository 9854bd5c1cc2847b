import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { forgetSiteContent, readSiteContent } from './read-content';

/**
 * The information pages collection, fed from the build's one content read
 * (`readSiteContent`) instead of a second glob over content/info/: the front
 * matter is validated by the collection's schema, the Markdown rendered with
 * the site's Markdown settings (sanitised, see astro.config.mjs). A page whose
 * text is unchanged keeps its rendering from Astro's content cache.
 */
export function infoLoader(contentRoot: () => string): Loader {
  return {
    name: 'safe-station:info',
    load: async (context) => {
      await loadInfoPages(context, contentRoot());
      // The dev server: an edited page shows on the next load (a build has no watcher).
      const folder = resolve(contentRoot(), 'info');
      context.watcher?.add(folder);
      context.watcher?.on('all', (_event, path) => {
        if (!path.startsWith(folder)) return;
        forgetSiteContent();
        loadInfoPages(context, contentRoot()).catch((error: Error) => context.logger.error(error.message));
      });
    },
  };
}

async function loadInfoPages(
  { config, store, parseData, renderMarkdown, generateDigest }: LoaderContext,
  contentRoot: string,
): Promise<void> {
  const root = fileURLToPath(config.root);
  const pages = readSiteContent(contentRoot).infoPages;
  const ids = new Set(pages.map((page) => page.id));
  for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
  for (const page of pages) {
    const filePath = relative(root, page.path);
    const frontMatter = page.frontMatter as Record<string, unknown>;
    const digest = generateDigest({ frontMatter, body: page.body });
    if (store.get(page.id)?.digest === digest) continue;
    const data = await parseData({ id: page.id, data: frontMatter, filePath });
    store.set({
      id: page.id,
      data,
      body: page.body,
      filePath,
      digest,
      rendered: await renderMarkdown(page.body),
    });
  }
}
