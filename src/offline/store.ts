/**
 * Stores pages with the files they load in a Cache (Cache API): used by the
 * page when a person saves a pack, and by the service worker when it keeps
 * the page it installed on and refreshes saved packs. Runs in the browser and
 * the worker; no DOM.
 */
import { entryScriptsOf, iconOf, scriptClosureAsync, stylesheetsOf } from './assets';
import { PACK_META_PATH, type PackMeta } from './pack';

export interface Stored {
  /** Bytes of the pages as served. */
  readonly bytes: number;
  /** The files the pages load, stored beside them. */
  readonly assets: readonly string[];
  readonly assetBytes: number;
}

const size = async (response: Response) => (await response.clone().blob()).size;

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response;
}

/**
 * Fetches every page into the cache, then the stylesheets, icon and scripts
 * they load (imports followed). A file already in any cache of the site (the
 * install set, another pack) is copied, not downloaded again.
 */
export async function storePages(cache: Cache, urls: readonly string[]): Promise<Stored> {
  const pages = await Promise.all(
    urls.map(async (url) => {
      const response = await fetchOk(url);
      const html = await response.clone().text();
      const bytes = await size(response);
      await cache.put(url, response);
      return { html, bytes };
    }),
  );
  const files = new Map<string, Response>();
  const load = async (path: string) => {
    const response = (await caches.match(path, { ignoreSearch: true })) ?? (await fetchOk(path));
    files.set(path, response);
    return response;
  };
  const styles = [...new Set(pages.flatMap(({ html }) => [...stylesheetsOf(html), ...iconOf(html)]))];
  await Promise.all(styles.map(load));
  await scriptClosureAsync(
    pages.flatMap(({ html }) => entryScriptsOf(html)),
    async (path) => (await load(path)).clone().text(),
  );
  let assetBytes = 0;
  for (const [path, response] of files) {
    assetBytes += await size(response);
    await cache.put(path, response);
  }
  return { bytes: pages.reduce((sum, page) => sum + page.bytes, 0), assets: [...files.keys()], assetBytes };
}

/**
 * Stores a pack's pages and files in its cache with its description (saving,
 * and refreshing when a new version arrives); files of a previous version the
 * pages no longer load are removed.
 */
export async function storePack(
  cache: Cache,
  pack: Omit<PackMeta, 'bytes' | 'savedAt'> & { readonly savedAt?: string },
): Promise<PackMeta> {
  const { bytes, assets, assetBytes } = await storePages(cache, pack.urls);
  await Promise.all(
    (pack.assets ?? []).filter((path) => !assets.includes(path)).map((path) => cache.delete(path)),
  );
  const meta: PackMeta = {
    id: pack.id,
    label: pack.label,
    languages: pack.languages,
    urls: pack.urls,
    bytes,
    assets,
    assetBytes,
    savedAt: pack.savedAt ?? new Date().toISOString(),
  };
  await cache.put(
    PACK_META_PATH,
    new Response(JSON.stringify(meta), { headers: { 'Content-Type': 'application/json' } }),
  );
  return meta;
}
