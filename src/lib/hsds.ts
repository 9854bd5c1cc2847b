/**
 * Open Referral HSDS 3.0 ↔ Safe Station services, both ways.
 *
 * The export is one JSON document per country with the HSDS tables as arrays,
 * named as the HSDS tabular files are (organizations, services, locations,
 * service_at_location, phones, schedules, languages, addresses, cost_options,
 * attributes, taxonomy_terms). Facts HSDS has no field for (translations,
 * sample flag, verification, sources, per-number cost and notes) travel in a
 * `safe_station` object on each service; HSDS readers ignore it. Where HSDS
 * has a field, the importer reads the HSDS field, not the extension, so a
 * directory written by another tool imports the same way.
 *
 * Pure: no file system; ids are name-based UUIDs (v5) so the same content
 * always exports the same ids.
 */
import { createHash } from 'node:crypto';
import type { Hours, LocalizedText, Phone, Weekday } from '../schemas/common';
import { audience as audienceSchema, serviceOffer, type Audience, type ServiceData, type ServiceOffer } from '../schemas/service';
import { foldForSearch } from './text';

export const HSDS_VERSION = '3.0';
const OFFER_TAXONOMY = 'safe-station-offer';
const AUDIENCE_TAXONOMY = 'safe-station-audience';
const UNVERIFIED_ALERT = 'Not yet confirmed by a call: found on public pages (desk research). Call before sending anyone there.';
const SAMPLE_ALERT = 'SAMPLE DATA: an invented provider that demonstrates the directory. It is not a real place; do not send anyone there.';
/** HSDS's recommended signal for "open 24 hours" (closes_at 23:59). */
const ALL_DAY = { opens: '00:00', closes: '23:59' };

const ICAL_DAYS: Record<Weekday, string> = { mon: 'MO', tue: 'TU', wed: 'WE', thu: 'TH', fri: 'FR', sat: 'SA', sun: 'SU' };
const WEEK = Object.keys(ICAL_DAYS) as Weekday[];

type Row = Record<string, unknown> & { id: string };

export interface HsdsDocument {
  hsds_version: string;
  description?: string;
  /** Opening times in `schedules` are wall-clock times in this IANA zone. */
  timezone?: string;
  organizations: Row[];
  services: Row[];
  locations: Row[];
  service_at_location: Row[];
  phones: Row[];
  schedules: Row[];
  languages: Row[];
  addresses: Row[];
  cost_options: Row[];
  attributes: Row[];
  taxonomy_terms: Row[];
}

/** What the export keeps on each service beyond HSDS. */
export interface SafeStationExtension {
  content_id: string;
  /** Only on invented example data. */
  sample?: boolean;
  /** ISO code in lower case; HSDS keeps the country only in an address, which many services lack. */
  country: string;
  status: ServiceData['status'];
  organisation: LocalizedText;
  description: LocalizedText;
  verified?: { method: string; source: string };
  sources: string[];
  phones: { number: string; free?: boolean; from?: string; note?: LocalizedText }[];
  near_stations: { id: string; name: string }[];
}

/** A UUID (version 5, RFC 4122) derived from a name, so exports are stable between builds. */
export function nameUuid(name: string): string {
  const hash = createHash('sha1').update(`safe-station:${name}`).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export interface ExportInput {
  country: { code: string; timezone: string };
  services: readonly { id: string; data: ServiceData }[];
  /** The stations that list each service, by service id. */
  stations?: ReadonlyMap<string, readonly { id: string; name: string }[]>;
  /** English names of offers and audiences (the taxonomy terms' names). */
  labels?: { offers: Partial<Record<ServiceOffer, string>>; audience: Partial<Record<Audience, string>> };
  /** English names of language codes, e.g. code → "Ukrainian". */
  languageName?: (code: string) => string;
}

function scheduleRows(hours: Hours | undefined, serviceId: string, timezone: string): Row[] {
  if (!hours) return [];
  const spans = hours === '24/7' ? [{ days: WEEK, ...ALL_DAY }] : hours;
  return spans.map((span, index) => ({
    id: nameUuid(`schedule:${serviceId}:${index}`),
    service_id: nameUuid(`service:${serviceId}`),
    freq: 'WEEKLY',
    wkst: 'MO',
    byday: span.days.map((day) => ICAL_DAYS[day]).join(','),
    opens_at: span.opens,
    closes_at: span.closes,
    description: hours === '24/7' ? 'Open 24 hours, every day' : undefined,
    notes: `Local time in ${timezone}. A closing time before the opening time means the service is open past midnight.`,
  }));
}

function phoneRows(phones: readonly Phone[], serviceId: string): Row[] {
  return phones.flatMap((phone, index) => {
    const types = phone.kind === 'voice-and-sms' ? ['voice', 'text'] : [phone.kind === 'sms' ? 'text' : 'voice'];
    return types.map((type) => ({
      id: nameUuid(`phone:${serviceId}:${index}:${type}`),
      service_id: nameUuid(`service:${serviceId}`),
      number: phone.number,
      type,
      description: phone.note?.en,
    }));
  });
}

/** Drops undefined fields so the JSON stays small and HSDS validators see only real values. */
const clean = (row: Row): Row => Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined)) as Row;

