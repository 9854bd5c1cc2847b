/**
 * Reads a built site and measures it per page type against budgets.json:
 * shared by the build summary (scripts/report-budgets.ts) and the gate
 * (tests/dist/budgets.test.ts), so both speak of the same numbers.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSize, measurePage, precachedPaths, type PageWeight } from '../lib/budgets';
import { stationUrl } from '../lib/urls';
import { filesBelow } from '../node/files';
import { builtFileReader } from '../offline/build';
import { filesOfPage } from '../offline/install';
import { expandPack, stationPackPaths, type PackTemplate } from '../offline/pack';

export interface Budgets {
  pageHtmlWithCssGzip: Record<string, number>;
  /** Per page type: the largest first visit (HTML, CSS, scripts before interaction, fonts its text needs), gzip. */
  firstVisitGzip: Record<string, number>;
  jsBeforeInteractionGzip: number;
  totalCssGzip: number;
  serviceWorkerInstallGzip: number;
  stationOneLanguageGzip: number;
  /** Every kiosk page (the attract page and each language's screens), HTML with inline CSS. */
  kioskScreenGzip: number;
}

export interface PageTypeFigures {
  readonly type: string;
  readonly pages: number;
  readonly largest: { readonly path: string } & PageWeight;
  /** The middle page of the type by HTML gzip: what most pages weigh, beside the largest. */
  readonly medianHtmlGzip: number;
  readonly maxJsGzip: number;
  /** The page of this type with the largest first visit. */
  readonly firstVisit: { readonly path: string } & PageWeight;
}

export interface BudgetReport {
  readonly pageTypes: readonly PageTypeFigures[];
  readonly totalCssGzip: number;
  readonly serviceWorker:
    | { readonly entries: number; readonly gzip: number; readonly raw: number }
    | undefined;
  readonly stationOneLanguage: PackFigures;
  readonly renderBlocking: readonly string[];
}

export interface PackFigures {
  /** The station page the pack is saved from. */
  readonly path: string;
  readonly pages: number;
  /** Pages and the files they load beyond the install set, gzip: what saving costs. */
  readonly gzip: number;
  readonly files: number;
}

/** A station's pack in one language, measured on the build from the pack definition the site uses. `installed`: paths the service worker's install already stored. */
export function measurePack(
  root: string,
  country: string,
  station: string,
  installed: readonly string[],
  lang = 'en',
): PackFigures {
  const read = builtFileReader(root);
  const infoSlugs = existsSync(join(root, lang, 'info')) ? readdirSync(join(root, lang, 'info')) : [];
  const template: PackTemplate = {
    id: 'budget',
    label: station,
    paths: stationPackPaths(country, station, infoSlugs),
  };
  const pages = expandPack(template, [lang]).map((url) => `${url.split('?')[0]}index.html`);
  const files = [...new Set(pages.flatMap((page) => filesOfPage(read(page) ?? '', read)))].filter(
    (path) => !installed.includes(path),
  );
  const gzip = [...pages, ...files].reduce((sum, path) => sum + gzipSize(read(path) ?? ''), 0);
  return { path: stationUrl(lang, country, station), pages: pages.length, gzip, files: files.length };
}

/** Page type from the URL shape (see src/lib/urls.ts). */
export function pageType(path: string): string {
  const parts = path
    .replace(/index\.html$/, '')
    .split('/')
    .filter(Boolean);
  if (parts.length === 0) return 'language-choice';
  if (parts[0] === 's' || parts[0] === 'S') return 'short-link';
  if (!/^[a-z]{2}$/.test(parts[0] ?? '')) return parts[0] ?? 'other';
  if (parts.length === 1) return 'home';
  if (parts[1] === 'info') return 'info';
  if (['offline', 'saved', 'verify'].includes(parts[1] ?? '')) return parts[1] ?? 'other';
  if (parts.length === 2) return 'country';
  if (parts.length === 3) return parts[2] === 'help' ? 'help' : 'station';
  return parts[3] ?? 'other';
}

