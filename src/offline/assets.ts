/**
 * The same-origin files a built page loads by itself: what a saved page needs
 * to open styled and working without a network, and what the size budgets
 * count as the page's weight. Pure, string in, paths out; shared by the
 * build (install set, budgets), the page saving a pack and the service worker.
 */

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

const sameOrigin = (url: string | undefined): url is string =>
  url !== undefined && url.startsWith('/') && !url.startsWith('//');

/** Stylesheets the page links, in order. */
export function stylesheetsOf(html: string): string[] {
  return [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)]
    .map(([tag]) => attribute(tag, 'href'))
    .filter(sameOrigin);
}

/** Scripts the page starts by itself: script elements and islands hydrated without a user action (not the map, loaded on request). */
export function entryScriptsOf(html: string): string[] {
  const entry = new Set<string>();
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
    const src = attribute(tag, 'src');
    if (sameOrigin(src)) entry.add(src);
  }
  for (const [tag] of html.matchAll(/<astro-island\b[^>]*>/g)) {
    if (!/client="(load|idle|visible|media)"/.test(tag)) continue;
    for (const name of ['component-url', 'renderer-url']) {
      const url = attribute(tag, name);
      if (sameOrigin(url)) entry.add(url);
    }
  }
  return [...entry];
}

/** The page's icon: shown in the tab, also offline. */
export function iconOf(html: string): string[] {
  const tag = /<link\b[^>]*rel="icon"[^>]*>/.exec(html)?.[0];
  const href = tag ? attribute(tag, 'href') : undefined;
  return sameOrigin(href) ? [href] : [];
}

/** Static imports of a built module ("./chunk.js", "/_astro/x.js"), resolved against its path. Dynamic import() is left out: it loads on request. */
export function staticImportsOf(path: string, code: string): string[] {
  const found = [...code.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["']([^"']+\.js)["']/g)].map(
    (m) => m[1] ?? '',
  );
  return found.map((spec) => new URL(spec, `https://x${path}`).pathname);
}

/** The scripts the entries load, with every static import followed; `read` gives a module's code, or undefined when it is missing. */
export function scriptClosure(
  entries: readonly string[],
  read: (path: string) => string | undefined,
): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const path = queue.pop() as string;
    if (seen.has(path)) continue;
    const code = read(path);
    if (code === undefined) continue;
    seen.add(path);
    queue.push(...staticImportsOf(path, code));
  }
  return [...seen];
}

/** Async twin of scriptClosure for the browser and the service worker, where reading a module is a fetch. */
export async function scriptClosureAsync(
  entries: readonly string[],
  read: (path: string) => Promise<string | undefined>,
): Promise<string[]> {
  const seen = new Set<string>();
  let queue = [...new Set(entries)];
  while (queue.length > 0) {
    const batch = [...new Set(queue)].filter((path) => !seen.has(path));
    batch.forEach((path) => seen.add(path));
    const codes = await Promise.all(batch.map(async (path) => [path, await read(path)] as const));
    queue = codes.flatMap(([path, code]) => (code === undefined ? [] : staticImportsOf(path, code)));
    for (const [path, code] of codes) if (code === undefined) seen.delete(path);
  }
  return [...seen];
}
