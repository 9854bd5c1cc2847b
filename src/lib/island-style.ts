/**
 * Astro writes the style its islands need (`astro-island{display:contents}`)
 * in front of the first island, inside the page body, where <style> is not
 * valid HTML. Moving it to the end of <head> keeps the page valid and applies
 * the rule before any island renders.
 */
const ISLAND_STYLE = /<style>astro-island,astro-slot,astro-static-slot\{display:contents\}<\/style>/g;

export function hoistIslandStyle(html: string): string {
  const styles = html.match(ISLAND_STYLE);
  const headEnd = html.indexOf('</head>');
  if (!styles || headEnd < 0 || html.indexOf(styles[0]) < headEnd) return html;
  const body = html.replace(ISLAND_STYLE, '');
  const at = body.indexOf('</head>');
  return `${body.slice(0, at)}${styles[0]}${body.slice(at)}`;
}
