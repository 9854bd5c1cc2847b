/** An HSDS 3.0 document → Safe Station services, checked like hand-written content by the caller (`npm run import:hsds`). */
import type { Hours, LocalizedText, Phone, Weekday } from '../schemas/common';
import { audience as audienceSchema, serviceOffer } from '../schemas/service';
import { normalisedNumber } from '../lib/phone';
import { foldForSearch } from '../lib/text';
import {
  OFFER_TAXONOMY,
  AUDIENCE_TAXONOMY,
  ALL_DAY,
  ICAL_DAYS,
  WEEK,
  type Row,
  type SafeStationExtension,
} from './format';

export interface ImportOptions {
  /** Cited in `sources` and `verified.source` of services that do not carry their own. */
  source: string;
  /**
   * The country being imported (--country): used when an address gives none,
   * and every service's address and content id must be in it.
   */
  country?: string;
}

/** One service ready to be written as content/services/{id}.yaml (validated by the caller, like any content file). */
export interface ImportedService {
  id: string;
  /** The HSDS service's name, for messages. */
  name: string;
  data: Record<string, unknown>;
  /** The stations the export listed it near (the Safe Station extension), so the editor can link them again. */
  nearStations: readonly string[];
}

/** HSDS rows are flat; our extension nests a few levels (safe_station → phones → note → en). Deeper is not a directory. */
export const MAX_INPUT_DEPTH = 10;
/** The longest text an imported field may hold; longer is not a name, address or description. */
export const MAX_INPUT_TEXT = 10_000;

const asRows = (value: unknown): Row[] =>
  Array.isArray(value)
    ? value.filter(
        (row): row is Row => typeof row === 'object' && row !== null && typeof (row as Row).id === 'string',
      )
    : [];
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;
const num = (value: unknown): number | undefined =>
  typeof value === 'number'
    ? value
    : typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))
      ? Number(value)
      : undefined;

/** How a row is named in messages: the service's name where there is one, and the row's id. */
const rowName = (table: string, index: number, row: unknown) => {
  const record = (typeof row === 'object' && row !== null ? row : {}) as Record<string, unknown>;
  const name = typeof record.name === 'string' ? ` "${record.name.slice(0, 80)}"` : '';
  return `${table}[${index}]${name}${typeof record.id === 'string' ? ` (id ${record.id.slice(0, 80)})` : ''}`;
};

/**
 * Refuses input no directory holds: values nested deeper than MAX_INPUT_DEPTH
 * or texts longer than MAX_INPUT_TEXT, naming the table row (the service's
 * name) and the field. Walks without recursion, so no depth can overflow the stack.
 */
export function inputShapeProblems(input: unknown): string[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return ['the file must hold one JSON object with the HSDS tables (services, organizations, …)'];
  /** A field's path as a chain to its parent, spelled out only for a message. */
  type Path = { readonly key: string; readonly up?: Path } | undefined;
  const spell = (path: Path): string =>
    path ? `${path.up ? `${spell(path.up)}.` : ''}${path.key}` : '(the row itself)';
  const problems: string[] = [];
  for (const [table, rows] of Object.entries(input)) {
    const list: unknown[] = Array.isArray(rows) ? rows : [rows];
    list.forEach((row, index) => {
      const where = () => (Array.isArray(rows) ? rowName(table, index, row) : table);
      const stack: { value: unknown; path: Path; depth: number }[] = [
        { value: row, path: undefined, depth: 2 },
      ];
      while (stack.length > 0 && problems.length < 20) {
        const { value, path, depth } = stack.pop() as (typeof stack)[number];
        if (typeof value === 'string' && value.length > MAX_INPUT_TEXT) {
          problems.push(
            `${where()} → ${spell(path)}: ${value.length} characters; a field may hold at most ${MAX_INPUT_TEXT}; shorten it in the file`,
          );
        } else if (typeof value === 'object' && value !== null) {
          if (depth > MAX_INPUT_DEPTH) {
            problems.push(
              `${where()} → ${spell(path)}: nested more than ${MAX_INPUT_DEPTH} levels deep; HSDS fields are flat values, so correct or remove this field`,
            );
            continue;
          }
          for (const key in value)
            stack.push({
              value: (value as Record<string, unknown>)[key],
              path: { key, up: path },
              depth: depth + 1,
            });
        }
      }
    });
  }
  return problems;
}

/** "09:00:00+02:00", "9:00" → "09:00". */
function clock(value: unknown): string | undefined {
  const match = /^(\d{1,2}):(\d{2})/.exec(text(value) ?? '');
  return match ? `${match[1]?.padStart(2, '0')}:${match[2]}` : undefined;
}

