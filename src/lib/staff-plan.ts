/**
 * The crisis response plan resolved for one station: for each role in a
 * situation's call order, the station's internal contacts (maybe still "to be
 * filled in") and the country's public contacts for that role. Plus the checks
 * staff content needs across files. Pure logic: used by the staff build and
 * its tests only.
 */
import type { ContactData, ContactPurpose } from '../schemas/contact';
import type { InternalContact, StaffRole, StationStaffData } from '../schemas/staff';
import type { ContentProblem, ContentSet, Entry } from './content-check';
import { phoneProblem } from './phone';

export interface PublicContact {
  readonly id: string;
  readonly data: ContactData;
}

/** The country's contact lists, as the site model holds them. */
export interface CountryContacts {
  readonly emergency: readonly PublicContact[];
  readonly antiTrafficking: readonly PublicContact[];
  readonly helplines: readonly PublicContact[];
}

export interface ResolvedRole {
  readonly role: StaffRole;
  /** From the station's staff file; `status: template` ones have no number yet. */
  readonly internal: readonly InternalContact[];
  /** From the country's public contacts. */
  readonly public: readonly PublicContact[];
}

const withPurpose = (contacts: readonly PublicContact[], purpose: ContactPurpose) =>
  contacts.filter((c) => c.data.purposes.includes(purpose));

/** The country's public contacts that answer for a role. */
export function publicContactsForRole(role: StaffRole, country: CountryContacts): PublicContact[] {
  const all = [...country.emergency, ...country.antiTrafficking, ...country.helplines];
  switch (role) {
    case 'emergency':
      return withPurpose(country.emergency, 'emergency');
    case 'police': {
      // A police number where the country has one; otherwise the emergency number reaches the police.
      const police = withPurpose(all, 'police');
      return police.length > 0 ? police : withPurpose(country.emergency, 'emergency');
    }
    case 'anti-trafficking':
      return [...country.antiTrafficking];
    case 'child-protection':
      return withPurpose(all, 'children');
    case 'missing-person':
      return withPurpose(all, 'missing-children');
    default:
      return [];
  }
}

export function resolveRole(
  role: StaffRole,
  country: CountryContacts,
  station: StationStaffData | undefined,
): ResolvedRole {
  return {
    role,
    internal: station?.contacts.filter((c) => c.role === role) ?? [],
    public: publicContactsForRole(role, country),
  };
}

/** Every role the plan calls, once, in the order it first appears: the station's contact sheet. */
export function rolesInCallOrder(
  situations: readonly { call: readonly { role: StaffRole }[] }[],
): StaffRole[] {
  return [...new Set(situations.flatMap((s) => s.call.map((step) => step.role)))];
}

/** True when a role has no number at all yet: internal ones are templates or missing, and no public one stands in. */
export function needsFillingIn(resolved: ResolvedRole): boolean {
  return resolved.public.length === 0 && resolved.internal.every((c) => c.phones.length === 0);
}

/** The languages a checklist is printed in for a country: the country's first language it has, then English. */
export function checklistLanguages(
  available: Readonly<Record<string, string>>,
  countryLanguages: readonly string[],
): string[] {
  const local = countryLanguages.find((lang) => lang in available);
  return [...new Set([local, 'en'].filter((lang): lang is string => Boolean(lang)))];
}

export interface StaffContentSet {
  readonly stations: readonly Entry<StationStaffData>[];
}

/** Cross-file checks: each staff file names a real station, and its numbers are valid for that country. */
export function checkStaffContent(
  staff: StaffContentSet,
  content: Pick<ContentSet, 'stations'>,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const stations = new Map(content.stations.map((entry) => [entry.id, entry]));
  for (const entry of staff.stations) {
    const station = stations.get(entry.id);
    if (!station) {
      problems.push({
        file: entry.file,
        field: '(file name)',
        message: `no station "${entry.id}" in content/stations/; name the file after the station's file (e.g. ro/bucuresti-nord.yaml)`,
      });
      continue;
    }
    entry.data.contacts.forEach((contact, index) =>
      contact.phones.forEach((phone, phoneIndex) => {
        const problem = phoneProblem(phone.number, station.data.country);
        if (problem)
          problems.push({
            file: entry.file,
            field: `contacts.${index}.phones.${phoneIndex}.number`,
            message: problem,
          });
      }),
    );
  }
  return problems;
}

/** What the staff build should tell its editors, without stopping: stations with no staff file, numbers still to fill in. */
export function staffWarnings(
  staff: StaffContentSet,
  content: Pick<ContentSet, 'stations'>,
): ContentProblem[] {
  const have = new Set(staff.stations.map((entry) => entry.id));
  const warnings: ContentProblem[] = content.stations
    .filter((station) => !have.has(station.id))
    .map((station) => ({
      file: `content/staff/stations/${station.id}.yaml`,
      field: '(file)',
      message:
        'missing: the plan prints every internal contact as "to be filled in"; copy another station\'s file to start',
    }));
  const templates = staff.stations.reduce(
    (count, entry) => count + entry.data.contacts.filter((c) => c.status === 'template').length,
    0,
  );
  if (templates > 0)
    warnings.push({
      file: 'content/staff/stations/',
      field: 'contacts',
      message: `${templates} internal contact(s) are templates with no number; the plans print them as "to be filled in"`,
    });
  return warnings;
}
