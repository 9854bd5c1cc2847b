/**
 * The form editor's configuration (Decap CMS), generated from the zod schemas
 * of src/schemas/: every field, whether it is required, its choices (purposes,
 * offers, days, languages) and its pattern with the schema's own message come
 * from there, so a field added to a schema appears in the editor without a
 * hand-written line. Pure: the local edit server (src/editor/server.ts) serves
 * the result as /admin/config.yml.
 */
import { z, type ZodTypeAny } from 'zod';
import { collectionSchemas, type CollectionName } from '../schemas';
import { infoSchema } from '../schemas/info';
import { ALL_LANGUAGE_CODES, SOURCE_LANGUAGE } from '../lib/languages';
import { MAX_LENGTH } from '../schemas/common';

/** One field of a Decap collection (only the keys this generator writes). */
export interface DecapField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  pattern?: [string, string];
  options?: string[];
  multiple?: boolean;
  value_type?: 'int' | 'float';
  fields?: DecapField[];
  field?: DecapField;
  min?: number;
  collapsed?: boolean;
  summary?: string;
}

export interface DecapCollection {
  name: string;
  label: string;
  folder: string;
  extension: 'yaml' | 'md';
  format: 'yaml' | 'frontmatter';
  create: boolean;
  delete: boolean;
  path?: string;
  slug: string;
  identifier_field: string;
  summary?: string;
  fields: DecapField[];
}

export interface DecapConfig {
  backend: { name: string; branch?: string; repo?: string };
  local_backend: { url: string };
  media_folder: string;
  slug: { encoding: 'ascii'; clean_accents: true; sanitize_replacement: '-' };
  collections: DecapCollection[];
}

/** "antiTrafficking" → "Anti trafficking": the field's own name, readable. */
export function labelOf(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

interface Unwrapped {
  readonly schema: ZodTypeAny;
  readonly optional: boolean;
}

/** Looks through optional, default, refinements and pipes to the type the form edits. */
function unwrap(schema: ZodTypeAny): Unwrapped {
  let current = schema;
  let optional = false;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable) {
      optional = true;
      current = current.unwrap();
    } else if (current instanceof z.ZodDefault) {
      optional = true;
      current = current.removeDefault();
    } else if (current instanceof z.ZodEffects) current = current.innerType();
    else if (current instanceof z.ZodPipeline) current = current._def.in;
    else return { schema: current, optional };
  }
}

/** A zod regex check and its message, as Decap's `pattern` (checked as the person types). */
function patternOf(schema: z.ZodString): [string, string] | undefined {
  for (const check of schema._def.checks) {
    if (check.kind === 'regex') return [check.regex.source, check.message ?? `must match ${check.regex}`];
  }
  return undefined;
}

function maxLengthOf(schema: z.ZodString): number | undefined {
  const check = schema._def.checks.find((c) => c.kind === 'max');
  return check && 'value' in check ? check.value : undefined;
}

function minItemsOf(schema: z.ZodArray<ZodTypeAny>): number | undefined {
  return schema._def.minLength?.value;
}

/** A record keyed by language (localizedText, localizedName): one sub-field per site language, English required. */
function languageFields(value: ZodTypeAny, optional: boolean): DecapField[] {
  return ALL_LANGUAGE_CODES.map((code) => ({
    ...widgetFor(code, value, optional),
    label: code,
    required: !optional && code === SOURCE_LANGUAGE,
  }));
}

/**
 * The Decap widget for one zod type (without name, label and required).
 * `optional`: the field is inside an optional object. Decap would insist on
 * its required sub-fields even when the object is left out (a service without
 * a location), so there they are optional in the form and the gate, which
 * checks the object as a whole, names what is missing.
 */
function widgetFor(name: string, schema: ZodTypeAny, insideOptional = false): DecapField {
  const base = { name, label: labelOf(name) };
  const { schema: inner, optional: thisOptional } = unwrap(schema);
  const optional = insideOptional || thisOptional;
  if (inner instanceof z.ZodString) {
    const max = maxLengthOf(inner);
    const pattern = patternOf(inner);
    return {
      ...base,
      widget: max === MAX_LENGTH.text ? 'text' : 'string',
      ...(pattern ? { pattern } : {}),
    };
  }
  if (inner instanceof z.ZodNumber)
    return { ...base, widget: 'number', value_type: inner.isInt ? 'int' : 'float' };
  if (inner instanceof z.ZodBoolean) return { ...base, widget: 'boolean' };
  if (inner instanceof z.ZodEnum) return { ...base, widget: 'select', options: [...inner.options] };
  if (inner instanceof z.ZodLiteral) return { ...base, widget: 'select', options: [String(inner.value)] };
  if (inner instanceof z.ZodObject)
    return { ...base, widget: 'object', fields: objectFields(inner, optional) };
  if (inner instanceof z.ZodRecord) {
    return { ...base, widget: 'object', fields: languageFields(inner.valueSchema as ZodTypeAny, optional) };
  }
  if (inner instanceof z.ZodArray) {
    const element = unwrap(inner.element as ZodTypeAny).schema;
    const min = minItemsOf(inner);
    const limits = min ? { min } : {};
    if (element instanceof z.ZodEnum)
      return { ...base, widget: 'select', multiple: true, options: [...element.options], ...limits };
    if (element instanceof z.ZodObject)
      return { ...base, widget: 'list', fields: objectFields(element, false), collapsed: false, ...limits };
    return { ...base, widget: 'list', field: widgetFor(name, element, false), ...limits };
  }
  // Unions (hours: "24/7" or a list of spans) have no Decap widget: edited as YAML text, checked by the gate.
  return {
    ...base,
    widget: 'yaml',
    hint: 'written as in the YAML files, e.g. "24/7" or a list of days, opens, closes',
  };
}

