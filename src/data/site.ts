/**
 * The site's data, resolved once: every country with its contacts and
 * stations, every station with its country, contacts and services. Pages and
 * routes read from here and never from the collections directly.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { ContactData } from '../schemas/contact';
import type { CountryData } from '../schemas/country';
import type { ServiceData } from '../schemas/service';
import type { StationData } from '../schemas/station';
import type { LanguageCode } from '../lib/languages';
import { config } from '../config';

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

export type InfoEntry = CollectionEntry<'info'>;

/** One information page: its English original and the translations that exist. */
export interface InfoPage {
  readonly slug: string;
  readonly order: number;
  readonly byLanguage: ReadonlyMap<string, InfoEntry>;
}

export interface Site {
  readonly languages: readonly LanguageCode[];
  readonly countries: readonly Country[];
  readonly stations: readonly Station[];
  /** English pages define what exists; other languages translate them. */
  readonly infoPages: readonly InfoPage[];
}

/** The page in the reader's language, or the English original (the page then marks itself lang="en"). */
export function infoIn(page: InfoPage, lang: string): InfoEntry {
  const entry = page.byLanguage.get(lang) ?? page.byLanguage.get('en');
  if (!entry) throw new Error(`Information page "${page.slug}" has no English original in content/info/en/.`);
  return entry;
}

/** The "what to say" lines of the How to report page, in the reader's language where translated. */
export function whatToSay(site: Site, lang: string): readonly string[] {
  const page = site.infoPages.find((p) => p.byLanguage.get('en')?.data.script);
  return page ? (infoIn(page, lang).data.script ?? []) : [];
}

function groupInfoPages(entries: readonly InfoEntry[]): InfoPage[] {
  const pages = new Map<string, Map<string, InfoEntry>>();
  for (const entry of entries) {
    const [lang = '', slug = ''] = entry.id.split('/');
    if (!pages.has(slug)) pages.set(slug, new Map());
    pages.get(slug)?.set(lang, entry);
  }
  return [...pages]
    .filter(([, byLanguage]) => byLanguage.has('en'))
    .map(([slug, byLanguage]) => ({ slug, order: byLanguage.get('en')?.data.order ?? 0, byLanguage }))
    .sort((a, b) => a.order - b.order);
}

function lookup<T>(map: Map<string, T>, id: string, from: string): T {
  const found = map.get(id);
  // The content gate (src/integrations/content-gate.ts) reports these first with a fix; this guards direct use.
  if (!found) throw new Error(`${from} refers to "${id}", which does not exist.`);
  return found;
}

async function loadSite(): Promise<Site> {
  const [countryEntries, stationEntries, contactEntries, serviceEntries, infoEntries] = await Promise.all([
    getCollection('countries'),
    getCollection('stations'),
    getCollection('contacts'),
    getCollection('services'),
    getCollection('info'),
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

  return { languages: config.languages, countries, stations, infoPages: groupInfoPages(infoEntries) };
}

let site: Promise<Site> | undefined;

/** The resolved site; computed on first use and shared by every page. */
export function getSite(): Promise<Site> {
  site ??= loadSite();
  return site;
}
