/**
 * Measures the built site against budgets.json. Pure: the caller supplies a
 * file reader for paths inside the build.
 */
import { gzipSync } from 'node:zlib';
import { entryScriptsOf, scriptClosure, stylesheetsOf } from '../offline/assets';

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
}

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

export function measurePage(html: string, read: ReadBuilt): PageWeight {
  const inlineCss = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '').join('');
  const scripts = scriptClosure(entryScriptsOf(html), (path) => read(path)?.toString('utf8'));
  const head = /<head>([\s\S]*?)<\/head>/.exec(html)?.[1] ?? '';
  const renderBlocking = [
    ...[...head.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)].map(([tag]) => attribute(tag, 'href') ?? '?'),
    ...[...head.matchAll(/<script\b[^>]*>/g)].filter(([tag]) => !/type="module"|\sasync|\sdefer/.test(tag) && attribute(tag, 'src')).map(([tag]) => attribute(tag, 'src') ?? '?'),
  ];
  const stylesheets = stylesheetsOf(html);
  return {
    htmlGzip: gzipSize(html),
    inlineCssGzip: inlineCss ? gzipSize(inlineCss) : 0,
    stylesheets,
    linkedCssGzip: stylesheets.reduce((sum, path) => sum + gzipSize(read(path) ?? ''), 0),
    scripts,
    jsGzip: scripts.reduce((sum, path) => sum + gzipSize(read(path) ?? ''), 0),
    renderBlocking,
  };
}

/** Precache entries of the built service worker, as paths in the build. */
export function precachedPaths(serviceWorker: string): string[] {
  return [...serviceWorker.matchAll(/"?url"?:"([^"]+)"/g)].map((m) => {
    const url = (m[1] ?? '').replace(/^\/?/, '/');
    return url.endsWith('/') ? `${url}index.html` : url;
  });
}