export function measureBuild(root: string): BudgetReport {
  const read = (path: string) => {
    const file = join(root, path.split('?')[0] ?? path);
    return existsSync(file) && statSync(file).isFile() ? readFileSync(file) : undefined;
  };
  const byType = new Map<
    string,
    {
      pages: number;
      largest: { path: string } & PageWeight;
      htmlGzips: number[];
      maxJsGzip: number;
      firstVisit: { path: string } & PageWeight;
    }
  >();
  const renderBlocking = new Set<string>();
  // Posters are print documents, not pages a traveller loads; their CSS is not the site's.
  const siteStylesheets = new Set<string>();
  let inlineCssMax = 0;
  for (const path of filesBelow(root, (name) => name.endsWith('.html')).map(
    (file) => `/${relative(root, file).split(sep).join('/')}`,
  )) {
    const weight = measurePage(readFileSync(join(root, path), 'utf8'), read);
    weight.renderBlocking.forEach((item) => renderBlocking.add(item));
    inlineCssMax = Math.max(inlineCssMax, weight.inlineCssGzip);
    const type = pageType(path);
    if (type !== 'posters')
      [...weight.stylesheets, ...weight.inlinedStylesheets].forEach((href) => siteStylesheets.add(href));
    const figures = byType.get(type);
    if (!figures)
      byType.set(type, {
        pages: 1,
        largest: { path, ...weight },
        htmlGzips: [weight.htmlGzip],
        maxJsGzip: weight.jsGzip,
        firstVisit: { path, ...weight },
      });
    else {
      figures.pages += 1;
      figures.htmlGzips.push(weight.htmlGzip);
      if (weight.htmlGzip > figures.largest.htmlGzip) figures.largest = { path, ...weight };
      // The gate is the phone with no font for the page's scripts: the first visit that costs the most.
      if (weight.firstVisitNoSystemFontsGzip > figures.firstVisit.firstVisitNoSystemFontsGzip)
        figures.firstVisit = { path, ...weight };
      figures.maxJsGzip = Math.max(figures.maxJsGzip, weight.jsGzip);
    }
  }
  const totalCssGzip =
    inlineCssMax + [...siteStylesheets].reduce((sum, path) => sum + gzipSize(read(path) ?? ''), 0);

  const sw = read('/sw.js');
  const precached = sw ? precachedPaths(sw.toString('utf8')) : [];
  const serviceWorker = sw
    ? {
        entries: precached.length,
        gzip: gzipSize(sw) + precached.reduce((sum, path) => sum + gzipSize(read(path) ?? ''), 0),
        raw: sw.length + precached.reduce((sum, path) => sum + (read(path)?.length ?? 0), 0),
      }
    : undefined;

  // What "Save for offline" stores for the largest station in English: the pages of its pack (src/offline/pack.ts) and the files they load that the install did not bring.
  const station = [
    ...(byType.get('station')?.largest.path.matchAll(/^\/(\w+)\/(\w+)\/([\w-]+)\//g) ?? []),
  ][0];
  const [, , country = 'ro', slug = 'bucuresti-nord'] = station ?? [];
  const stationOneLanguage = measurePack(root, country, slug, precached);
  return {
    pageTypes: [...byType]
      .map(([type, { htmlGzips, ...figures }]) => ({
        type,
        ...figures,
        medianHtmlGzip: htmlGzips.sort((a, b) => a - b)[Math.floor(htmlGzips.length / 2)] ?? 0,
      }))
      .sort((a, b) => a.type.localeCompare(b.type)),
    totalCssGzip,
    serviceWorker,
    stationOneLanguage,
    renderBlocking: [...renderBlocking],
  };
}

export function readBudgets(repoRoot: string): Budgets {
  return JSON.parse(readFileSync(join(repoRoot, 'budgets.json'), 'utf8')) as Budgets;
}

/** Every budget the build exceeds, in words. */
export function overBudget(report: BudgetReport, budgets: Budgets): string[] {
  const problems: string[] = [];
  for (const figures of report.pageTypes) {
    const limit = budgets.pageHtmlWithCssGzip[figures.type];
    if (limit !== undefined && figures.largest.htmlGzip > limit)
      problems.push(
        `${figures.type} page ${figures.largest.path}: ${figures.largest.htmlGzip} B gzip > ${limit} B`,
      );
    if (figures.type === 'kiosk' && figures.largest.htmlGzip > budgets.kioskScreenGzip)
      problems.push(
        `kiosk page ${figures.largest.path}: ${figures.largest.htmlGzip} B gzip > ${budgets.kioskScreenGzip} B (kioskScreenGzip)`,
      );
    const firstVisitLimit = budgets.firstVisitGzip[figures.type];
    if (firstVisitLimit !== undefined && figures.firstVisit.firstVisitNoSystemFontsGzip > firstVisitLimit)
      problems.push(
        `${figures.type} page ${figures.firstVisit.path}: a first visit from a phone without system fonts loads ${figures.firstVisit.firstVisitNoSystemFontsGzip} B gzip (HTML, CSS, scripts, fonts ${figures.firstVisit.fontsNoSystemFonts.join(' ') || 'none'}) > ${firstVisitLimit} B`,
      );
    if (figures.maxJsGzip > budgets.jsBeforeInteractionGzip)
      problems.push(
        `${figures.type} pages run ${figures.maxJsGzip} B gzip of JavaScript before interaction > ${budgets.jsBeforeInteractionGzip} B`,
      );
  }
  if (report.totalCssGzip > budgets.totalCssGzip)
    problems.push(`CSS ${report.totalCssGzip} B gzip > ${budgets.totalCssGzip} B`);
  if (report.serviceWorker && report.serviceWorker.gzip > budgets.serviceWorkerInstallGzip)
    problems.push(
      `service worker install ${report.serviceWorker.gzip} B gzip > ${budgets.serviceWorkerInstallGzip} B`,
    );
  if (report.stationOneLanguage.gzip > budgets.stationOneLanguageGzip)
    problems.push(
      `one station in one language ${report.stationOneLanguage.gzip} B gzip > ${budgets.stationOneLanguageGzip} B`,
    );
  const external = report.renderBlocking.filter((item) => !item.startsWith('/'));
  if (external.length > 0)
    problems.push(`render-blocking requests that are not same-origin CSS: ${external.join(', ')}`);
  return problems;
}

export function formatReport(report: BudgetReport): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const lines = [
    'Size report (gzip):',
    '  page type        pages  largest HTML (inline CSS incl.)  median HTML  + linked CSS  JS before interaction (max)',
  ];
  for (const f of report.pageTypes) {
    lines.push(
      `  ${f.type.padEnd(16)} ${String(f.pages).padStart(5)}  ${kb(f.largest.htmlGzip).padStart(30)}  ${kb(f.medianHtmlGzip).padStart(11)}  ${kb(f.largest.linkedCssGzip).padStart(12)}  ${kb(f.maxJsGzip).padStart(10)}`,
    );
  }
  lines.push(
    '  first visit, cold cache (HTML + CSS + scripts + fonts the text needs; system fonts draw Latin and Cyrillic / no font on the device):',
  );
  for (const f of report.pageTypes.filter((figures) =>
    ['station', 'home', 'country', 'info', 'short-link'].includes(figures.type),
  )) {
    lines.push(
      `    ${f.type.padEnd(14)} ${kb(f.firstVisit.firstVisitGzip).padStart(8)} / ${kb(f.firstVisit.firstVisitNoSystemFontsGzip).padStart(8)}  (${f.firstVisit.path})`,
    );
  }
  lines.push(
    `  total CSS of the site (every stylesheet a page can load, posters aside): ${kb(report.totalCssGzip)}`,
  );
  if (report.serviceWorker)
    lines.push(
      `  service worker install: ${kb(report.serviceWorker.gzip)} gzip (${kb(report.serviceWorker.raw)} raw, ${report.serviceWorker.entries} precached files)`,
    );
  const pack = report.stationOneLanguage;
  lines.push(
    `  one station in one language (${pack.path}, its "Save for offline" pack): ${kb(pack.gzip)} (${pack.pages} pages + ${pack.files} files the install did not bring)`,
  );
  return lines.join('\n');
}
