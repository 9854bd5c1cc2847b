/**
 * The site's data for pages, resolved once per build: the linked model
 * (resolveSite, src/data/site-model.ts) of the content the gate already read
 * (readSiteContent, src/data/read-content.ts), plus the information pages of
 * the `info` collection. Pages and routes read from here and never from the
 * collections or the disk directly.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { BadgeTrust } from '../lib/badge';
import { config } from '../config';
import { forgetSiteContent, readSiteContent } from './read-content';
import { resolveSite, type SiteModel } from './site-model';

export type { Contact, Country, Service, SiteModel, Station } from './site-model';

export type InfoEntry = CollectionEntry<'info'>;

/** One information page: its English original and the translations that exist. */
export interface InfoPage {
  readonly slug: string;
  readonly order: number;
  readonly byLanguage: ReadonlyMap<string, InfoEntry>;
}

export interface Site extends SiteModel {
  /** English pages define what exists; other languages translate them. */
  readonly infoPages: readonly InfoPage[];
  /** The badge trust list (content/badges/) the /verify/ page embeds. */
  readonly badges: BadgeTrust;
}

/** The page in the reader's language, or the English original (the page then marks itself lang="en"). */
export function infoIn(page: InfoPage, lang: string): InfoEntry {
  const entry = page.byLanguage.get(lang) ?? page.byLanguage.get('en');
  if (!entry) throw new Error(`Information page "${page.slug}" has no English original in content/info/en/.`);
  return entry;
}

/** The "what to say" lines of the How to report page, in the reader's language where translated. */
export function whatToSay(site: Site, lang: string): readonly string[] {
  const page = site.infoPages.find((p) => p.byLanguage.get('en')?.data.script);
  return page ? (infoIn(page, lang).data.script ?? []) : [];
}

function groupInfoPages(entries: readonly InfoEntry[]): InfoPage[] {
  const pages = new Map<string, Map<string, InfoEntry>>();
  for (const entry of entries) {
    const [lang = '', slug = ''] = entry.id.split('/');
    if (!pages.has(slug)) pages.set(slug, new Map());
    pages.get(slug)?.set(lang, entry);
  }
  return [...pages]
    .filter(([, byLanguage]) => byLanguage.has('en'))
    .map(([slug, byLanguage]) => ({ slug, order: byLanguage.get('en')?.data.order ?? 0, byLanguage }))
    .sort((a, b) => a.order - b.order);
}

async function loadSite(): Promise<Site> {
  const { content, badges } = readSiteContent(config.contentDir);
  const model = resolveSite(content, config.languages);
  return { ...model, infoPages: groupInfoPages(await getCollection('info')), badges };
}

let site: Promise<Site> | undefined;

/** The resolved site; computed on first use and shared by every page. */
export function getSite(): Promise<Site> {
  // The dev server shows an edit on the next page load; a build reads the content once.
  if (import.meta.env.DEV) {
    forgetSiteContent();
    return loadSite();
  }
  site ??= loadSite();
  return site;
}
