/**
 * The linked site model, computed from validated content by one pure function.
 *
 * API (stable; pages, posters, packs, budgets, the staff build and scripts call it):
 *   resolveSite(content, languages) → SiteModel
 *     content:   the ContentSet `readContent` / `readSiteContent` return (src/data/read-content.ts)
 *     languages: the built languages, e.g. selectLanguages(PUBLIC_LOCALES)
 *   SiteModel:   { languages, countries, stations, stationByCode }, every reference resolved:
 *     Country → emergency / antiTrafficking / helplines (Contact[]), stations (by name)
 *     Station → country, contacts, services; stations sorted by name
 *
 * In a build, read the content with `readSiteContent(root)` (cached per process, so the
 * content gate, the integrations, the pages and scripts share one read) and pass it here;
 * inside pages use `getSite()` (src/data/site.ts), which adds the information pages.
 * No file system, no Astro: this is the "pure model" half (Starlight's user-config.ts);
 * read-content.ts is its Node twin (Starlight's *-fs.ts).
 */
import type { ContentSet } from '../lib/content-check';
import type { LanguageCode } from '../lib/languages';
import type { ContactData } from '../schemas/contact';
import type { CountryData } from '../schemas/country';
import type { ServiceData } from '../schemas/service';
import type { StationData } from '../schemas/station';

export interface Contact {
  readonly id: string;
  readonly data: ContactData;
}

export interface Service {
  readonly id: string;
  readonly data: ServiceData;
}

export interface Country {
  readonly code: string;
  readonly data: CountryData;
  readonly emergency: readonly Contact[];
  readonly antiTrafficking: readonly Contact[];
  readonly helplines: readonly Contact[];
  readonly stations: readonly Station[];
}

export interface Station {
  /** The URL slug, e.g. "bucuresti-nord". */
  readonly slug: string;
  readonly data: StationData;
  readonly country: Country;
  /** Station-specific contacts, shown after the national helplines. */
  readonly contacts: readonly Contact[];
  readonly services: readonly Service[];
}

export interface SiteModel {
  readonly languages: readonly LanguageCode[];
  readonly countries: readonly Country[];
  readonly stations: readonly Station[];
  /** Each station by its short code (e.g. "RO-BN"), as posters and short links print it. */
  readonly stationByCode: ReadonlyMap<string, Station>;
}

function lookup<T>(map: ReadonlyMap<string, T>, id: string, from: string): T {
  const found = map.get(id);
  // The content gate (src/integrations/content-gate.ts) reports these first with a fix; this guards direct use.
  if (!found) throw new Error(`${from} refers to "${id}", which does not exist.`);
  return found;
}

const byName = (a: Station, b: Station) => a.data.name.localeCompare(b.data.name);

/** Links countries ↔ contacts ↔ stations ↔ services. Pure: the same content gives an equal model. */
export function resolveSite(content: ContentSet, languages: readonly LanguageCode[]): SiteModel {
  const contacts = new Map(content.contacts.map((entry) => [entry.id, { id: entry.id, data: entry.data }]));
  const services = new Map(content.services.map((entry) => [entry.id, { id: entry.id, data: entry.data }]));

  const countries: Country[] = content.countries
    .map((entry) => {
      const resolve = (ids: readonly string[]) =>
        ids.map((id) => lookup(contacts, id, `country ${entry.id}`));
      return {
        code: entry.data.code,
        data: entry.data,
        emergency: resolve(entry.data.emergency),
        antiTrafficking: resolve(entry.data.antiTrafficking),
        helplines: resolve(entry.data.helplines),
        stations: [] as Station[],
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
  const countryByCode = new Map(countries.map((country) => [country.code, country]));

  const stations: Station[] = content.stations
    .map((entry) => {
      const country = lookup(countryByCode, entry.data.country, `station ${entry.id}`);
      const station: Station = {
        slug: entry.id.split('/').pop() ?? entry.id,
        data: entry.data,
        country,
        contacts: entry.data.contacts.map((id) => lookup(contacts, id, `station ${entry.id}`)),
        services: entry.data.services.map((id) => lookup(services, id, `station ${entry.id}`)),
      };
      (country.stations as Station[]).push(station);
      return station;
    })
    .sort(byName);
  for (const country of countries) (country.stations as Station[]).sort(byName);

  return {
    languages,
    countries,
    stations,
    stationByCode: new Map(stations.map((station) => [station.data.code, station])),
  };
}
