import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { COLLECTION_STYLE, dump, visit } from 'js-yaml';
import { formatProblem, type CheckOptions } from '../lib/content-check';
import { fromHsds, type ImportedService, type SafeStationExtension } from '../lib/hsds';
import { ContentError, readContent } from './read-content';

/** Keys in the order hand-written service files use, so imported files read the same. */
const KEY_ORDER = ['sample', 'status', 'country', 'organisation', 'description', 'offers', 'audience', 'languages', 'free', 'address', 'location', 'phones', 'hours', 'website', 'verified', 'sources'];

export interface HsdsImportOptions extends CheckOptions {
  /** Overwrite service files that already exist (otherwise they are reported and nothing is written). */
  replace?: boolean;
  /** Cited as the source of imported facts; defaults to "HSDS import: <file name>". */
  source?: string;
  /** Country for services whose address has none. */
  country?: string;
}

export interface HsdsImportResult {
  /** Files written, relative to the content folder's parent (e.g. "content/services/ro/x.yaml"). */
  readonly written: readonly string[];
  /** Everything that stopped the import; when not empty, nothing was written. */
  readonly problems: readonly string[];
  /** Station files that listed each service in the export, so the editor can link them again. */
  readonly stations: ReadonlyMap<string, readonly string[]>;
}

export function serviceYaml(service: ImportedService, fromFile: string): string {
  // `phones: []` is the default; leave it out as hand-written files do.
  const written = (key: string) => key in service.data && !(key === 'phones' && Array.isArray(service.data.phones) && service.data.phones.length === 0);
  const ordered = Object.fromEntries(KEY_ORDER.filter(written).map((key) => [key, service.data[key]]));
  const header = service.data.sample
    ? '# SAMPLE DATA: an invented provider to demonstrate the site. Not a real place; no phone numbers on purpose.\n'
    : `# Imported from the HSDS file ${fromFile}. Check every fact against its source before setting status: confirmed.\n`;
  // Short lists of words stay on one line ("offers: [shelter, food]"), as editors write them.
  const flowScalarLists = (documents: Parameters<typeof visit>[0]) =>
    visit(documents, (node) => {
      if (node.kind === 'sequence' && node.items.every((item) => item.kind === 'scalar')) node.style = COLLECTION_STYLE.FLOW;
    });
  return header + dump(ordered, { lineWidth: -1, noRefs: true, transform: flowScalarLists });
}

/**
 * Turns an HSDS 3.0 JSON file into content/services/*.yaml and checks the
 * whole content folder with the same validation as the build. If anything
 * is wrong, every written file is put back as it was and the problems are
 * returned, so the content folder never holds a broken import.
 */
export function importHsdsFile(file: string, contentRoot: string, options: HsdsImportOptions): HsdsImportResult {
  const displayRoot = join(contentRoot, '..');
  const stations = new Map<string, string[]>();
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { written: [], problems: [`${file}: cannot read it as JSON (${(error as Error).message})`], stations };
  }
  const { services, problems } = fromHsds(doc, { source: options.source ?? `HSDS import: ${basename(file)}`, country: options.country });
  const targets = services.map((service) => ({ service, path: join(contentRoot, 'services', `${service.id}.yaml`) }));
  for (const { service, path } of targets) {
    if (!/^[a-z]{2}\/[a-z0-9]+(-[a-z0-9]+)*$/.test(service.id)) problems.push(`${service.name}: no country found for it; give addresses a country or pass --country`);
    else if (existsSync(path) && !options.replace) problems.push(`${relative(displayRoot, path)} already exists; pass --replace to overwrite it`);
  }
  if (problems.length > 0 || targets.length === 0) return { written: [], problems, stations };

  const previous = new Map(targets.map(({ path }) => [path, existsSync(path) ? readFileSync(path, 'utf8') : undefined]));
  for (const { service, path } of targets) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, serviceYaml(service, basename(file)));
    const extension = (doc as { services?: { safe_station?: Partial<SafeStationExtension> }[] }).services?.find((s) => s.safe_station?.content_id === service.id)?.safe_station;
    if (extension?.near_stations?.length) stations.set(service.id, extension.near_stations.map((station) => `content/stations/${station.id}.yaml`));
  }
  try {
    readContent(contentRoot, { ...options, displayRoot });
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    for (const [path, text] of previous) {
      if (text === undefined) rmSync(path);
      else writeFileSync(path, text);
    }
    return { written: [], problems: error.problems.map(formatProblem), stations };
  }
  return { written: targets.map(({ path }) => relative(displayRoot, path)), problems: [], stations };
}