export function toHsds(input: ExportInput): HsdsDocument {
  const { country } = input;
  const offerName = (offer: ServiceOffer) => input.labels?.offers[offer] ?? offer;
  const audienceName = (who: Audience) => input.labels?.audience[who] ?? who;
  const languageName = input.languageName ?? ((code: string) => code);
  const doc: HsdsDocument = {
    hsds_version: HSDS_VERSION,
    description: `Safe Station: services near railway stations in ${country.code.toUpperCase()}.${
      input.services.some((service) => service.data.sample) ? ' Services marked sample (safe_station.sample, and an alert) are invented examples, not real places.' : ''
    } Services found on public pages and not yet confirmed by a call have an alert saying so.`,
    timezone: country.timezone,
    organizations: [],
    services: [],
    locations: [],
    service_at_location: [],
    phones: [],
    schedules: [],
    languages: [],
    addresses: [],
    cost_options: [],
    attributes: [],
    taxonomy_terms: [],
  };
  const terms = new Map<string, Row>();
  const term = (taxonomy: string, code: string, name: string) => {
    const id = nameUuid(`term:${taxonomy}:${code}`);
    if (!terms.has(id)) terms.set(id, { id, code, name, description: `${name} (${taxonomy})`, taxonomy });
    return id;
  };

  for (const { id, data } of [...input.services].sort((a, b) => a.id.localeCompare(b.id))) {
    const serviceId = nameUuid(`service:${id}`);
    const organizationId = nameUuid(`organization:${id}`);
    const locationId = nameUuid(`location:${id}`);
    const name = data.organisation.en ?? '';
    const extension: SafeStationExtension = {
      content_id: id,
      // Only invented example data carries the flag; real services say nothing about samples.
      sample: data.sample ? true : undefined,
      country: data.country,
      status: data.status,
      organisation: data.organisation,
      description: data.description,
      verified: data.verified ? { method: data.verified.method, source: data.verified.source } : undefined,
      sources: data.sources,
      phones: data.phones.map((phone) => ({ number: phone.number, free: phone.free, from: phone.from, note: phone.note })),
      near_stations: [...(input.stations?.get(id) ?? [])],
    };
    doc.organizations.push(clean({ id: organizationId, name, description: data.description.en ?? name, website: data.website }));
    doc.services.push(
      clean({
        id: serviceId,
        organization_id: organizationId,
        name,
        description: data.description.en,
        url: data.website,
        status: data.sample ? 'inactive' : 'active',
        alert: data.sample ? SAMPLE_ALERT : data.status === 'unverified' ? UNVERIFIED_ALERT : undefined,
        eligibility_description: data.audience?.map(audienceName).join(', '),
        fees_description: data.free === undefined ? undefined : data.free ? 'Free of charge' : 'Charges may apply',
        assured_date: data.verified?.date,
        safe_station: clean(extension as unknown as Row),
      }),
    );
    // A location only where a source gives an address or coordinates: no made-up place for the others.
    if (data.location || data.address) {
      doc.locations.push(clean({ id: locationId, location_type: 'physical', organization_id: organizationId, name, latitude: data.location?.lat, longitude: data.location?.lon }));
      if (data.address) doc.addresses.push({ id: nameUuid(`address:${id}`), location_id: locationId, address_1: data.address, country: data.country.toUpperCase(), address_type: 'physical' });
      const nearStations = extension.near_stations.map((station) => station.name).join(', ');
      doc.service_at_location.push(
        clean({ id: nameUuid(`service_at_location:${id}`), service_id: serviceId, location_id: locationId, description: nearStations ? `Near ${nearStations} railway station` : undefined }),
      );
    }
    doc.phones.push(...phoneRows(data.phones, id).map(clean));
    doc.schedules.push(...scheduleRows(data.hours, id, country.timezone).map(clean));
    doc.languages.push(...(data.languages ?? []).map((code) => ({ id: nameUuid(`language:${id}:${code}`), service_id: serviceId, name: languageName(code), code })));
    if (data.free !== undefined) {
      doc.cost_options.push(clean({ id: nameUuid(`cost:${id}`), service_id: serviceId, amount: data.free ? 0 : undefined, option: data.free ? 'Free of charge' : 'Charges may apply' }));
    }
    const link = (taxonomyTermId: string, linkType: string) => ({ id: nameUuid(`attribute:${id}:${taxonomyTermId}`), link_id: serviceId, link_type: linkType, link_entity: 'service', taxonomy_term_id: taxonomyTermId });
    doc.attributes.push(...(data.offers ?? []).map((offer) => link(term(OFFER_TAXONOMY, offer, offerName(offer)), 'service_type')));
    doc.attributes.push(...(data.audience ?? []).map((who) => link(term(AUDIENCE_TAXONOMY, who, audienceName(who)), 'audience')));
  }
  doc.taxonomy_terms = [...terms.values()].sort((a, b) => String(a.taxonomy).localeCompare(String(b.taxonomy)) || String(a.code).localeCompare(String(b.code)));
  return doc;
}

