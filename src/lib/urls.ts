/** Every public URL is built here, so the scheme printed on posters has one owner. */
export const homeUrl = (lang: string) => `/${lang}/`;
export const countryUrl = (lang: string, country: string) => `/${lang}/${country}/`;
export const stationUrl = (lang: string, country: string, station: string) => `/${lang}/${country}/${station}/`;
export const shortLinkUrl = (code: string) => `/s/${code.toUpperCase()}/`;
export const helpUrl = (lang: string, country: string) => `/${lang}/${country}/help/`;
/** `country` preselects the helplines at the end of the page (the station the reader came from). */
export const infoUrl = (lang: string, slug: string, country?: string) => `/${lang}/info/${slug}/${country ? `?c=${country}` : ''}`;
