/**
 * Page paths of the staff build. They are files ("ro/iasi.html") and every
 * link between them is relative, so the build works from any folder: behind
 * a password on a web server, or opened from a USB stick with no server.
 */
export const staffIndexPath = () => 'index.html';
export const staffPlanPath = (country: string, station: string) => `${country}/${station}.html`;
export const staffChecklistsPath = (country: string) => `checklists/${country}.html`;
export const staffServiceWorkerPath = () => 'sw.js';

/** The link from one page of the build to another, both given as paths from the build's root. */
export function relativeHref(from: string, to: string): string {
  const fromFolders = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let shared = 0;
  while (
    shared < fromFolders.length &&
    shared < toParts.length - 1 &&
    fromFolders[shared] === toParts[shared]
  )
    shared++;
  return [...fromFolders.slice(shared).map(() => '..'), ...toParts.slice(shared)].join('/');
}

/** From a page to the build's root folder: "" at the root, "../" one folder down. */
export const toRoot = (from: string) => '../'.repeat(from.split('/').length - 1);
