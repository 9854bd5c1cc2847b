/** Every public URL is built here, so the scheme printed on posters has one owner. */
export const homeUrl = (lang: string) => `/${lang}/`;
export const countryUrl = (lang: string, country: string) => `/${lang}/${country}/`;
export const stationUrl = (lang: string, country: string, station: string) =>
  `/${lang}/${country}/${station}/`;
export const shortLinkUrl = (code: string) => `/s/${code.toUpperCase()}/`;
export const helpUrl = (lang: string, country: string) => `/${lang}/${country}/help/`;
/** The full directory of providers near a station, with filters (`?open=1&women=1`, see src/lib/service-filters.ts) and the map at `#map`. */
export const servicesUrl = (lang: string, country: string, station: string) =>
  `/${lang}/${country}/${station}/services/`;
/** A country's service directory as Open Referral HSDS 3.0 JSON, for other services to reuse. */
export const hsdsUrl = (country: string) => `/data/hsds/${country}.json`;
/** Who helps officially at a station, how to recognise them, what real helpers never do. */
export const helpersUrl = (lang: string, country: string, station: string) =>
  `/${lang}/${country}/${station}/helpers/`;
/** The badge check in one language; the token travels in the fragment (#…), which browsers never send to a server. */
export const verifyUrl = (lang: string) => `/${lang}/verify/`;
/** What a helper badge's QR code holds: the language chooser, token in the fragment. Printed on badges, so permanent. */
export const badgeCheckUrl = (token: string) => `/verify/#${token}`;
/** `country` preselects the helplines at the end of the page (the station the reader came from). */
export const infoUrl = (lang: string, slug: string, country?: string) =>
  `/${lang}/info/${slug}/${country ? `?c=${country}` : ''}`;
export const offlineUrl = (lang: string) => `/${lang}/offline/`;
export const savedUrl = (lang: string) => `/${lang}/saved/`;
export const manifestUrl = (lang: string) => `/${lang}/manifest.webmanifest`;
/** The kiosk in a station hall: its attract screen and language grid, then one page per language with every screen. */
export const kioskUrl = (country: string, station: string) => `/kiosk/${country}/${station}/`;
export const kioskLanguageUrl = (country: string, station: string, lang: string) =>
  `/kiosk/${country}/${station}/${lang}/`;
/** The short link in upper case, as a poster's QR code holds it (alphanumeric mode keeps the code small). */
export const upperShortLinkUrl = (code: string) => shortLinkUrl(code).toUpperCase();
/** Posters for NGOs: the index, one print page per station and format, and its PDF beside it. */
export const postersUrl = () => '/posters/';
export const posterUrl = (country: string, station: string, format: string) =>
  `/posters/${country}/${station}/${format}/`;
export const posterPdfUrl = (country: string, station: string, code: string, format: string) =>
  `/posters/${country}/${station}/safe-station-${code.toUpperCase()}-${format}.pdf`;
