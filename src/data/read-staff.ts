/**
 * Reads content/staff/ from disk and validates it. Used only by the staff
 * build (src/staff/, src/integrations/staff-build.ts) and by tests; the
 * public site never imports this module.
 */
import { join, relative, sep } from 'node:path';
import type { ZodType, ZodTypeDef } from 'zod';
import { type ContentProblem, type ContentSet, type Entry } from '../lib/content-check';
import { checkStaffContent, staffWarnings } from '../lib/staff-plan';
import {
  checklistSchema,
  staffPlanSchema,
  stationStaffSchema,
  type ChecklistData,
  type StaffPlanData,
  type StationStaffData,
} from '../schemas/staff';
import { ContentError } from './read-content';
import { filesBelowIfAny } from '../node/files';
import { firstLine, readYamlFile } from '../node/yaml';

export interface StaffContent {
  readonly plan: Entry<StaffPlanData>;
  /** id: the file name, e.g. "trafficking". */
  readonly checklists: readonly Entry<ChecklistData>[];
  /** id: the station's id, e.g. "ro/bucuresti-nord". */
  readonly stations: readonly Entry<StationStaffData>[];
}

function readEntry<T>(
  path: string,
  id: string,
  schema: ZodType<T, ZodTypeDef, unknown>,
  displayRoot: string,
  problems: ContentProblem[],
): Entry<T> | undefined {
  const file = relative(displayRoot, path).split(sep).join('/');
  const data = readYamlFile(path, file, schema, problems, {
    unreadable: (error) =>
      error.code === 'ENOENT'
        ? 'missing; the staff build needs it'
        : `not valid YAML: ${firstLine(error)}; check indentation and quotes`,
  });
  return data === undefined ? undefined : { id, file, data };
}

/**
 * Reads `root`/staff (root is the content folder) and checks it against the
 * public content; throws a ContentError naming every problem.
 */
export function readStaffContent(
  root: string,
  content: Pick<ContentSet, 'stations'>,
  options: { displayRoot?: string } = {},
): { staff: StaffContent; warnings: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const displayRoot = options.displayRoot ?? join(root, '..');
  const folder = join(root, 'staff');
  const idOf = (base: string, path: string) =>
    relative(base, path)
      .split(sep)
      .join('/')
      .replace(/\.ya?ml$/, '');

  const plan = readEntry(join(folder, 'plan.yaml'), 'plan', staffPlanSchema, displayRoot, problems);
  const checklists = filesBelowIfAny(join(folder, 'checklists'), (name) => /\.ya?ml$/.test(name))
    .flatMap(
      (path) =>
        readEntry(path, idOf(join(folder, 'checklists'), path), checklistSchema, displayRoot, problems) ?? [],
    )
    .sort((a, b) => a.data.order - b.data.order);
  const stations = filesBelowIfAny(join(folder, 'stations'), (name) => /\.ya?ml$/.test(name)).flatMap(
    (path) =>
      readEntry(path, idOf(join(folder, 'stations'), path), stationStaffSchema, displayRoot, problems) ?? [],
  );
  if (checklists.length === 0)
    problems.push({
      file: 'content/staff/checklists/',
      field: '(folder)',
      message: 'no checklist found; the staff build prints at least one',
    });

  const staffSet = { stations };
  if (problems.length === 0) problems.push(...checkStaffContent(staffSet, content));
  if (problems.length > 0 || !plan) throw new ContentError(problems);
  return { staff: { plan, checklists, stations }, warnings: staffWarnings(staffSet, content) };
}
