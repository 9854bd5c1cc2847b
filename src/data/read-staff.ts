/**
 * Reads content/staff/ from disk and validates it. Used only by the staff
 * build (src/staff/, src/integrations/staff-build.ts) and by tests; the
 * public site never imports this module.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { load as parseYaml } from 'js-yaml';
import type { ZodType, ZodTypeDef } from 'zod';
import { problemsFromZod, type ContentProblem, type ContentSet, type Entry } from '../lib/content-check';
import { checkStaffContent, staffWarnings } from '../lib/staff-plan';
import { checklistSchema, staffPlanSchema, stationStaffSchema, type ChecklistData, type StaffPlanData, type StationStaffData } from '../schemas/staff';
import { ContentError } from './read-content';

export interface StaffContent {
  readonly plan: Entry<StaffPlanData>;
  /** id: the file name, e.g. "trafficking". */
  readonly checklists: readonly Entry<ChecklistData>[];
  /** id: the station's id, e.g. "ro/bucuresti-nord". */
  readonly stations: readonly Entry<StationStaffData>[];
}

function yamlFilesBelow(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return yamlFilesBelow(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

function readEntry<T>(path: string, id: string, schema: ZodType<T, ZodTypeDef, unknown>, displayRoot: string, problems: ContentProblem[]): Entry<T> | undefined {
  const file = relative(displayRoot, path).split(sep).join('/');
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    problems.push({ file, field: '(whole file)', message: missing ? 'missing; the staff build needs it' : `not valid YAML: ${(error as Error).message.split('\n')[0]}; check indentation and quotes` });
    return undefined;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    problems.push(...problemsFromZod(file, parsed.error.issues));
    return undefined;
  }
  return { id, file, data: parsed.data };
}

/**
 * Reads `root`/staff (root is the content folder) and checks it against the
 * public content; throws a ContentError naming every problem.
 */
export function readStaffContent(root: string, content: Pick<ContentSet, 'stations'>, options: { displayRoot?: string } = {}): { staff: StaffContent; warnings: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const displayRoot = options.displayRoot ?? join(root, '..');
  const folder = join(root, 'staff');
  const idOf = (base: string, path: string) => relative(base, path).split(sep).join('/').replace(/\.ya?ml$/, '');

  const plan = readEntry(join(folder, 'plan.yaml'), 'plan', staffPlanSchema, displayRoot, problems);
  const checklists = yamlFilesBelow(join(folder, 'checklists'))
    .flatMap((path) => readEntry(path, idOf(join(folder, 'checklists'), path), checklistSchema, displayRoot, problems) ?? [])
    .sort((a, b) => a.data.order - b.data.order);
  const stations = yamlFilesBelow(join(folder, 'stations')).flatMap((path) => readEntry(path, idOf(join(folder, 'stations'), path), stationStaffSchema, displayRoot, problems) ?? []);
  if (checklists.length === 0) problems.push({ file: 'content/staff/checklists/', field: '(folder)', message: 'no checklist found; the staff build prints at least one' });

  const staffSet = { stations };
  if (problems.length === 0) problems.push(...checkStaffContent(staffSet, content));
  if (problems.length > 0 || !plan) throw new ContentError(problems);
  return { staff: { plan, checklists, stations }, warnings: staffWarnings(staffSet, content) };
}
