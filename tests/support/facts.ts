import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ContentSet } from '../../src/lib/content-check';
import type { Hours, OpeningSpan, Weekday } from '../../src/schemas/common';

/**
 * The sourced facts beside the repository (../shared/facts/ from its root, as
 * CI checks it out), parsed from their Markdown tables so tests can hold the
 * content to them: helplines.md sections A1, A2 and D (D overrides A), and the
 * source list of providers.md (P1–P183).
 */
export const FACTS_DIR = fileURLToPath(new URL('../../../shared/facts/', import.meta.url));
export const factsAvailable =
  existsSync(`${FACTS_DIR}helplines.md`) && existsSync(`${FACTS_DIR}providers.md`);

const COUNTRIES: Record<string, { code: string; callingCode: string }> = {
  romania: { code: 'ro', callingCode: '40' },
  ro: { code: 'ro', callingCode: '40' },
  uk: { code: 'gb', callingCode: '44' },
  germany: { code: 'de', callingCode: '49' },
  de: { code: 'de', callingCode: '49' },
  netherlands: { code: 'nl', callingCode: '31' },
  nl: { code: 'nl', callingCode: '31' },
  poland: { code: 'pl', callingCode: '48' },
  pl: { code: 'pl', callingCode: '48' },
  hungary: { code: 'hu', callingCode: '36' },
  hu: { code: 'hu', callingCode: '36' },
  bulgaria: { code: 'bg', callingCode: '359' },
  bg: { code: 'bg', callingCode: '359' },
  spain: { code: 'es', callingCode: '34' },
  italy: { code: 'it', callingCode: '39' },
  france: { code: 'fr', callingCode: '33' },
  ukraine: { code: 'ua', callingCode: '380' },
  ua: { code: 'ua', callingCode: '380' },
};

/** What the facts say about one number: each field only when a line says it. */
export interface NumberFact {
  readonly country: string;
  readonly number: string;
  /** '24/7'; opening spans; 'unknown' when the facts call the hours unconfirmed or not stated. */
  hours?: Hours | 'unknown';
  free?: boolean;
  /** false: the facts say the number is not in service (A2 ✘). */
  inService?: boolean;
  /** Where each statement comes from, for messages ("A1", "D"). */
  readonly from: Set<string>;
}

type Statements = Pick<NumberFact, 'hours' | 'free' | 'inService'>;

const DAY_NAMES: Record<string, Weekday> = {
  mon: 'mon',
  tue: 'tue',
  wed: 'wed',
  thu: 'thu',
  fri: 'fri',
  sat: 'sat',
  sun: 'sun',
};
const WEEK: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const pad = (value: string | undefined) => (value ?? '00').padStart(2, '0');

/** Day ranges ("Mon–Fri", "Tue/Thu", "daily") followed by a time range ("09:00–17:00", "09–19"). */
function openingSpans(text: string): OpeningSpan[] {
  const spans: OpeningSpan[] = [];
  const pattern =
    /\b(daily|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*(?:\s*[–\-/,]\s*(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)*)\s+(\d{1,2})(?::(\d{2}))?\s*[–-]\s*(\d{1,2})(?::(\d{2}))?/gi;
  for (const match of text.matchAll(pattern)) {
    const [, dayText = '', openH, openM, closeH, closeM] = match;
    let days: Weekday[];
    if (/^daily$/i.test(dayText)) days = [...WEEK];
    else {
      days = [];
      for (const part of dayText.toLowerCase().split(/\s*[/,]\s*/)) {
        const [from, to] = part.split(/\s*[–-]\s*/).map((name) => DAY_NAMES[name.slice(0, 3)]);
        if (!from) continue;
        if (!to) days.push(from);
        else for (let i = WEEK.indexOf(from); i <= WEEK.indexOf(to); i += 1) days.push(WEEK[i] as Weekday);
      }
    }
    spans.push({ days, opens: `${pad(openH)}:${pad(openM)}`, closes: `${pad(closeH)}:${pad(closeM)}` });
  }
  return spans;
}

/** Hours and cost as one cell of the facts states them. */
export function statementsIn(text: string): Statements {
  const statements: Statements = {};
  if (/not (a )?free(phone)?\b|not free/i.test(text)) statements.free = false;
  else if (/\bfree\b/i.test(text)) statements.free = true;
  const spans = openingSpans(text);
  if (/unconfirmed|not stated/i.test(text)) statements.hours = 'unknown';
  else if (spans.length > 0) statements.hours = spans;
  else if (/(?<!not )24\/7|round the clock|24 hours a day|non-?stop/i.test(text)) statements.hours = '24/7';
  return statements;
}

/** Phone numbers in a cell, as content writes them: E.164, or the digits of a short code. */
export function numbersIn(text: string, callingCode: string): string[] {
  const found: string[] = [];
  const cleaned = text.replace(/\[[^\]]*\]/g, ' ').replace(/\d{4}-\d{2}(-\d{2})?/g, ' ');
  for (const match of cleaned.matchAll(/\+\d[\d ]*\d|\b0\d[\d ]*\d|\b\d{3}(?: \d{3})?\b/g)) {
    const digits = match[0].replace(/ /g, '');
    if (digits.startsWith('+')) found.push(digits);
    else if (digits.startsWith('0')) found.push(`+${callingCode}${digits.slice(1)}`);
    else found.push(digits);
  }
  return found;
}

