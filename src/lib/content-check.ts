import type { ZodIssue } from 'zod';
import type { ContactData } from '../schemas/contact';
import type { CountryData } from '../schemas/country';
import type { ServiceData } from '../schemas/service';
import type { StationData } from '../schemas/station';
import { isInsideCountry, knownCountryBox } from './geo';
import { phoneProblem } from './phone';

/** One thing wrong with the content, said so that an NGO editor can fix it. */
export interface ContentProblem {
  readonly file: string;
  readonly field: string;
  readonly message: string;
}

export interface Entry<T> {
  /** Path below the collection folder without extension, e.g. "ro/bucuresti-nord". */
  readonly id: string;
  /** Path shown in messages, e.g. "content/stations/ro/bucuresti-nord.yaml". */
  readonly file: string;
  readonly data: T;
}

export interface ContentSet {
  readonly countries: readonly Entry<CountryData>[];
  readonly stations: readonly Entry<StationData>[];
  readonly contacts: readonly Entry<ContactData>[];
  readonly services: readonly Entry<ServiceData>[];
}

export interface CheckOptions {
  /** Languages the site has translations for; station and poster languages must be among them. */
  readonly siteLanguages: readonly string[];
  /** Dates after this are rejected as typos. */
  readonly today: string;
}

export function formatProblem(problem: ContentProblem): string {
  return `${problem.file} → ${problem.field}: ${problem.message}`;
}

/** Thrown when content cannot be published; its message lists every problem. */
export class ContentError extends Error {
  constructor(readonly problems: readonly ContentProblem[]) {
    super(
      `Content has ${problems.length} problem(s); nothing was built.\n${problems.map((p) => `  ✗ ${formatProblem(p)}`).join('\n')}`,
    );
    this.name = 'ContentError';
  }
}

export function problemsFromZod(file: string, issues: readonly ZodIssue[]): ContentProblem[] {
  return issues.map((issue) => ({
    file,
    field: issue.path.join('.') || '(whole file)',
    message: explainZodIssue(issue),
  }));
}

function explainZodIssue(issue: ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.received === 'undefined'
        ? `this field is required; add it (expected ${issue.expected})`
        : `expected ${issue.expected} but found ${issue.received}; correct the value`;
    case 'unrecognized_keys':
      return `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}; remove them or check the spelling`;
    case 'invalid_enum_value':
      return `"${String(issue.received)}" is not allowed; use one of: ${issue.options.join(', ')}`;
    default:
      return issue.message;
  }
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Checks that zod cannot do on one file alone: references between files,
 * uniqueness, phone numbers per country, coordinates per country, languages.
 */
