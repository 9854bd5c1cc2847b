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
 * No file system; ids are name-based UUIDs (v5, node:crypto) so the same
 * content always exports the same ids. This file holds what both directions
 * share; export.ts and import.ts each hold one direction.
 */
import { createHash } from 'node:crypto';
import type { LocalizedText, Weekday } from '../schemas/common';
import type { ServiceData } from '../schemas/service';

export const HSDS_VERSION = '3.0';
export const OFFER_TAXONOMY = 'safe-station-offer';
export const AUDIENCE_TAXONOMY = 'safe-station-audience';
export const UNVERIFIED_ALERT =
  'Not yet confirmed by a call: found on public pages (desk research). Call before sending anyone there.';
export const SAMPLE_ALERT =
  'SAMPLE DATA: an invented provider that demonstrates the directory. It is not a real place; do not send anyone there.';
/** HSDS's recommended signal for "open 24 hours" (closes_at 23:59). */
export const ALL_DAY = { opens: '00:00', closes: '23:59' };

export const ICAL_DAYS: Record<Weekday, string> = {
  mon: 'MO',
  tue: 'TU',
  wed: 'WE',
  thu: 'TH',
  fri: 'FR',
  sat: 'SA',
  sun: 'SU',
};
export const WEEK = Object.keys(ICAL_DAYS) as Weekday[];

export type Row = Record<string, unknown> & { id: string };

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
