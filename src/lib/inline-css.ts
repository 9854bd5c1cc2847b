/**
 * Replaces a page's same-origin <link rel="stylesheet"> with <style> holding
 * the file, in place (so the cascade order stays). Pure: the caller reads
 * the built files. A stylesheet it cannot read stays a link.
 */
export function inlineStylesheets(html: string, read: (href: string) => string | undefined): string {
  return html.replace(/<link\b[^>]*\brel="stylesheet"[^>]*>\n?/g, (tag) => {
    const href = /\shref="(\/[^"]*)"/.exec(tag)?.[1];
    const media = /\smedia="([^"]*)"/.exec(tag)?.[1];
    const css = href ? read(href) : undefined;
    if (css === undefined) return tag;
    // "</style" inside the CSS would end the element early; CSS has no need of it.
    if (/<\/style/i.test(css)) throw new Error(`${href}: a stylesheet holding "</style" cannot go inline`);
    // data-inlined names the file, so the size report counts it as that stylesheet (src/lib/budgets.ts).
    return `<style data-inlined="${href}"${media ? ` media="${media}"` : ''}>${css.trim()}</style>`;
  });
}