function fieldFor(name: string, schema: ZodTypeAny, insideOptional: boolean): DecapField {
  const { schema: inner, optional: thisOptional } = unwrap(schema);
  const optional = insideOptional || thisOptional;
  const field = widgetFor(name, schema, insideOptional);
  // An empty list is the same as no list: required only when the schema asks for at least one item.
  const required =
    !optional &&
    (!(inner instanceof z.ZodArray) || (minItemsOf(inner) ?? 0) > 0) &&
    !(inner instanceof z.ZodBoolean);
  return { ...field, required };
}

function objectFields(schema: z.AnyZodObject, insideOptional: boolean): DecapField[] {
  return Object.entries(schema.shape as Record<string, ZodTypeAny>).map(([name, value]) =>
    fieldFor(name, value, insideOptional),
  );
}

/** The fields of a schema's object, for a collection. */
export function fieldsOf(schema: ZodTypeAny): DecapField[] {
  const { schema: inner } = unwrap(schema);
  if (!(inner instanceof z.ZodObject)) throw new Error('a collection schema must be a zod object');
  return objectFields(inner, false);
}

interface CollectionShape {
  readonly label: string;
  /** Where in the folder the file goes: countries sit directly in theirs, the others one folder per country. */
  readonly path?: string;
  readonly slug: string;
  readonly identifier: string;
  readonly summary: string;
}

const SHAPES: Record<CollectionName, CollectionShape> = {
  countries: { label: 'Countries', slug: '{{code}}', identifier: 'code', summary: '{{code}}' },
  stations: {
    label: 'Stations',
    path: '{{country}}/{{slug}}',
    slug: '{{name}}',
    identifier: 'name',
    summary: '{{name}} ({{country}})',
  },
  contacts: {
    label: 'Contacts (helplines)',
    path: '{{country}}/{{slug}}',
    slug: '{{name.en}}',
    identifier: 'country',
    summary: '{{name.en}} ({{country}})',
  },
  services: {
    label: 'Services (providers)',
    path: '{{country}}/{{slug}}',
    slug: '{{organisation.en}}',
    identifier: 'country',
    summary: '{{organisation.en}} ({{country}})',
  },
};

export interface GenerateOptions {
  /** The content folder as the proxy sees it, relative to its root (usually "content"). */
  readonly contentFolder: string;
  /** The proxy's API address (decap-server behind the edit server), e.g. http://localhost:4400/api/v1. */
  readonly proxyUrl: string;
  /** Schemas to generate from; the project's own by default (tests pass changed ones). */
  readonly schemas?: Readonly<Record<CollectionName, ZodTypeAny>>;
  readonly info?: ZodTypeAny;
}

/** The whole Decap configuration: one collection per content kind, one per language for the information pages. */
export function decapConfig(options: GenerateOptions): DecapConfig {
  const schemas = options.schemas ?? collectionSchemas;
  const data = (Object.keys(SHAPES) as CollectionName[]).map((name): DecapCollection => {
    const shape = SHAPES[name];
    return {
      name,
      label: shape.label,
      folder: `${options.contentFolder}/${name}`,
      extension: 'yaml',
      format: 'yaml',
      create: true,
      delete: false,
      ...(shape.path ? { path: shape.path } : {}),
      slug: shape.slug,
      identifier_field: shape.identifier,
      summary: shape.summary,
      fields: fieldsOf(schemas[name]),
    };
  });
  const infoFields = fieldsOf(options.info ?? infoSchema);
  // The body is plain text, not Decap's rich Markdown editor: that one rewrites the whole page's Markdown on save.
  const body: DecapField = { name: 'body', label: 'Page text (Markdown)', widget: 'text', required: true };
  const info = ALL_LANGUAGE_CODES.map(
    (lang): DecapCollection => ({
      name: `info-${lang}`,
      label: `Information pages (${lang})`,
      folder: `${options.contentFolder}/info/${lang}`,
      extension: 'md',
      format: 'frontmatter',
      // A translation keeps the English page's file name (its web address): create pages in English, copy the file to translate.
      create: lang === SOURCE_LANGUAGE,
      delete: false,
      slug: '{{title}}',
      identifier_field: 'title',
      fields: [...infoFields, body],
    }),
  );
  return {
    backend: { name: 'git-gateway', branch: 'main' },
    local_backend: { url: options.proxyUrl },
    media_folder: `${options.contentFolder}/.editor-media`,
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: [...data, ...info],
  };
}
