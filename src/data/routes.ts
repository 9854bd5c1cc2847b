/**
 * Every route of the public site, computed once from the site data. Pages
 * call these in getStaticPaths and stay thin.
 */
import type { LanguageCode } from '../lib/languages';
import { getSite, type Country, type InfoPage, type Station } from './site';

export async function languageRoutes() {
  const { languages } = await getSite();
  return languages.map((lang) => ({ params: { lang }, props: { lang } }));
}

export async function countryRoutes() {
  const { languages, countries } = await getSite();
  return languages.flatMap((lang) => countries.map((country) => ({ params: { lang, country: country.code }, props: { lang, country } })));
}

export async function stationRoutes() {
  const { languages, stations } = await getSite();
  return languages.flatMap((lang) =>
    stations.map((station) => ({ params: { lang, country: station.country.code, station: station.slug }, props: { lang, station } })),
  );
}

export async function helpRoutes() {
  return countryRoutes();
}

export async function infoRoutes() {
  const { languages, infoPages } = await getSite();
  return languages.flatMap((lang) => infoPages.map((page) => ({ params: { lang, slug: page.slug }, props: { lang, page } })));
}

export async function shortLinkRoutes() {
  const { stations } = await getSite();
  return stations.map((station) => ({ params: { code: station.data.code }, props: { station } }));
}

export type LanguageProps = { lang: LanguageCode };
export type CountryProps = { lang: LanguageCode; country: Country };
export type StationProps = { lang: LanguageCode; station: Station };
export type InfoProps = { lang: LanguageCode; page: InfoPage };
export type ShortLinkProps = { station: Station };
