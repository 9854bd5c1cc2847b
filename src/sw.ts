/// <reference lib="webworker" />
/**
 * Safe Station's service worker. Its install downloads only the English
 * offline page and what it loads (src/offline/install.ts); pages are
 * network-first and kept as they are visited, with the offline page in their
 * language; saved packs live in their own caches (src/offline/store.ts).
 */
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import { languageOfPath, PACK_CACHE_PREFIX, PACK_META_PATH, type PackMeta } from './offline/pack';
import { INSTALL_LANGUAGE } from './offline/install';
import { storePack, storePages } from './offline/store';
import { offlineUrl } from './lib/urls';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<{ url: string; revision: string | null } | string>;
};

const PAGES_CACHE = 'pages';
const ASSETS_CACHE = 'assets';
const MAX_ASSETS = 120;
const TILES_CACHE = 'map-tiles';
const NETWORK_TIMEOUT_MS = 4000;
const manifest = self.__WB_MANIFEST;

precacheAndRoute(manifest);
cleanupOutdatedCaches();

// A new version waits until the page says so ("Reload" in the update notice), so nothing changes under a reader.
self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// Take control only once the open page is stored: from then on, it works offline.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    Promise.all([cacheOpenWindows(), refreshPacks(), refreshOfflinePages()]).then(() => self.clients.claim()),
  );
});

/**
 * The page on which the service worker installed is not fetched through it; keep it now, with the files it loaded
 * (already downloaded for it) and the offline page in its language, so it works offline.
 */
async function cacheOpenWindows(): Promise<void> {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const cache = await caches.open(PAGES_CACHE);
  await Promise.all(
    windows
      .map((client) => new URL(client.url))
      .filter((url) => url.origin === self.location.origin)
      .map(async (url) => {
        await storePages(cache, [url.pathname]).catch(() => undefined);
        await keepOfflinePage(url);
      }),
  );
}

/** Stores the offline page of the language the person reads, once: one small page per language they use (its files are the install set's). */
async function keepOfflinePage(url: URL): Promise<void> {
  const lang = languageOfPath(url.pathname);
  if (!lang || lang === INSTALL_LANGUAGE) return;
  const page = offlineUrl(lang);
  if (await caches.match(page, { ignoreSearch: true })) return;
  await storePages(await caches.open(PAGES_CACHE), [page]).catch(() => undefined);
}

/** The offline pages kept for the languages read are fetched again with a new version, like saved packs. */
async function refreshOfflinePages(): Promise<void> {
  const cache = await caches.open(PAGES_CACHE);
  const pages = (await cache.keys())
    .map((request) => new URL(request.url).pathname)
    .filter((path) => /^\/[a-z]{2}\/offline\/$/.test(path));
  if (pages.length > 0) await storePages(cache, pages).catch(() => undefined);
}

/** Saved packs are re-fetched when a new version arrives, so saved numbers stay current. */
async function refreshPacks(): Promise<void> {
  const names = (await caches.keys()).filter((name) => name.startsWith(PACK_CACHE_PREFIX));
  await Promise.all(
    names.map(async (name) => {
      const cache = await caches.open(name);
      const metaResponse = await cache.match(PACK_META_PATH);
      if (!metaResponse) return;
      const meta = (await metaResponse.json()) as PackMeta;
      await storePack(cache, meta).catch(() => undefined);
    }),
  );
}

function fetchWithTimeout(request: Request): Promise<Response> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), NETWORK_TIMEOUT_MS);
    fetch(request).then(
      (response) => {
        clearTimeout(timer);
        resolve(response);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

async function updateCopies(request: Request, response: Response): Promise<void> {
  const pages = await caches.open(PAGES_CACHE);
  await pages.put(request, response.clone());
  for (const name of (await caches.keys()).filter((n) => n.startsWith(PACK_CACHE_PREFIX))) {
    const pack = await caches.open(name);
    if (await pack.match(request, { ignoreSearch: true })) await pack.put(request, response.clone());
  }
}

async function offlinePage(url: URL): Promise<Response> {
  const lang = languageOfPath(url.pathname);
  const page =
    (lang && (await caches.match(offlineUrl(lang)))) || (await matchPrecache(offlineUrl(INSTALL_LANGUAGE)));
  return (
    page ??
    new Response('Offline. In danger, call 112.', {
      status: 503,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  );
}

registerRoute(
  ({ request, url }) => request.mode === 'navigate' && url.origin === self.location.origin,
  async ({ request, event }) => {
    const url = new URL(request.url);
    try {
      const response = await fetchWithTimeout(request);
      if (response.ok)
        (event as ExtendableEvent).waitUntil(
          Promise.all([updateCopies(request, response), keepOfflinePage(url)]),
        );
      return response;
    } catch {
      const cached =
        (await caches.match(request, { ignoreSearch: true })) ?? (await matchPrecache(url.pathname));
      return cached ?? offlinePage(url);
    }
  },
);

// Stylesheets and scripts (content-hashed, never change): from any cache (the install set, a saved pack), else the
// network, keeping what the browser loaded for a page anyway, so a page seen once opens styled offline.
registerRoute(
  ({ url }) =>
    url.origin === self.location.origin &&
    url.pathname.startsWith('/_astro/') &&
    /\.(css|js)$/.test(url.pathname),
  async ({ request }) => {
    const cached = await caches.match(request, { ignoreSearch: true });
    if (cached) return cached;
    const response = await fetch(request);
    if (response.ok) {
      const cache = await caches.open(ASSETS_CACHE);
      await cache.put(request, response.clone());
      // Bounded: files of past versions go first (keys keep the order they were put in).
      const keys = await cache.keys();
      await Promise.all(keys.slice(0, Math.max(0, keys.length - MAX_ASSETS)).map((key) => cache.delete(key)));
    }
    return response;
  },
);

// QR code files are named after what they hold (src/kiosk/qr-files.ts), so any stored copy is current: a kiosk's saved pack keeps the ones it shows.
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname.startsWith('/qr/'),
  async ({ request }) => (await caches.match(request)) ?? fetch(request),
);

// Fonts of the scripts a person reads, kept after first use.
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname.startsWith('/fonts/'),
  new CacheFirst({ cacheName: 'fonts', plugins: [new ExpirationPlugin({ maxEntries: 30 })] }),
);

// Map tiles the person has already seen, bounded; never prefetched (OpenStreetMap tile policy).
registerRoute(
  ({ request, url }) =>
    request.destination === 'image' &&
    url.origin !== self.location.origin &&
    /\/\d+\/\d+\/\d+(@2x)?\.png$/.test(url.pathname),
  new CacheFirst({
    cacheName: TILES_CACHE,
    plugins: [new ExpirationPlugin({ maxEntries: 400, maxAgeSeconds: 30 * 24 * 3600 })],
  }),
);
