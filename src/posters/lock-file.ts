/**
 * The lock on disk: content/posters.lock.json beside the content it locks.
 * What the lock means is in model.ts; this only reads and writes the file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { config } from '../config';
import { EMPTY_LOCK, type PosterLock } from './model';

export const LOCK_FILE_NAME = 'posters.lock.json';

/** The content folder the build reads: CONTENT_DIR, or ./content from where the build runs. */
export function contentRoot(): string {
  return config.contentDir;
}

export function lockPath(root: string): string {
  return join(root, LOCK_FILE_NAME);
}

/** The lock beside the content; an empty lock when the folder has none (fixtures, a new deployment). */
export function readPosterLock(root: string): PosterLock {
  let text: string;
  try {
    text = readFileSync(lockPath(root), 'utf8');
  } catch {
    return EMPTY_LOCK;
  }
  const parsed = JSON.parse(text) as Partial<PosterLock>;
  if (!parsed.posters || typeof parsed.posters !== 'object')
    throw new Error(`${lockPath(root)} has no "posters" object; restore it from version control.`);
  return { posters: parsed.posters };
}

export function writePosterLock(root: string, lock: PosterLock): void {
  const file = {
    $comment:
      'Every short code ever printed on a poster, with a hash of the facts it printed. Written by `npm run posters:lock`; never remove a code.',
    posters: lock.posters,
  };
  writeFileSync(lockPath(root), `${JSON.stringify(file, null, 2)}\n`);
}
