/** The pages each "Save for offline" pack holds, as templates with "{lang}". */
import type { PackTemplate } from '../lib/offline-pack';
import { countryUrl, helpersUrl, helpUrl, infoUrl, offlineUrl, stationUrl, verifyUrl } from '../lib/urls';
import type { Country, Site, Station } from './site';

const LANG = '{lang}';

function countryPaths(site: Site, country: Country): string[] {
  return [countryUrl(LANG, country.code), helpUrl(LANG, country.code), offlineUrl(LANG), ...site.infoPages.map((page) => infoUrl(LANG, page.slug))];
}

export function stationPack(site: Site, station: Station): PackTemplate {
  return {
    id: `station:${station.country.code}/${station.slug}`,
    label: station.data.name,
    // The helpers page and the badge check come along, so a badge can be checked in the station without data.
    paths: [stationUrl(LANG, station.country.code, station.slug), helpersUrl(LANG, station.country.code, station.slug), verifyUrl(LANG), ...countryPaths(site, station.country)],
  };
}

/** A travel pack: every station of a country, for people who are moving on. */
export function countryPack(site: Site, country: Country, label: string): PackTemplate {
  return {
    id: `country:${country.code}`,
    label,
    paths: [...country.stations.map((station) => stationUrl(LANG, country.code, station.slug)), ...countryPaths(site, country)],
  };
}
