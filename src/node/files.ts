import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file below `folder` (recursively, depth first, in directory order), as paths joined
 * onto `folder`; `keep` filters by file name. Throws when the folder does not exist: callers
 * for which a missing folder is normal check first.
 */
export function filesBelow(folder: string, keep: (name: string) => boolean = () => true): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    // A link is followed to what it names (a content folder may be linked in).
    if (entry.isDirectory() || (entry.isSymbolicLink() && statSync(path).isDirectory()))
      return filesBelow(path, keep);
    return keep(entry.name) ? [path] : [];
  });
}

/** `filesBelow`, or nothing when the folder is missing or unreadable (optional content folders). */
export function filesBelowIfAny(folder: string, keep?: (name: string) => boolean): string[] {
  try {
    return filesBelow(folder, keep);
  } catch {
    return [];
  }
}