// ── Import ──────────────────────────────────────────────────────────────────

export interface ImportOptions {
  /** Cited in `sources` and `verified.source` of services that do not carry their own. */
  source: string;
  /** Used when an address gives no country. */
  country?: string;
}

/** One service ready to be written as content/services/{id}.yaml (validated by the caller, like any content file). */
export interface ImportedService {
  id: string;
  /** The HSDS service's name, for messages. */
  name: string;
  data: Record<string, unknown>;
}

const asRows = (value: unknown): Row[] => (Array.isArray(value) ? value.filter((row): row is Row => typeof row === 'object' && row !== null && typeof (row as Row).id === 'string') : []);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : undefined);

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
    return days.length && opens && closes ? [{ days: WEEK.filter((day) => days.includes(day)), opens, closes }] : [];
  });
  if (spans.length === 0) return undefined;
  const coversEveryDay = WEEK.every((day) => spans.some((span) => span.days.includes(day) && span.opens === '00:00' && (span.closes === ALL_DAY.closes || span.closes === '24:00')));
  return coversEveryDay ? '24/7' : spans;
}

function phonesFrom(rows: readonly Row[], extension: Partial<SafeStationExtension> | undefined): Phone[] {
  const byNumber = new Map<string, Set<string>>();
  for (const row of rows) {
    const number = text(row.number)?.replace(/[\s().-]/g, '');
    const type = text(row.type) ?? 'voice';
    if (!number || !['voice', 'cell', 'text'].includes(type)) continue;
    if (!byNumber.has(number)) byNumber.set(number, new Set());
    byNumber.get(number)?.add(type === 'text' ? 'sms' : 'voice');
  }
  return [...byNumber].map(([number, kinds]) => {
    const extra = extension?.phones?.find((phone) => phone.number === number);
    const description = rows.find((row) => text(row.number)?.replace(/[\s().-]/g, '') === number && text(row.description))?.description;
    const kind = kinds.size === 2 ? 'voice-and-sms' : kinds.has('sms') ? 'sms' : 'voice';
    const note = extra?.note ?? (text(description) ? { en: text(description) as string } : undefined);
    return stripUndefined({ number, kind, free: extra?.free, from: extra?.from, note }) as Phone;
  });
}

/** English from the HSDS field first (the fallback every page needs), then the extension's translations. */
function withEnglish(english: string, translations: LocalizedText | undefined): LocalizedText {
  return { en: english, ...Object.fromEntries(Object.entries(translations ?? {}).filter(([lang]) => lang !== 'en')) };
}

/** An empty list says nothing: left out like any field a source does not give. */
const nonEmpty = <T>(list: T[]): T[] | undefined => (list.length > 0 ? list : undefined);
const stripUndefined = (value: Record<string, unknown>) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));

/** A file name from a provider's name: lower-case ASCII words joined by hyphens. */
export function slugFor(name: string): string {
  return foldForSearch(name).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'service';
}

