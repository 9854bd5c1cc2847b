/**
 * Measures the built site against budgets.json. Pure: the caller supplies a
 * file reader for paths inside the build.
 */
import { gzipSync } from 'node:zlib';
import { entryScriptsOf, scriptClosure, stylesheetsOf } from '../offline/assets';
import { charactersInRange, markCodePoints, SYSTEM_COVERED_FAMILIES } from './fonts';

export type ReadBuilt = (path: string) => Buffer | undefined;

export const gzipSize = (data: Buffer | string): number => gzipSync(data, { level: 9 }).length;

export interface PageWeight {
  /** The whole HTML document, inline CSS included. */
  readonly htmlGzip: number;
  readonly inlineCssGzip: number;
  /** Same-origin stylesheets the page links. */
  readonly stylesheets: readonly string[];
  readonly linkedCssGzip: number;
  /** Scripts the page loads by itself (module scripts and their static imports, eager islands), deduplicated. */
  readonly scripts: readonly string[];
  readonly jsGzip: number;
  /** Requests that block the first render: stylesheets and classic scripts in <head>. */
  readonly renderBlocking: readonly string[];
  /** Stylesheets put inline by the build (<style data-inlined>): counted as those files in the site's CSS. */
  readonly inlinedStylesheets: readonly string[];
  /** Font files whose unicode-range holds characters of the page, on a device with no font of its own. */
  readonly fontsNoSystemFonts: readonly string[];
  /** The same, leaving out the families the system fonts first in the stack draw (SYSTEM_COVERED_FAMILIES). */
  readonly fonts: readonly string[];
  /** A first visit with a cold cache: the HTML, its stylesheets, its scripts before interaction and `fonts`. */
  readonly firstVisitGzip: number;
  /** The same with `fontsNoSystemFonts`: a device without any font for the page's scripts. */
  readonly firstVisitNoSystemFontsGzip: number;
}

interface DeclaredFont {
  readonly family: string;
  readonly url: string;
  readonly unicodeRange: string;
}

/** @font-face rules in the page's inline CSS that point at a file of the site. */
function declaredFonts(css: string): DeclaredFont[] {
  return [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].flatMap(([, body = '']) => {
    const family = /font-family:\s*['"]?([^;'"]+)/.exec(body)?.[1] ?? '';
    const url = /url\((\/[^)]+)\)/.exec(body)?.[1];
    const unicodeRange = /unicode-range:\s*([^;}]+)/.exec(body)?.[1] ?? 'U+0-10FFFF';
    return url ? [{ family, url: url.replace(/['"]/g, ''), unicodeRange }] : [];
  });
}

/** The text a font may have to draw: the document without its markup, styles and scripts (entities decoded enough for ranges: they are ASCII). */
function pageText(html: string): string {
  return html.replace(/<(style|script)\b[^>]*>[\s\S]*?<\/\1>/g, '').replace(/<[^>]*>/g, ' ');
}

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

export function measurePage(html: string, read: ReadBuilt): PageWeight {
  const inlineCss = [...html.matchAll(/<style(?![^>]*data-inlined)[^>]*>([\s\S]*?)<\/style>/g)]
    .map((m) => m[1] ?? '')
    .join('');
  const inlinedStylesheets = [...html.matchAll(/<style[^>]*\sdata-inlined="([^"]+)"/g)].map(
    (m) => m[1] ?? '',
  );
  const scripts = scriptClosure(entryScriptsOf(html), (path) => read(path)?.toString('utf8'));
  const head = /<head>([\s\S]*?)<\/head>/.exec(html)?.[1] ?? '';
  const renderBlocking = [
    ...[...head.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)].map(
      ([tag]) => attribute(tag, 'href') ?? '?',
    ),
    ...[...head.matchAll(/<script\b[^>]*>/g)]
      .filter(([tag]) => !/type="module"|\sasync|\sdefer/.test(tag) && attribute(tag, 'src'))
      .map(([tag]) => attribute(tag, 'src') ?? '?'),
  ];
  const stylesheets = stylesheetsOf(html);
  const text = markCodePoints(pageText(html));
  const needed = declaredFonts(inlineCss).filter((font) => charactersInRange(text, font.unicodeRange) !== '');
  const fontsNoSystemFonts = [...new Set(needed.map((font) => font.url))];
  const fonts = [
    ...new Set(
      needed.filter((font) => !SYSTEM_COVERED_FAMILIES.has(font.family as never)).map((font) => font.url),
    ),
  ];
  const bytesOf = (paths: readonly string[], gzip: boolean) =>
    paths.reduce((sum, path) => sum + (gzip ? gzipSize(read(path) ?? '') : (read(path)?.length ?? 0)), 0);
  const htmlGzip = gzipSize(html);
  const withoutFonts = htmlGzip + bytesOf(stylesheets, true) + bytesOf(scripts, true);
  return {
    htmlGzip,
    inlineCssGzip: inlineCss ? gzipSize(inlineCss) : 0,
    stylesheets,
    linkedCssGzip: stylesheets.reduce((sum, path) => sum + gzipSize(read(path) ?? ''), 0),
    scripts,
    jsGzip: scripts.reduce((sum, path) => sum + gzipSize(read(path) ?? ''), 0),
    renderBlocking,
    inlinedStylesheets,
    fontsNoSystemFonts,
    fonts,
    // woff2 is compressed already: a host sends it as it is.
    firstVisitGzip: withoutFonts + bytesOf(fonts, false),
    firstVisitNoSystemFontsGzip: withoutFonts + bytesOf(fontsNoSystemFonts, false),
  };
}

/** Precache entries of the built service worker, as paths in the build. */
export function precachedPaths(serviceWorker: string): string[] {
  return [...serviceWorker.matchAll(/"?url"?:"([^"]+)"/g)].map((m) => {
    const url = (m[1] ?? '').replace(/^\/?/, '/');
    return url.endsWith('/') ? `${url}index.html` : url;
  });
}
