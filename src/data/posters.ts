/**
 * Posters as data: the lock file on disk (content/posters.lock.json), and
 * each station's printed facts, from the resolved site (pages) or from a raw
 * content folder (the build's lock check and `npm run posters:*`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentSet } from '../lib/content-check';
import {
  EMPTY_LOCK,
  isLocalOrigin,
  posterLanguages,
  printedFacts,
  printedNumbers,
  type CurrentPoster,
  type PosterLock,
  type PrintedNumbers,
} from '../lib/poster';
import type { LanguageCode } from '../lib/languages';
import type { ContactData } from '../schemas/contact';
import type { Station } from './site';
import { config } from '../config';

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
  if (!parsed.posters || typeof parsed.posters !== 'object') throw new Error(`${lockPath(root)} has no "posters" object; restore it from version control.`);
  return { posters: parsed.posters };
}

export function writePosterLock(root: string, lock: PosterLock): void {
  const file = {
    $comment: 'Every short code ever printed on a poster, with a hash of the facts it printed. Written by `npm run posters:lock`; never remove a code.',
    posters: lock.posters,
  };
  writeFileSync(lockPath(root), `${JSON.stringify(file, null, 2)}\n`);
}

/** The public origin posters point to, or undefined when it is a local address (no posters then). */
export function posterOrigin(site: string | URL | undefined): URL | undefined {
  if (!site) return undefined;
  const url = new URL(site);
  return isLocalOrigin(url) ? undefined : url;
}

/** What a station's posters print besides the link: its poster languages and the two numbers. */
export function stationPosterInputs(station: Station): { languages: LanguageCode[]; numbers: PrintedNumbers } {
  const country = station.country;
  return {
    languages: posterLanguages(country.data.languages, country.data.posterLanguages, station.data.languages),
    numbers: printedNumbers(
      country.emergency.map((c) => c.data),
      country.antiTrafficking.map((c) => c.data),
    ),
  };
}

/** A station's poster facts from the resolved site model. */
export function currentPosterOfStation(station: Station, origin: URL): CurrentPoster {
  return {
    code: station.data.code,
    station: `${station.country.code}/${station.slug}`,
    facts: printedFacts({ code: station.data.code, origin, ...stationPosterInputs(station) }),
  };
}

/** Every station's poster facts from a raw content folder (as read by src/data/read-content.ts). */
export function currentPostersOfContent(content: ContentSet, origin: URL): CurrentPoster[] {
  const contacts = new Map<string, ContactData>(content.contacts.map((entry) => [entry.id, entry.data]));
  const resolve = (ids: readonly string[]) => ids.flatMap((id) => contacts.get(id) ?? []);
  return content.stations.map((station) => {
    const country = content.countries.find((entry) => entry.data.code === station.data.country);
    if (!country) throw new Error(`${station.file}: no country "${station.data.country}"`);
    return {
      code: station.data.code,
      station: station.id,
      facts: printedFacts({
        code: station.data.code,
        origin,
        languages: posterLanguages(country.data.languages, country.data.posterLanguages, station.data.languages),
        numbers: printedNumbers(resolve(country.data.emergency), resolve(country.data.antiTrafficking)),
      }),
    };
  });
}
