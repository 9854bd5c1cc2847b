import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { COLLECTION_STYLE, dump, visit } from 'js-yaml';
import { formatProblem, type CheckOptions } from '../lib/content-check';
import { fromHsds, type ImportedService } from './import';
import { ContentError, readContent, type PendingFiles } from '../data/read-content';

/** Keys in the order hand-written service files use, so imported (and form-edited) files read the same. */
export const SERVICE_KEY_ORDER = [
  'sample',
  'status',
  'country',
  'organisation',
  'description',
  'offers',
  'audience',
  'languages',
  'free',
  'address',
  'location',
  'phones',
  'hours',
  'website',
  'verified',
  'sources',
];

/** The largest file an import reads (a directory of 28,000 services is about 40 MB). */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

export interface HsdsImportOptions extends CheckOptions {
  /** Overwrite service files that already exist (otherwise they are reported and nothing is written). */
  replace?: boolean;
  /** Cited as the source of imported facts; defaults to "HSDS import: <file name>". */
  source?: string;
  /** The country imported: for services whose address has none, and every service must be in it. */
  country?: string;
}

export interface HsdsImportResult {
  /** Files written, relative to the content folder's parent (e.g. "content/services/ro/x.yaml"). */
  readonly written: readonly string[];
  /** Everything that stopped the import; when not empty, nothing was written. */
  readonly problems: readonly string[];
  /** Station files that listed each service in the export, so the editor can link them again. */
  readonly stations: ReadonlyMap<string, readonly string[]>;
  /** A signal (Ctrl-C, a shutdown) that arrived while writing: before the files were moved into place nothing was written; after, the import is complete. */
  readonly interrupted?: NodeJS.Signals;
}

