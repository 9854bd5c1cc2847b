/**
 * Sitemap alternates. @astrojs/sitemap's i18n mode reads a URL without a
 * language prefix as the default language, so the language choosers ("/",
 * "/verify/") would be listed as a second English version beside "/en/…".
 * They are the x-default of their group: the page for a visitor whose
 * language is not known yet.
 */
export interface SitemapLink {
  url: string;
  lang: string;
}

export function languageChooserAsDefault<T extends { url: string; links?: SitemapLink[] }>(
  item: T,
  languages: readonly string[],
): T {
  if (!item.links) return item;
  const links = item.links.map((link) => {
    const first = new URL(link.url).pathname.split('/')[1] ?? '';
    return languages.includes(first) ? link : { ...link, lang: 'x-default' };
  });
  return { ...item, links };
}