function hoursFrom(rows: readonly Row[]): Hours | undefined {
  const dayOf = Object.fromEntries(Object.entries(ICAL_DAYS).map(([day, code]) => [code, day as Weekday]));
  const spans = rows.flatMap((row) => {
    if (row.freq !== undefined && row.freq !== 'WEEKLY') return [];
    const days = (text(row.byday) ?? 'MO,TU,WE,TH,FR,SA,SU')
      .split(',')
      .map((code) => dayOf[code.trim().toUpperCase()])
      .filter((day): day is Weekday => day !== undefined);
    const opens = clock(row.opens_at);
    const closes = clock(row.closes_at);
    return days.length && opens && closes
      ? [{ days: WEEK.filter((day) => days.includes(day)), opens, closes }]
      : [];
  });
  if (spans.length === 0) return undefined;
  const coversEveryDay = WEEK.every((day) =>
    spans.some(
      (span) =>
        span.days.includes(day) &&
        span.opens === '00:00' &&
        (span.closes === ALL_DAY.closes || span.closes === '24:00'),
    ),
  );
  return coversEveryDay ? '24/7' : spans;
}

/**
 * The service's numbers, normalised as content keeps them. A number whose
 * digits would change on the way (a "(0)" after the country code, a national
 * form) is refused: `problems` gets the field and the number to write instead.
 */
function phonesFrom(
  rows: readonly Row[],
  extension: Partial<SafeStationExtension> | undefined,
  country: string,
  report: (field: string, message: string) => void,
): Phone[] {
  const byNumber = new Map<string, { kinds: Set<string>; description?: string }>();
  rows.forEach((row, index) => {
    const written = text(row.number);
    const type = text(row.type) ?? 'voice';
    if (!written || !['voice', 'cell', 'text'].includes(type)) return;
    const normalised = normalisedNumber(written, country);
    if ('problem' in normalised) return report(`phones[${index}].number`, normalised.problem);
    const entry = byNumber.get(normalised.number) ?? { kinds: new Set<string>() };
    entry.kinds.add(type === 'text' ? 'sms' : 'voice');
    entry.description ??= text(row.description);
    byNumber.set(normalised.number, entry);
  });
  return [...byNumber].map(([number, { kinds, description }]) => {
    const extra = extension?.phones?.find((phone) => phone.number === number);
    const kind = kinds.size === 2 ? 'voice-and-sms' : kinds.has('sms') ? 'sms' : 'voice';
    const note = extra?.note ?? (description ? { en: description } : undefined);
    return stripUndefined({ number, kind, free: extra?.free, from: extra?.from, note }) as Phone;
  });
}

/** English from the HSDS field first (the fallback every page needs), then the extension's translations. */
function withEnglish(english: string, translations: LocalizedText | undefined): LocalizedText {
  return {
    en: english,
    ...Object.fromEntries(Object.entries(translations ?? {}).filter(([lang]) => lang !== 'en')),
  };
}

/** An empty list says nothing: left out like any field a source does not give. */
const nonEmpty = <T>(list: T[]): T[] | undefined => (list.length > 0 ? list : undefined);
const stripUndefined = (value: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));

/** A file name from a provider's name: lower-case ASCII words joined by hyphens. */
export function slugFor(name: string): string {
  return (
    foldForSearch(name)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'service'
  );
}