export function serviceYaml(service: ImportedService, fromFile: string): string {
  // `phones: []` is the default; leave it out as hand-written files do.
  const written = (key: string) =>
    key in service.data &&
    !(key === 'phones' && Array.isArray(service.data.phones) && service.data.phones.length === 0);
  const ordered = Object.fromEntries(
    SERVICE_KEY_ORDER.filter(written).map((key) => [key, service.data[key]]),
  );
  const header = service.data.sample
    ? '# SAMPLE DATA: an invented provider to demonstrate the site. Not a real place; no phone numbers on purpose.\n'
    : `# Imported from the HSDS file ${fromFile}. Check every fact against its source before setting status: confirmed.\n`;
  // Short lists of words stay on one line ("offers: [shelter, food]"), as editors write them.
  const flowScalarLists = (documents: Parameters<typeof visit>[0]) =>
    visit(documents, (node) => {
      if (node.kind === 'sequence' && node.items.every((item) => item.kind === 'scalar'))
        node.style = COLLECTION_STYLE.FLOW;
    });
  return header + dump(ordered, { lineWidth: -1, noRefs: true, transform: flowScalarLists });
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** Files staged between two looks at the signals: Ctrl-C is answered within a fraction of a second. */
const STAGE_BATCH = 500;
const signalsDelivered = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes files so that either all of them end up in place or none does. Each
 * is first written into a staging folder in `stagingParent` (the content
 * folder's parent: the same file system, so a rename moves it whole), then
 * renamed into place; a file it replaces waits in the staging folder until
 * every rename has succeeded, and is put back if one fails. The staging
 * folder is removed in every case.
 *
 * SIGINT, SIGTERM and SIGHUP are held meanwhile: one that arrives while files
 * are staged removes them and returns the signal, nothing written; one that
 * arrives during the renames (milliseconds) lets them finish, so the content
 * folder is never half-imported. If another handler ends the process first,
 * the staging folder is removed on exit. Only SIGKILL or a power cut can leave
 * it behind (a hidden `.import-staging-*` folder beside content/; delete it).
 */
export async function writeFilesAtomically(
  files: PendingFiles,
  stagingParent: string,
): Promise<{ interrupted?: NodeJS.Signals }> {
  const caught: NodeJS.Signals[] = [];
  const hold = (signal: NodeJS.Signals) => caught.push(signal);
  for (const signal of SIGNALS) process.on(signal, hold);
  const staging = mkdtempSync(join(stagingParent, '.import-staging-'));
  // Another handler may end the process at once (vite-node's SIGTERM handler does): the staging folder goes with it.
  // The renames are synchronous, so an exit comes before them (nothing written) or after (all written).
  const removeStaging = () => rmSync(staging, { recursive: true, force: true });
  process.on('exit', removeStaging);
  try {
    const entries = [...files];
    for (const [index, [, text]] of entries.entries()) {
      writeFileSync(join(staging, String(index)), text);
      if (index % STAGE_BATCH === STAGE_BATCH - 1) await signalsDelivered();
      if (caught.length > 0) return { interrupted: caught[0] };
    }
    await signalsDelivered();
    if (caught.length > 0) return { interrupted: caught[0] };
    moveIntoPlace(
      entries.map(([target], index) => ({ staged: join(staging, String(index)), target })),
      staging,
    );
    await signalsDelivered();
    return { interrupted: caught[0] };
  } finally {
    removeStaging();
    process.off('exit', removeStaging);
    for (const signal of SIGNALS) process.off(signal, hold);
  }
}

/** Renames every staged file onto its target; on any failure undoes the renames made so far, and rethrows. */
function moveIntoPlace(moves: readonly { staged: string; target: string }[], staging: string): void {
  const done: { target: string; previous?: string }[] = [];
  const madeFolders: string[] = [];
  try {
    for (const [index, { staged, target }] of moves.entries()) {
      for (let folder = dirname(target); !existsSync(folder); folder = dirname(folder))
        madeFolders.unshift(folder);
      mkdirSync(dirname(target), { recursive: true });
      const previous = existsSync(target) ? join(staging, `${index}.previous`) : undefined;
      if (previous) renameSync(target, previous);
      done.push({ target, previous });
      renameSync(staged, target);
    }
  } catch (error) {
    for (const { target, previous } of done.reverse()) {
      rmSync(target, { force: true });
      if (previous) renameSync(previous, target);
    }
    for (const folder of madeFolders.reverse())
      if (existsSync(folder) && readdirSync(folder).length === 0) rmdirSync(folder);
    throw error;
  }
}

/**
 * Turns an HSDS 3.0 JSON file into content/services/*.yaml. Everything is
 * built and checked in memory first (the whole content folder, with the new
 * files as if written, by the same validation as the build); only a clean
 * import is written, all files or none (see writeFilesAtomically).
 */
export async function importHsdsFile(
  file: string,
  contentRoot: string,
  options: HsdsImportOptions,
): Promise<HsdsImportResult> {
  const displayRoot = join(contentRoot, '..');
  const stations = new Map<string, string[]>();
  const stopped = (problems: string[]): HsdsImportResult => ({ written: [], problems, stations });
  let doc: unknown;
  try {
    const bytes = statSync(file).size;
    if (bytes > MAX_INPUT_BYTES)
      return stopped([
        `${file}: ${(bytes / 1024 / 1024).toFixed(0)} MB; an import reads at most ${MAX_INPUT_BYTES / 1024 / 1024} MB; split the directory (by country or region)`,
      ]);
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return stopped([`${file}: cannot read it as JSON (${(error as Error).message})`]);
  }
  const { services, problems } = fromHsds(doc, {
    source: options.source ?? `HSDS import: ${basename(file)}`,
    country: options.country,
  });
  const targets = services.map((service) => ({
    service,
    path: join(contentRoot, 'services', `${service.id}.yaml`),
  }));
  for (const { service, path } of targets) {
    if (!/^[a-z]{2}\/[a-z0-9]+(-[a-z0-9]+)*$/.test(service.id))
      problems.push(`${service.name}: no country found for it; give addresses a country or pass --country`);
    else if (existsSync(path) && !options.replace)
      problems.push(`${relative(displayRoot, path)} already exists; pass --replace to overwrite it`);
  }
  if (problems.length > 0 || targets.length === 0) return stopped(problems);

  const pending = new Map(targets.map(({ service, path }) => [path, serviceYaml(service, basename(file))]));
  try {
    readContent(contentRoot, { ...options, displayRoot, pending });
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return stopped(error.problems.map(formatProblem));
  }
  for (const { service } of targets) {
    if (service.nearStations.length > 0)
      stations.set(
        service.id,
        service.nearStations.map((id) => `content/stations/${id}.yaml`),
      );
  }
  const { interrupted } = await writeFilesAtomically(pending, displayRoot);
  const wroteAll =
    interrupted === undefined ||
    targets.every(({ path }) => existsSync(path) && readFileSync(path, 'utf8') === pending.get(path));
  if (!wroteAll)
    return { ...stopped([`interrupted (${interrupted}) before any file was moved into place`]), interrupted };
  return {
    written: targets.map(({ path }) => relative(displayRoot, path)),
    problems: [],
    stations,
    interrupted,
  };
}
