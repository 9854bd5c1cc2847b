/**
 * The same page in every built language, with the languages offered first
 * (a station's own) at the top, then the rest in the site's order.
 */
export function alternates(
  languages: readonly string[],
  pathFor: (lang: string) => string,
  first: readonly string[] = [],
): { lang: string; href: string }[] {
  const ordered = [
    ...first.filter((lang) => languages.includes(lang)),
    ...languages.filter((lang) => !first.includes(lang)),
  ];
  return ordered.map((lang) => ({ lang, href: pathFor(lang) }));
}
