/**
 * The hand-off between the built-pages integration and the middleware: while
 * a build renders, each page's HTML goes through the integration's steps
 * before Astro writes it, so no page is read back and written twice.
 *
 * The integration runs in the build's own modules and the middleware in the
 * bundle Astro renders from: two copies of this module, one process. What
 * they share is a slot on `globalThis` under a registered symbol.
 */
export type BuiltPageTransform = (html: string, file: string) => string;

const SLOT = Symbol.for('safe-station:built-page-transform');
type WithSlot = typeof globalThis & { [SLOT]?: BuiltPageTransform };

/** Set by the integration when rendering starts; cleared (undefined) when the build is done. */
export function setBuiltPageTransform(transform: BuiltPageTransform | undefined): void {
  (globalThis as WithSlot)[SLOT] = transform;
}

/** The transform of the build running in this process; none in the dev server or a build without the integration. */
export function builtPageTransform(): BuiltPageTransform | undefined {
  return (globalThis as WithSlot)[SLOT];
}

/** Pages Astro writes as `404.html`, not `404/index.html`, whatever the build format (its STATUS_CODE_PAGES). */
const STATUS_PAGES = new Set(['404', '500']);

/** The file a static build writes for a page's path (`build.format: 'directory'`): `/en/ro/iasi/` → `en/ro/iasi/index.html`, `/404/` → `404.html`. */
export function builtFileOf(pathname: string): string {
  const path = decodeURI(pathname).replace(/^\/+|\/+$/g, '');
  if (STATUS_PAGES.has(path)) return `${path}.html`;
  return path === '' ? 'index.html' : `${path}/index.html`;
}
