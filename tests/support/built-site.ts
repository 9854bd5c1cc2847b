import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { ALL_LANGUAGE_CODES } from '../../src/lib/languages';
import { config } from '../../src/config';
import { filesBelow } from '../../src/node/files';

/**
 * The built site on disk (OUT_DIR, default dist/), read once per test file:
 * every HTML page parsed, plus the helpers the post-build checks share.
 */
export interface BuiltPage {
  /** The URL path the page is served at: "/en/ro/", "/404.html". */
  readonly url: string;
  readonly file: string;
  readonly html: string;
  readonly root: HTMLElement;
  /** The page's <html lang>, or "" when it has none. */
  readonly lang: string;
  readonly noindex: boolean;
}

export const outDir = resolve(config.outDir);

/** "en/ro/index.html" → "/en/ro/"; "404.html" → "/404.html". */
export function urlOfFile(file: string): string {
  const path = `/${relative(outDir, file).split(sep).join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

let cached: BuiltPage[] | undefined;

/** Every HTML page of the build, parsed once and shared by the test files (vitest.dist.config.ts runs them in one process). */
export function readBuiltPages(): BuiltPage[] {
  cached ??= parseBuiltPages();
  return cached;
}

function parseBuiltPages(): BuiltPage[] {
  if (!existsSync(join(outDir, 'index.html'))) {
    throw new Error(
      `No build in ${outDir}. Run "npm run build" first (or set OUT_DIR to the folder you built into).`,
    );
  }
  return filesBelow(outDir)
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => {
      const html = readFileSync(file, 'utf8');
      const root = parse(html, { comment: false, blockTextElements: { script: true, style: true } });
      const lang = root.querySelector('html')?.getAttribute('lang') ?? '';
      const noindex = root
        .querySelectorAll('meta[name="robots"]')
        .some((meta) => /noindex/i.test(meta.getAttribute('content') ?? ''));
      return { url: urlOfFile(file), file, html, root, lang, noindex };
    });
}

/** Languages this build has: those with a home page in the output (a build may be limited with PUBLIC_LOCALES). */
export function builtLanguages(): string[] {
  return ALL_LANGUAGE_CODES.filter((code) => existsSync(join(outDir, code, 'index.html')));
}

/** The language a URL path belongs to: its first segment when that is a built language ("/uk/ro/" → "uk"), else undefined. */
export function languageOfPath(path: string, languages: readonly string[]): string | undefined {
  const first = path.split('/')[1] ?? '';
  return languages.includes(first) ? first : undefined;
}

/** One page the sitemap lists: its path and its versions in other languages (hreflang → path). */
export interface SitemapEntry {
  readonly path: string;
  readonly alternates: ReadonlyMap<string, string>;
}

/** Every page the build's sitemaps list, in their order (read from sitemap-index.xml and the files it names). */
export function readSitemap(): SitemapEntry[] {
  const index = readFileSync(join(outDir, 'sitemap-index.xml'), 'utf8');
  const files = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? '').pathname);
  return files.flatMap((file) =>
    [...readFileSync(join(outDir, file), 'utf8').matchAll(/<url>([\s\S]*?)<\/url>/g)].map(
      ([, body = '']) => ({
        path: new URL(/<loc>([^<]+)<\/loc>/.exec(body)?.[1] ?? '').pathname,
        alternates: new Map(
          [...body.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map((match) => [
            match[1] ?? '',
            new URL(match[2] ?? '').pathname,
          ]),
        ),
      }),
    ),
  );
}

/** The site's public origin as the build wrote it into the sitemap index (absolute links to it are internal). */
export function siteOrigin(): string {
  const index = readFileSync(join(outDir, 'sitemap-index.xml'), 'utf8');
  const first = /<loc>([^<]+)<\/loc>/.exec(index)?.[1];
  if (!first) throw new Error('sitemap-index.xml lists no sitemap');
  return new URL(first).origin;
}

/**
 * The file a same-origin path is served from, the way static hosts and
 * `astro preview` serve a directory build: "/en/" → en/index.html. Paths
 * without a trailing slash that name a folder do not count: the site's URLs
 * always end in "/", and a missing slash costs a redirect (or a 404 on some hosts).
 */
export function fileForPath(path: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  const file = join(outDir, decoded.endsWith('/') ? `${decoded}index.html` : decoded);
  if (!file.startsWith(outDir)) return undefined;
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/** One URL a page refers to, and the element that holds it. */
export interface Reference {
  readonly element: HTMLElement;
  /** Where it came from, for messages: "a[href]", "img[srcset]", "style url()". */
  readonly source: string;
  readonly value: string;
}

/** Attributes that hold a URL the browser follows or fetches, by element. */
const URL_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
  script: ['src'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  iframe: ['src'],
  embed: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  track: ['src'],
  input: ['src'],
  form: ['action'],
  object: ['data'],
};

const CSS_URL = /url\(\s*(['"]?)([^'")]+)\1\s*\)/g;

function cssUrls(css: string): string[] {
  return [...css.matchAll(CSS_URL)].map((match) => match[2] ?? '').filter(Boolean);
}

/** Every URL in a page: link and resource attributes, srcset candidates, meta refresh, and url() in inline CSS. */
export function referencesOf(page: BuiltPage): Reference[] {
  const references: Reference[] = [];
  const selector = Object.keys(URL_ATTRIBUTES).join(',');
  for (const element of page.root.querySelectorAll(selector)) {
    const tag = element.tagName.toLowerCase();
    for (const attribute of URL_ATTRIBUTES[tag] ?? []) {
      const value = element.getAttribute(attribute);
      if (value === undefined) continue;
      const values =
        attribute === 'srcset'
          ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
          : [value];
      for (const url of values.filter(Boolean))
        references.push({ element, source: `${tag}[${attribute}]`, value: url });
    }
  }
  for (const element of page.root.querySelectorAll('meta[http-equiv]')) {
    if (element.getAttribute('http-equiv')?.toLowerCase() !== 'refresh') continue;
    const url = /url\s*=\s*['"]?([^'"]+)/i.exec(element.getAttribute('content') ?? '')?.[1];
    if (url) references.push({ element, source: 'meta[refresh]', value: url.trim() });
  }
  for (const element of page.root.querySelectorAll('style')) {
    for (const url of cssUrls(element.textContent))
      references.push({ element, source: 'style url()', value: url });
  }
  for (const element of page.root.querySelectorAll('[style]')) {
    for (const url of cssUrls(element.getAttribute('style') ?? ''))
      references.push({ element, source: '[style] url()', value: url });
  }
  return references;
}

/** Short description of an element for failure messages. */
export function describeElement(element: HTMLElement): string {
  return element.outerHTML.replace(/\s+/g, ' ').slice(0, 160);
}
