/** Every public URL is built here, so the scheme printed on posters has one owner. */
export const homeUrl = (lang: string) => `/${lang}/`;
export const countryUrl = (lang: string, country: string) => `/${lang}/${country}/`;
export const stationUrl = (lang: string, country: string, station: string) => `/${lang}/${country}/${station}/`;
export const shortLinkUrl = (code: string) => `/s/${code.toUpperCase()}/`;