export function checkContent(content: ContentSet, options: CheckOptions): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const report = (entry: Entry<unknown>, field: string, message: string) =>
    problems.push({ file: entry.file, field, message });

  const countries = new Map(content.countries.map((entry) => [entry.data.code, entry]));
  const contacts = new Map(content.contacts.map((entry) => [entry.id, entry]));
  const services = new Map(content.services.map((entry) => [entry.id, entry]));
  const siteLanguages = new Set(options.siteLanguages);

  const checkCountryExists = (entry: Entry<unknown>, field: string, code: string) => {
    if (!countries.has(code))
      report(
        entry,
        field,
        `no country "${code}" in content/countries/; add content/countries/${code}.yaml or correct the code`,
      );
  };
  const checkSiteLanguages = (entry: Entry<unknown>, field: string, codes: readonly string[]) => {
    codes.forEach((code, index) => {
      if (!siteLanguages.has(code)) {
        report(
          entry,
          `${field}.${index}`,
          `"${code}" is not a site language; use one of ${[...siteLanguages].join(', ')} or add the language to src/lib/languages.ts`,
        );
      }
    });
  };
  const checkDate = (entry: Entry<unknown>, field: string, date: string | undefined) => {
    if (date && date > options.today)
      report(entry, field, `${date} is in the future; write the date the facts were last checked`);
  };
  const checkSlug = (entry: Entry<unknown>) => {
    const slug = entry.id.split('/').pop() ?? '';
    if (!SLUG.test(slug))
      report(
        entry,
        '(file name)',
        `"${slug}" is used in the web address; rename the file with lower-case ASCII letters, digits and hyphens (e.g. bucuresti-nord.yaml)`,
      );
  };
  /** A contact, service or station: in an existing country, in that country's folder, with a usable file name. */
  const checkFiledUnderCountry = (entry: Entry<unknown>, country: string, folder: string, what: string) => {
    checkCountryExists(entry, 'country', country);
    checkSlug(entry);
    if (!entry.id.startsWith(`${country}/`))
      report(
        entry,
        'country',
        `${what} "${country}" belongs in content/${folder}/${country}/; move the file there`,
      );
  };
  const checkPhones = (entry: Entry<unknown>, phones: readonly { number: string }[], country: string) => {
    phones.forEach((phone, index) => {
      const problem = phoneProblem(phone.number, country);
      if (problem) report(entry, `phones.${index}.number`, problem);
    });
  };
  /** Each id once in `ids`: the page would show it twice, with the same element id. */
  const checkListedOnce = (
    entry: Entry<unknown>,
    lists: readonly (readonly [field: string, ids: readonly string[]])[],
    already = new Map<string, string>(),
  ) => {
    for (const [field, ids] of lists) {
      ids.forEach((id, index) => {
        const first = already.get(id);
        if (first)
          report(
            entry,
            `${field}.${index}`,
            `"${id}" is already listed in ${first}; each contact or service appears once on a page, so remove this one`,
          );
        else already.set(id, `${field}.${index}`);
      });
    }
    return already;
  };
  const checkPoint = (
    entry: Entry<unknown>,
    field: string,
    point: { lat: number; lon: number },
    country: string,
  ) => {
    if (knownCountryBox(country) && !isInsideCountry(point, country)) {
      report(
        entry,
        field,
        `${point.lat}, ${point.lon} is not inside ${country.toUpperCase()}; check that latitude and longitude are not swapped and that the signs are right`,
      );
    }
  };

  for (const entry of content.countries) {
    const expectedId = entry.data.code;
    if (entry.id !== expectedId)
      report(entry, 'code', `the file name must match the code; rename the file to ${expectedId}.yaml`);
    checkSiteLanguages(entry, 'posterLanguages', entry.data.posterLanguages);
    checkListedOnce(entry, [
      ['emergency', entry.data.emergency],
      ['antiTrafficking', entry.data.antiTrafficking],
      ['helplines', entry.data.helplines],
    ]);
    for (const field of ['emergency', 'antiTrafficking', 'helplines'] as const) {
      entry.data[field].forEach((id, index) => {
        const contact = contacts.get(id);
        if (!contact)
          report(
            entry,
            `${field}.${index}`,
            `no contact "${id}"; create content/contacts/${id}.yaml or correct the reference`,
          );
        else if (contact.data.country !== entry.data.code)
          report(
            entry,
            `${field}.${index}`,
            `"${id}" belongs to ${contact.data.country.toUpperCase()}, not ${entry.data.code.toUpperCase()}`,
          );
      });
    }
  }

  for (const entry of content.contacts) {
    checkFiledUnderCountry(entry, entry.data.country, 'contacts', 'a contact for');
    checkPhones(entry, entry.data.phones, entry.data.country);
    checkDate(entry, 'verified.date', entry.data.verified.date);
  }

  const codes = new Map<string, Entry<StationData>>();
  for (const entry of content.stations) {
    const { data } = entry;
    checkFiledUnderCountry(entry, data.country, 'stations', 'a station in');
    if (!data.code.startsWith(`${data.country.toUpperCase()}-`))
      report(
        entry,
        'code',
        `short code "${data.code}" must start with the country, "${data.country.toUpperCase()}-"`,
      );
    const clash = codes.get(data.code);
    if (clash)
      report(
        entry,
        'code',
        `short code "${data.code}" is already used by ${clash.file}; codes are printed on posters, so pick a new one`,
      );
    codes.set(data.code, entry);
    checkPoint(entry, 'location', data.location, data.country);
    checkSiteLanguages(entry, 'languages', data.languages);
    data.officialHelpers.forEach((helper, index) =>
      checkDate(entry, `officialHelpers.${index}.verified.date`, helper.verified.date),
    );
    const country = countries.get(data.country)?.data;
    const national = new Map(
      country
        ? [...country.emergency, ...country.antiTrafficking, ...country.helplines].map((id) => [
            id,
            `content/countries/${data.country}.yaml`,
          ])
        : [],
    );
    checkListedOnce(entry, [['contacts', data.contacts]], national);
    checkListedOnce(entry, [['services', data.services]]);
    data.contacts.forEach((id, index) => {
      if (!contacts.has(id))
        report(
          entry,
          `contacts.${index}`,
          `no contact "${id}"; create content/contacts/${id}.yaml or correct the reference`,
        );
    });
    data.services.forEach((id, index) => {
      const service = services.get(id);
      if (!service)
        report(
          entry,
          `services.${index}`,
          `no service "${id}"; create content/services/${id}.yaml or correct the reference`,
        );
      else if (service.data.country !== data.country)
        report(
          entry,
          `services.${index}`,
          `"${id}" is in ${service.data.country.toUpperCase()}, not ${data.country.toUpperCase()}`,
        );
    });
  }

  for (const entry of content.services) {
    checkFiledUnderCountry(entry, entry.data.country, 'services', 'a service in');
    if (entry.data.location) checkPoint(entry, 'location', entry.data.location, entry.data.country);
    checkPhones(entry, entry.data.phones, entry.data.country);
    checkDate(entry, 'verified.date', entry.data.verified?.date);
  }

  return problems;
}

