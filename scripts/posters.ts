/**
 * npm run posters:status — which posters print facts (numbers, link,
 * languages) that changed since they were locked, so they need reprinting.
 * npm run posters:lock   — record the current posters in content/posters.lock.json
 * (after reprinting). Codes already locked are never removed.
 * Reads CONTENT_DIR (default ./content) and SITE_URL like the build.
 */
import { relative } from 'node:path';
import { config } from '../src/config';
import { readContent } from '../src/data/read-content';
import { ALL_LANGUAGE_CODES } from '../src/lib/languages';
import { fingerprinted } from '../src/posters/fingerprint';
import { lockPath, readPosterLock, writePosterLock } from '../src/posters/lock-file';
import {
  lockStatus,
  missingCodesMessage,
  posterOrigin,
  posterStationsOfContent,
  stationPoster,
  updateLock,
} from '../src/posters/model';

const command = process.argv[2];
const root = config.contentDir;
const today = new Date().toISOString().slice(0, 10);
const site = config.siteUrl;
const origin = posterOrigin(site);
if (!origin) {
  console.error(`Posters are not made for ${site}: set SITE_URL to the public address of the site.`);
  process.exit(1);
}

const { content } = readContent(root, { siteLanguages: ALL_LANGUAGE_CODES, today });
const current = posterStationsOfContent(content).map((station) =>
  fingerprinted(stationPoster(station, origin)),
);
const lock = readPosterLock(root);
const status = lockStatus(lock, current);
const file = relative(process.cwd(), lockPath(root)) || lockPath(root);

if (command === 'status') {
  for (const poster of status.changed) {
    console.log(
      `reprint ${poster.code} (${poster.station}): v${poster.from} → v${poster.to}: ${poster.changes.join('; ')}`,
    );
  }
  for (const poster of status.added)
    console.log(
      `new     ${poster.code} (${poster.station}): not yet locked; run npm run posters:lock once printed`,
    );
  if (status.missing.length > 0) console.log(missingCodesMessage(lock, status.missing, file));
  console.log(
    `${status.changed.length} poster(s) to reprint, ${status.added.length} new, ${status.unchanged.length} unchanged, ${status.missing.length} locked code(s) without a station (${file}).`,
  );
  process.exit(status.missing.length > 0 ? 1 : 0);
} else if (command === 'lock') {
  if (status.missing.length > 0) {
    console.error(missingCodesMessage(lock, status.missing, file));
    process.exit(1);
  }
  writePosterLock(root, updateLock(lock, current, today));
  console.log(
    `Locked ${current.length} poster(s) in ${file}: ${status.changed.length} new version(s), ${status.added.length} new code(s).`,
  );
} else {
  console.error('Usage: vite-node scripts/posters.ts status|lock');
  process.exit(2);
}
