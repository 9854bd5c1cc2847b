/**
 * Build hook of the offline feature: narrows the service worker's precache
 * (the files Workbox globbed from the build) to the install set of
 * ./install.ts, and writes pages as the directory URLs they are served at.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { installSet } from './install';

interface ManifestEntry {
  url: string;
  revision: string | null;
  size: number;
}

/** Text of a built file by its URL path ("/en/offline/index.html", "/_astro/x.js"), or undefined. */
export function builtFileReader(outDir: string): (path: string) => string | undefined {
  return (path) => {
    const file = join(outDir, decodeURIComponent(path.split('?')[0] ?? path));
    return existsSync(file) && statSync(file).isFile() ? readFileSync(file, 'utf8') : undefined;
  };
}

/** A Workbox `manifestTransforms` entry: keeps the install set only, and fails the build when a file of it was not globbed. */
export function installSetTransform(outDir: string) {
  return async (entries: ManifestEntry[]) => {
    const wanted = installSet(builtFileReader(outDir)).map((path) =>
      (path.endsWith('/') ? `${path}index.html` : path).replace(/^\//, ''),
    );
    const kept = entries.filter((entry) => wanted.includes(entry.url.replace(/^\//, '')));
    const missing = wanted.filter((path) => !kept.some((entry) => entry.url.replace(/^\//, '') === path));
    if (missing.length > 0)
      throw new Error(
        `The service worker's install set lists files the precache did not find: ${missing.join(', ')}; widen globPatterns in astro.config.mjs`,
      );
    const manifest = kept.map((entry) => ({ ...entry, url: entry.url.replace(/(^|\/)index\.html$/, '$1') }));
    return { manifest, warnings: [] };
  };
}