/**
 * What must never reach a public build: invented example services
 * (`sample: true`). Tests build them only with SAMPLE_DATA=1 from
 * tests/fixtures/content/samples/.
 */
export function publishProblems(content: ContentSet, options: { allowSamples: boolean }): ContentProblem[] {
  if (options.allowSamples) return [];
  return content.services
    .filter((entry) => entry.data.sample)
    .map((entry) => ({
      file: entry.file,
      field: 'sample',
      message:
        'sample data would be published; move the file to tests/fixtures/content/samples/ (tests build it with SAMPLE_DATA=1) or replace it with a real, sourced provider',
    }));
}

/** Facts that may be published but need a person's attention (shown by the build, not fatal). */
export function contentWarnings(content: ContentSet): ContentProblem[] {
  const warnings: ContentProblem[] = [];
  for (const entry of content.contacts) {
    if (entry.data.status === 'unverified')
      warnings.push({
        file: entry.file,
        field: 'status',
        message: 'unverified: shown with a warning; confirm it and set status: confirmed',
      });
  }
  // Desk-researched providers are all unverified until someone calls: one line, not one per file.
  const unverifiedServices = content.services.filter((entry) => entry.data.status === 'unverified').length;
  if (unverifiedServices > 0) {
    warnings.push({
      file: 'content/services/',
      field: 'status',
      message: `${unverifiedServices} service(s) unverified: shown with a warning; call each, then set status: confirmed`,
    });
  }
  const deskResearched = content.contacts.filter(
    (entry) => entry.data.verified.method === 'desk-research',
  ).length;
  if (deskResearched > 0) {
    warnings.push({
      file: 'content/contacts/',
      field: 'verified.method',
      message: `${deskResearched} contact(s) were checked on public pages only; call each number before posters are printed`,
    });
  }
  return warnings;
}
