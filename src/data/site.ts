/**
 * The site's data, resolved once: every country with its contacts and
 * stations, every station with its country, contacts and services. Pages and
 * routes read from here and never from the collections directly.
 */
import { getCollection } from 'astro:content';
import type { ContactData } from '../schemas/contact';
import type { CountryData } from '../schemas/country';
import type { ServiceData } from '../schemas/service';
import type { StationData } from '../schemas/station';
import { selectLanguages, type LanguageCode } from '../lib/languages';

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

export interface Site {
  readonly languages: readonly LanguageCode[];
  readonly countries: readonly Country[];
  readonly stations: readonly Station[];
}

function lookup<T>(map: Map<string, T>, id: string, from: string): T {
  const found = map.get(id);
  // The content gate (src/integrations/content-gate.ts) reports these first with a fix; this guards direct use.
  if (!found) throw new Error(`${from} refers to "${id}", which does not exist.`);
  return found;
}

async function loadSite(): Promise<Site> {
  const [countryEntries, stationEntries, contactEntries, serviceEntries] = await Promise.all([
    getCollection('countries'),
    getCollection('stations'),
    getCollection('contacts'),
    getCollection('services'),
  ]);
  const contacts = new Map(contactEntries.map((entry) => [entry.id, { id: entry.id, data: entry.data }]));
  const services = new Map(serviceEntries.map((entry) => [entry.id, { id: entry.id, data: entry.data }]));

  const countries: Country[] = countryEntries
    .map((entry) => {
      const resolve = (ids: readonly string[]) => ids.map((id) => lookup(contacts, id, `country ${entry.id}`));
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

  const stations: Station[] = stationEntries
    .map((entry) => {
      const country = lookup(countryByCode, entry.data.country, `station ${entry.id}`);
      const station: Station = {
        slug: entry.id.split('/').pop() ?? entry.id,
        data: entry.data,
        country,
        contacts: entry.data.contacts.map((id: string) => lookup(contacts, id, `station ${entry.id}`)),
        services: entry.data.services.map((id: string) => lookup(services, id, `station ${entry.id}`)),
      };
      (country.stations as Station[]).push(station);
      return station;
    })
    .sort((a, b) => a.data.name.localeCompare(b.data.name));
  for (const country of countries) (country.stations as Station[]).sort((a, b) => a.data.name.localeCompare(b.data.name));

  return { languages: selectLanguages(import.meta.env.PUBLIC_LOCALES), countries, stations };
}

let site: Promise<Site> | undefined;

/** The resolved site; computed on first use and shared by every page. */
export function getSite(): Promise<Site> {
  site ??= loadSite();
  return site;
}