/** Rows of a table grouped by one of their fields, made once so each service looks its rows up instead of scanning the table. */
function groupBy(rows: readonly Row[], field: string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = String(row[field]);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/**
 * Services from an HSDS 3.0 document (the tables as arrays, as exported at
 * /data/hsds/{country}.json). Returns raw content data; the caller validates
 * it exactly as a hand-written file. `problems` names what could not be read,
 * with the service and the field. Every table is indexed once, so the work
 * grows with the size of the file, not with its square.
 *
 * An import never vouches for a fact: every service comes in as
 * `status: unverified`, whatever the file says, until an editor checks it.
 */
export function fromHsds(
  input: unknown,
  options: ImportOptions,
): { services: ImportedService[]; problems: string[] } {
  const problems = inputShapeProblems(input);
  if (problems.length > 0) return { services: [], problems };
  const doc = input as Record<string, unknown>;
  const table = (name: string) => asRows(doc[name]);
  const organizations = new Map(table('organizations').map((row) => [row.id, row]));
  const locations = new Map(table('locations').map((row) => [row.id, row]));
  const terms = new Map(table('taxonomy_terms').map((row) => [row.id, row]));
  const firstLocationOf = new Map<unknown, Row>();
  for (const row of locations.values())
    if (!firstLocationOf.has(row.organization_id)) firstLocationOf.set(row.organization_id, row);
  const linksByService = groupBy(table('service_at_location'), 'service_id');
  const addressesByLocation = groupBy(table('addresses'), 'location_id');
  const attributesByLink = groupBy(table('attributes'), 'link_id');
  const schedules = table('schedules');
  const schedulesByService = groupBy(schedules, 'service_id');
  const schedulesByLink = groupBy(schedules, 'service_at_location_id');
  const rowsFor = (groups: Map<string, Row[]>, id: string) => groups.get(id) ?? [];
  const byService = Object.fromEntries(
    ['phones', 'languages', 'cost_options'].map((name) => [name, groupBy(table(name), 'service_id')]),
  ) as Record<'phones' | 'languages' | 'cost_options', Map<string, Row[]>>;
  const services = table('services');
  if (services.length === 0)
    problems.push('no "services" array with entries found; is this an HSDS 3.0 JSON export?');
  const wanted = options.country?.toLowerCase();

  const used = new Set<string>();
  const imported = services.flatMap((service, index): ImportedService[] => {
    const extension = (
      typeof service.safe_station === 'object' && service.safe_station !== null
        ? service.safe_station
        : undefined
    ) as Partial<SafeStationExtension> | undefined;
    const organization = organizations.get(String(service.organization_id));
    const name = text(service.name) ?? text(organization?.name);
    if (!name) {
      problems.push(`service ${service.id}: has no name (nor its organization); skipped`);
      return [];
    }
    const where = `services[${index}] "${name}" (id ${service.id})`;
    let fine = true;
    const report = (field: string, message: string) => {
      problems.push(`${where} → ${field}: ${message}`);
      fine = false;
    };
    const link = rowsFor(linksByService, service.id)[0];
    const location = locations.get(String(link?.location_id)) ?? firstLocationOf.get(service.organization_id);
    const address = location ? rowsFor(addressesByLocation, location.id)[0] : undefined;
    const addressCountry = text(address?.country)?.toLowerCase();
    const country = addressCountry ?? text(extension?.country)?.toLowerCase() ?? wanted ?? '';
    if (wanted && addressCountry && addressCountry !== wanted) {
      report(
        'addresses.country',
        `the address is in ${addressCountry.toUpperCase()}, but this import is for ${wanted.toUpperCase()} (--country ${wanted}); import it with --country ${addressCountry}, or correct the address`,
      );
    }
    const lat = num(location?.latitude);
    const lon = num(location?.longitude);

    const linkedTerms = rowsFor(attributesByLink, service.id)
      .map((row) => terms.get(String(row.taxonomy_term_id)) ?? (row.taxonomy_term as Row | undefined))
      .filter((row): row is Row => row !== undefined);
    const codesIn = <T extends string>(allowed: readonly T[], taxonomy: string) =>
      [
        ...new Set(
          linkedTerms
            .filter((row) => row.taxonomy === taxonomy || allowed.includes(row.code as T))
            .map((row) => String(row.code)),
        ),
      ].filter((code): code is T => allowed.includes(code as T));

    const hours = [
      ...rowsFor(schedulesByService, service.id),
      ...(link ? rowsFor(schedulesByLink, link.id) : []),
    ];
    const costs = rowsFor(byService.cost_options, service.id);
    // A zero-cost option means free; cost options without one mean it is not free; none says nothing.
    const free = costs.length === 0 ? undefined : costs.some((row) => num(row.amount) === 0);
    const assured = text(service.assured_date);
    const verified = assured
      ? {
          date: assured,
          method: extension?.verified?.method ?? 'desk-research',
          source: extension?.verified?.source ?? options.source,
        }
      : undefined;
    const description = text(service.description) ?? text(organization?.description) ?? name;

    const contentId = text(extension?.content_id);
    if (contentId && country && !contentId.startsWith(`${country}/`)) {
      report(
        'safe_station.content_id',
        `"${contentId}" would put it in services/${contentId.split('/')[0]}/, but the service is in ${country.toUpperCase()}; correct the id or the address`,
      );
    }
    let id = contentId ?? `${country}/${slugFor(name)}`;
    for (let n = 2; used.has(id); n += 1) id = `${contentId ?? `${country}/${slugFor(name)}`}-${n}`;
    used.add(id);

    const phones = phonesFrom(rowsFor(byService.phones, service.id), extension, country, report);
    if (!fine) return [];
    const data = stripUndefined({
      sample: extension?.sample ? true : undefined,
      status: 'unverified',
      country,
      organisation: withEnglish(name, extension?.organisation),
      description: withEnglish(description, extension?.description),
      offers: nonEmpty(codesIn(serviceOffer.options, OFFER_TAXONOMY)),
      audience: nonEmpty(codesIn(audienceSchema.options, AUDIENCE_TAXONOMY)),
      languages: nonEmpty([
        ...new Set(
          rowsFor(byService.languages, service.id)
            .map((row) => text(row.code)?.toLowerCase())
            .filter((code): code is string => Boolean(code)),
        ),
      ]),
      free,
      address:
        [text(address?.address_1), text(address?.address_2), text(address?.city)]
          .filter(Boolean)
          .join(', ') || undefined,
      location: lat !== undefined && lon !== undefined ? { lat, lon } : undefined,
      phones,
      hours: hoursFrom(hours),
      website: text(service.url) ?? text(organization?.website),
      verified,
      sources: extension?.sources?.length ? extension.sources : [options.source],
    });
    const nearStations = Array.isArray(extension?.near_stations)
      ? extension.near_stations.flatMap((station) => (typeof station?.id === 'string' ? [station.id] : []))
      : [];
    return [{ id, name, data, nearStations }];
  });
  return { services: imported, problems };
}
