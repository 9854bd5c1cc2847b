/**
 * Sitemap alternates: each listed page with its versions in the other
 * languages, grouped in one pass over the listed URLs.
 *
 * Why not @astrojs/sitemap's own `i18n` option: it finds a page's group by
 * scanning every URL of the site, once per group (and again for every page
 * without alternates): work that grows with the square of the stations (at
 * 1,000 stations the sitemap took 10 s with it, 6 s without). Its output is
 * kept: the same links in the same order, no links for a page alone in its
 * group, and the language choosers ("/", "/verify/"), which it would read as
 * a second English version, as the x-default of their group: the page for a
 * visitor whose language is not known yet.
 */
export interface SitemapLink {
  url: string;
  lang: string;
}

/** The order @astrojs/sitemap lists URLs in (`localeCompare(b, 'en', { numeric: true })`), and so the order of each page's links. */
const sitemapOrder = new Intl.Collator('en', { numeric: true }).compare;

export function sitemapAlternates(languages: readonly string[]) {
  const groups = new Map<string, SitemapLink[]>();
  let sorted = false;
  const groupOf = (url: string): { key: string; lang: string } => {
    const path = new URL(url).pathname;
    const first = path.split('/')[1] ?? '';
    return languages.includes(first)
      ? { key: path.slice(first.length + 1), lang: first }
      : { key: path, lang: 'x-default' };
  };
  return {
    /** A URL the sitemap lists. @astrojs/sitemap runs its filter over every URL before it serializes the first. */
    add(url: string): void {
      const { key, lang } = groupOf(url);
      const links = groups.get(key);
      if (links) links.push({ url, lang });
      else groups.set(key, [{ url, lang }]);
    },
    /** The sitemap item with its alternates (none for a page alone in its group). */
    withAlternates<T extends { url: string; links?: SitemapLink[] }>(item: T): T & { links?: SitemapLink[] } {
      if (!sorted) {
        for (const links of groups.values()) links.sort((a, b) => sitemapOrder(a.url, b.url));
        sorted = true;
      }
      const links = groups.get(groupOf(item.url).key);
      if (!links || links.length <= 1) return item;
      return { ...item, links };
    },
  };
}