const cells = (line: string) =>
  line
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim());
const tableRows = (section: string) =>
  section.split('\n').filter((line) => line.startsWith('|') && !/^\|[\s|:-]+\|$/.test(line));

function section(markdown: string, heading: RegExp): string {
  const start = markdown.search(heading);
  if (start < 0)
    throw new Error(`helplines.md: section ${heading} not found; has the facts file changed shape?`);
  const rest = markdown.slice(start + 1);
  const end = rest.search(/\n#{2,3} /);
  return end < 0 ? rest : rest.slice(0, end);
}

export interface HelplineFacts {
  /** Section A (A1 and A2) and section D, keyed "country:number". */
  readonly a: Map<string, NumberFact>;
  readonly d: Map<string, NumberFact>;
}

function record(
  map: Map<string, NumberFact>,
  country: string,
  number: string,
  statements: Statements,
  from: string,
): void {
  const key = `${country}:${number}`;
  const fact = map.get(key) ?? { country, number, from: new Set<string>() };
  for (const name of ['hours', 'free', 'inService'] as const)
    if (statements[name] !== undefined && fact[name] === undefined)
      Object.assign(fact, { [name]: statements[name] });
  fact.from.add(from);
  map.set(key, fact);
}

/** Parses the tables of helplines.md sections A1, A2 and D. */
export function parseHelplineFacts(markdown: string): HelplineFacts {
  const a = new Map<string, NumberFact>();
  const d = new Map<string, NumberFact>();

  // A1: Country | Helpline / operator | Number | Hours · languages · cost | Src. An empty country cell continues the one above.
  const a1Rows: { country: string; operator: string; numbers: string[] }[] = [];
  let a1Country: (typeof COUNTRIES)[string] | undefined;
  for (const row of tableRows(section(markdown, /### A1\./)).slice(1)) {
    const [countryCell = '', operator = '', numberCell = '', hoursCell = ''] = cells(row);
    if (countryCell) a1Country = COUNTRIES[countryCell.toLowerCase()];
    if (!a1Country) continue;
    const rowStatements = statementsIn(hoursCell);
    const numbers: string[] = [];
    for (const part of numberCell.split(';')) {
      const partNumbers = numbersIn(part, a1Country.callingCode);
      numbers.push(...partNumbers);
      for (const number of partNumbers)
        record(
          a,
          a1Country.code,
          number,
          { ...statementsIn(part.replace(/\+?\d[\d ]*\d/g, '')), ...rowStatements },
          'A1',
        );
    }
    a1Rows.push({ country: a1Country.code, operator, numbers });
  }

  // A2: one row per country, one column per number; ✔ in service (with what the cell says), ✘ not in service.
  const [header, ...a2Rows] = tableRows(section(markdown, /### A2\./));
  const columns = cells(header ?? '');
  for (const row of a2Rows) {
    const [countryCell = '', ...values] = cells(row);
    const country = COUNTRIES[countryCell.toLowerCase()];
    if (!country) continue;
    values.forEach((value, index) => {
      const column = columns[index + 1] ?? '';
      if (index === 0) {
        for (const part of value.split(';'))
          for (const number of numbersIn(part, country.callingCode))
            record(a, country.code, number, statementsIn(part), 'A2');
        return;
      }
      const number = column
        .match(/^(\d{3}) (\d{3})/)
        ?.slice(1)
        .join('');
      if (!number) return;
      if (value.includes('✘')) record(a, country.code, number, { inService: false }, 'A2');
      else if (value.includes('✔'))
        record(a, country.code, number, { inService: true, ...statementsIn(value) }, 'A2');
    });
  }

  // D: item | was | now | source. Numbers come from the item or the "now" text; a row naming no number
  // (e.g. "NL CoMensha") applies to the A1 line of the operator it names.
  for (const row of tableRows(section(markdown, /## D\./)).slice(1)) {
    const [item = '', , now = ''] = cells(row);
    const [code = '', firstWord = ''] = item.split(/\s+/);
    const country = COUNTRIES[code.toLowerCase()];
    if (!country) continue;
    let itemNumbers = numbersIn(item, country.callingCode);
    if (itemNumbers.length === 0 && numbersIn(now, country.callingCode).length === 0) {
      itemNumbers =
        a1Rows.find((line) => line.country === country.code && line.operator.includes(firstWord))?.numbers ??
        [];
    }
    let current = itemNumbers;
    for (const part of now.split(';')) {
      const partNumbers = numbersIn(part, country.callingCode);
      if (partNumbers.length > 0) current = partNumbers;
      for (const number of current) record(d, country.code, number, statementsIn(part), 'D');
    }
  }
  return { a, d };
}

/** What the facts say about a number: section D where it says it, else section A. */
export function factFor(facts: HelplineFacts, country: string, number: string): NumberFact | undefined {
  const fromA = facts.a.get(`${country}:${number}`);
  const fromD = facts.d.get(`${country}:${number}`);
  if (!fromA && !fromD) return undefined;
  return {
    country,
    number,
    hours: fromD?.hours ?? fromA?.hours,
    free: fromD?.free ?? fromA?.free,
    inService: fromD ? true : fromA?.inService,
    from: new Set([...(fromA?.from ?? []), ...(fromD?.from ?? [])]),
  };
}

const spanKey = (span: OpeningSpan) =>
  `${[...span.days].sort((x, y) => WEEK.indexOf(x) - WEEK.indexOf(y)).join(',')} ${span.opens}-${span.closes}`;
const hoursKey = (hours: Hours) => (hours === '24/7' ? '24/7' : hours.map(spanKey).sort().join('; '));

export interface Comparison {
  /** Numbers in content that the facts list (so were compared). */
  readonly compared: number;
  readonly mismatches: string[];
}

/** True when a table row of providers.md holds the number (written there in E.164 or as a short code). */
export function inProviderTables(providers: string, number: string): boolean {
  return providers
    .split('\n')
    .some((line) => line.startsWith('|') && line.replace(/[\s"()]/g, '').includes(number));
}

/**
 * Compares every phone number, hours and "free" flag of the content's contacts
 * with the facts that list the number. A number in neither helplines.md nor
 * the tables of providers.md (a typo, or a number from memory) is a mismatch.
 */
export function compareContactsWithFacts(
  content: Pick<ContentSet, 'contacts'>,
  facts: HelplineFacts,
  providers: string,
): Comparison {
  const mismatches: string[] = [];
  let compared = 0;
  for (const contact of content.contacts) {
    for (const phone of contact.data.phones) {
      const fact = factFor(facts, contact.data.country, phone.number);
      if (!fact) {
        if (!inProviderTables(providers, phone.number))
          mismatches.push(
            `${contact.file} ${phone.number}: in neither helplines.md nor providers.md; check the digits against the source`,
          );
        continue;
      }
      compared += 1;
      const where = `${contact.file} ${phone.number} (facts ${[...fact.from].join('+')})`;
      if (fact.inService === false) mismatches.push(`${where}: the facts say this number is not in service`);
      if (phone.free === true && fact.free !== true)
        mismatches.push(`${where}: marked free, but the facts do not say it is free`);
      if (fact.free === true && phone.free !== true)
        mismatches.push(`${where}: the facts say it is free; set free: true`);
      if (fact.free === false && phone.free === true)
        mismatches.push(`${where}: the facts say it is not a free call`);
      if (fact.hours === 'unknown' && contact.data.hours)
        mismatches.push(
          `${where}: hours ${hoursKey(contact.data.hours)}, but the facts say they are unconfirmed`,
        );
      if (fact.hours && fact.hours !== 'unknown') {
        const expected = hoursKey(fact.hours);
        const shown = contact.data.hours ? hoursKey(contact.data.hours) : undefined;
        // Hours of one number among several may live in that number's note ("Tuesday and Thursday 16:00-20:00").
        const inNote =
          fact.hours !== '24/7' &&
          fact.hours.every((span) => phone.note?.en?.includes(`${span.opens}-${span.closes}`));
        if (shown !== expected && !inNote)
          mismatches.push(`${where}: hours ${shown ?? '(none)'}, the facts say ${expected}`);
      }
    }
  }
  return { compared, mismatches };
}

/** The P-numbers of providers.md's source list (P1–P183). */
export function providerSourceIds(markdown: string): Set<string> {
  return new Set([...markdown.matchAll(/^- (P\d+) https?:\/\//gm)].map((match) => match[1] as string));
}

export const readFacts = (name: 'helplines.md' | 'providers.md') =>
  readFileSync(`${FACTS_DIR}${name}`, 'utf8');
