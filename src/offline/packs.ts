/** The "Save for offline" packs of the site model: the page lists come from ./pack.ts, the labels and ids from the site. */
import type { Country, Site, Station } from '../data/site';
import { stationPackPaths, wholeCountryPackPaths, type PackTemplate } from './pack';

const infoSlugs = (site: Site) => site.infoPages.map((page) => page.slug);

export function stationPack(site: Site, station: Station): PackTemplate {
  return {
    id: `station:${station.country.code}/${station.slug}`,
    label: station.data.name,
    paths: stationPackPaths(station.country.code, station.slug, infoSlugs(site)),
  };
}

export function countryPack(site: Site, country: Country, label: string): PackTemplate {
  return {
    id: `country:${country.code}`,
    label,
    paths: wholeCountryPackPaths(
      country.code,
      country.stations.map((station) => station.slug),
      infoSlugs(site),
    ),
  };
}
