/**
 * Every route of the public site, computed once from the site data. Pages
 * call these in getStaticPaths and stay thin.
 */
import type { LanguageCode } from '../lib/languages';
import { upperShortLinkUrl } from '../lib/urls';
import { posterPages, type PosterPage } from '../posters/pages';
import { getSite, type Country, type InfoPage, type Station } from './site';

export async function languageRoutes() {
  const { languages } = await getSite();
  return languages.map((lang) => ({ params: { lang }, props: { lang } }));
}

export async function countryRoutes() {
  const { languages, countries } = await getSite();
  return languages.flatMap((lang) =>
    countries.map((country) => ({ params: { lang, country: country.code }, props: { lang, country } })),
  );
}

export async function stationRoutes() {
  const { languages, stations } = await getSite();
  return languages.flatMap((lang) =>
    stations.map((station) => ({
      params: { lang, country: station.country.code, station: station.slug },
      props: { lang, station },
    })),
  );
}

/** The official helpers page of every station, in every language. */
export async function helpersRoutes() {
  return stationRoutes();
}

/** The badge check, in every language. */
export async function verifyRoutes() {
  return languageRoutes();
}

export async function helpRoutes() {
  return countryRoutes();
}

export async function infoRoutes() {
  const { languages, infoPages } = await getSite();
  return languages.flatMap((lang) =>
    infoPages.map((page) => ({ params: { lang, slug: page.slug }, props: { lang, page } })),
  );
}

export async function shortLinkRoutes() {
  const { stations } = await getSite();
  return stations.map((station) => ({ params: { code: station.data.code }, props: { station } }));
}

/** The same short links in upper case (/S/RO-BN/), the form poster QR codes hold. */
export async function upperShortLinkRoutes() {
  const { stations } = await getSite();
  return stations.map((station) => {
    const [prefix = 'S', code = ''] = upperShortLinkUrl(station.data.code).split('/').filter(Boolean);
    return { params: { shortLinkPrefix: prefix, code }, props: { station } };
  });
}

/** One print page per station and poster format; none when the site is built for a local address. */
export async function posterRoutes() {
  const pages = await posterPages();
  return pages.map((poster) => ({
    params: { country: poster.station.country.code, station: poster.station.slug, format: poster.format.id },
    props: { poster },
  }));
}

/** One kiosk per station: the attract page, then one page per site language. */
export async function kioskRoutes() {
  const { stations } = await getSite();
  return stations.map((station) => ({
    params: { country: station.country.code, station: station.slug },
    props: { station },
  }));
}

export async function kioskLanguageRoutes() {
  const { languages, stations } = await getSite();
  return stations.flatMap((station) =>
    languages.map((lang) => ({
      params: { country: station.country.code, station: station.slug, lang },
      props: { lang, station },
    })),
  );
}

/** The service directory of each station, in every language. */
export async function servicesRoutes() {
  return stationRoutes();
}

/** One HSDS open-data file per country. */
export async function hsdsRoutes() {
  const { countries } = await getSite();
  return countries.map((country) => ({ params: { country: country.code }, props: { country } }));
}

export type LanguageProps = { lang: LanguageCode };
export type CountryProps = { lang: LanguageCode; country: Country };
export type StationProps = { lang: LanguageCode; station: Station };
export type InfoProps = { lang: LanguageCode; page: InfoPage };
export type ShortLinkProps = { station: Station };
export type PosterProps = { poster: PosterPage };
export type KioskProps = { station: Station };
export type HsdsProps = { country: Country };