/**
 * Services from an HSDS 3.0 document (the tables as arrays, as exported at
 * /data/hsds/{country}.json). Returns raw content data; the caller validates
 * it exactly as a hand-written file. `problems` names what could not be read.
 */
export function fromHsds(input: unknown, options: ImportOptions): { services: ImportedService[]; problems: string[] } {
  const doc = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const problems: string[] = [];
  const table = (name: string) => asRows(doc[name]);
  const organizations = new Map(table('organizations').map((row) => [row.id, row]));
  const locations = new Map(table('locations').map((row) => [row.id, row]));
  const terms = new Map(table('taxonomy_terms').map((row) => [row.id, row]));
  const rowsFor = (name: string, serviceId: string) => table(name).filter((row) => row.service_id === serviceId);
  const services = table('services');
  if (services.length === 0) problems.push('no "services" array with entries found; is this an HSDS 3.0 JSON export?');

  const used = new Set<string>();
  const imported = services.flatMap((service): ImportedService[] => {
    const extension = (typeof service.safe_station === 'object' && service.safe_station !== null ? service.safe_station : undefined) as Partial<SafeStationExtension> | undefined;
    const organization = organizations.get(String(service.organization_id));
    const name = text(service.name) ?? text(organization?.name);
    if (!name) {
      problems.push(`service ${service.id}: has no name (nor its organization); skipped`);
      return [];
    }
    const link = table('service_at_location').find((row) => row.service_id === service.id);
    const location = locations.get(String(link?.location_id)) ?? [...locations.values()].find((row) => row.organization_id === service.organization_id);
    const address = location ? table('addresses').find((row) => row.location_id === location.id) : undefined;
    const country = (text(address?.country) ?? text(extension?.country) ?? options.country ?? '').toLowerCase();
    const lat = num(location?.latitude);
    const lon = num(location?.longitude);

    const linkedTerms = table('attributes')
      .filter((row) => row.link_id === service.id)
      .map((row) => terms.get(String(row.taxonomy_term_id)) ?? (row.taxonomy_term as Row | undefined))
      .filter((row): row is Row => row !== undefined);
    const codesIn = <T extends string>(allowed: readonly T[], taxonomy: string) =>
      [...new Set(linkedTerms.filter((row) => row.taxonomy === taxonomy || allowed.includes(row.code as T)).map((row) => String(row.code)))].filter((code): code is T => allowed.includes(code as T));

    const schedules = [...rowsFor('schedules', service.id), ...(link ? table('schedules').filter((row) => row.service_at_location_id === link.id) : [])];
    const costs = rowsFor('cost_options', service.id);
    // A zero-cost option means free; cost options without one mean it is not free; none says nothing.
    const free = costs.length === 0 ? undefined : costs.some((row) => num(row.amount) === 0);
    const assured = text(service.assured_date);
    const verified = assured ? { date: assured, method: extension?.verified?.method ?? 'desk-research', source: extension?.verified?.source ?? options.source } : undefined;
    const description = text(service.description) ?? text(organization?.description) ?? name;

    let id = text(extension?.content_id) ?? `${country}/${slugFor(name)}`;
    for (let n = 2; used.has(id); n += 1) id = `${id.replace(/-\d+$/, '')}-${n}`;
    used.add(id);

    const data = stripUndefined({
      sample: extension?.sample ? true : undefined,
      status: extension?.status ?? 'unverified',
      country,
      organisation: withEnglish(name, extension?.organisation),
      description: withEnglish(description, extension?.description),
      offers: nonEmpty(codesIn(serviceOffer.options, OFFER_TAXONOMY)),
      audience: nonEmpty(codesIn(audienceSchema.options, AUDIENCE_TAXONOMY)),
      languages: nonEmpty([...new Set(rowsFor('languages', service.id).map((row) => text(row.code)?.toLowerCase()).filter((code): code is string => Boolean(code)))]),
      free,
      address: [text(address?.address_1), text(address?.address_2), text(address?.city)].filter(Boolean).join(', ') || undefined,
      location: lat !== undefined && lon !== undefined ? { lat, lon } : undefined,
      phones: phonesFrom(rowsFor('phones', service.id), extension),
      hours: hoursFrom(schedules),
      website: text(service.url) ?? text(organization?.website),
      verified,
      sources: extension?.sources?.length ? extension.sources : [options.source],
    });
    return [{ id, name, data }];
  });
  return { services: imported, problems };
}
