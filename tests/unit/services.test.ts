import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importHsdsFile, writeFilesAtomically } from '../../src/hsds/import-files';
import { sampleContentCopy } from '../support/sample-site';
import { readContent } from '../../src/data/read-content';
import { bearingDegrees, compassPoint, distanceMetres, nearestFirst } from '../../src/lib/geo';
import { nameUuid } from '../../src/hsds/format';
import { toHsds } from '../../src/hsds/export';
import { fromHsds } from '../../src/hsds/import';
import { ALL_LANGUAGE_CODES } from '../../src/lib/languages';
import { layoutMiniMap, niceScaleMetres } from '../../src/lib/mini-map';
import { isOpenAt, openNow, wallClock } from '../../src/lib/open-now';
import {
  filtersFromQuery,
  filtersToQuery,
  matchesFilters,
  type FilterFacts,
} from '../../src/lib/service-filters';
import type { Hours } from '../../src/schemas/common';
import type { ServiceData } from '../../src/schemas/service';
import { syntheticHsdsDirectory } from '../../src/node/hsds-directory';

const at = (iso: string) => new Date(iso);

describe('open now, by the station clock', () => {
  const office: Hours = [
    { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], opens: '09:00', closes: '17:00' },
  ];

  it('follows daylight saving in spring: the same UTC time is 08:30 before and 09:30 after the change', () => {
    // Europe/Bucharest moves from UTC+2 to UTC+3 at 01:00 UTC on Sunday 29 March 2026.
    expect(wallClock(at('2026-03-28T06:30:00Z'), 'Europe/Bucharest')).toEqual({
      day: 'sat',
      minutes: 8 * 60 + 30,
    });
    expect(isOpenAt(office, 'Europe/Bucharest', at('2026-03-28T06:30:00Z'))).toBe(false);
    expect(wallClock(at('2026-03-29T06:30:00Z'), 'Europe/Bucharest')).toEqual({
      day: 'sun',
      minutes: 9 * 60 + 30,
    });
    expect(isOpenAt(office, 'Europe/Bucharest', at('2026-03-29T06:30:00Z'))).toBe(true);
  });

  it('follows daylight saving in autumn', () => {
    // Back to UTC+2 at 01:00 UTC on Sunday 25 October 2026.
    expect(isOpenAt(office, 'Europe/Bucharest', at('2026-10-24T06:30:00Z'))).toBe(true);
    expect(isOpenAt(office, 'Europe/Bucharest', at('2026-10-25T06:30:00Z'))).toBe(false);
    // London: 16:30 BST on Saturday is 15:30 UTC; a day after the change, 16:30 UTC is 16:30 GMT.
    expect(isOpenAt(office, 'Europe/London', at('2026-10-24T15:30:00Z'))).toBe(true);
    expect(isOpenAt(office, 'Europe/London', at('2026-10-25T16:30:00Z'))).toBe(true);
    expect(isOpenAt(office, 'Europe/London', at('2026-10-25T17:00:00Z'))).toBe(false);
  });

  it("uses the station's time zone, not the visitor's", () => {
    const instant = at('2026-06-01T06:30:00Z');
    expect(isOpenAt(office, 'Europe/Bucharest', instant)).toBe(true); // 09:30
    expect(isOpenAt(office, 'Europe/London', instant)).toBe(false); // 07:30
  });

  it('keeps overnight hours open past midnight into the next day', () => {
    // Friday and Saturday nights, 20:00–06:00, in Berlin (UTC+1 in January). 2 January 2026 is a Friday.
    const nights: Hours = [{ days: ['fri', 'sat'], opens: '20:00', closes: '06:00' }];
    const berlin = (iso: string) => isOpenAt(nights, 'Europe/Berlin', at(iso));
    expect(berlin('2026-01-02T01:00:00Z')).toBe(false); // Fri 02:00: Thursday night is not listed
    expect(berlin('2026-01-02T18:59:00Z')).toBe(false); // Fri 19:59
    expect(berlin('2026-01-02T19:00:00Z')).toBe(true); // Fri 20:00
    expect(berlin('2026-01-02T23:30:00Z')).toBe(true); // Sat 00:30
    expect(berlin('2026-01-03T04:59:00Z')).toBe(true); // Sat 05:59
    expect(berlin('2026-01-03T05:00:00Z')).toBe(false); // Sat 06:00
    expect(berlin('2026-01-04T04:59:00Z')).toBe(true); // Sun 05:59, from Saturday night
    expect(berlin('2026-01-04T19:30:00Z')).toBe(false); // Sun 20:30
  });

  it('wraps from Sunday night into Monday, and treats 24:00 as the end of the day', () => {
    expect(
      isOpenAt(
        [{ days: ['sun'], opens: '22:00', closes: '02:00' }],
        'Europe/Warsaw',
        at('2026-01-05T00:30:00Z'),
      ),
    ).toBe(true); // Mon 01:30
    const evening: Hours = [{ days: ['mon'], opens: '18:00', closes: '24:00' }];
    expect(isOpenAt(evening, 'UTC', at('2026-01-05T23:59:00Z'))).toBe(true);
    expect(isOpenAt(evening, 'UTC', at('2026-01-06T00:00:00Z'))).toBe(false);
  });

  it('is always open for 24/7, and unknown without confirmed hours', () => {
    expect(isOpenAt('24/7', 'Europe/Sofia', at('2026-03-29T01:30:00Z'))).toBe(true);
    expect(openNow(undefined, 'Europe/Sofia', new Date())).toBeUndefined();
  });
});

describe('service filters', () => {
  it('read and write the URL query, keeping other parameters', () => {
    expect([...filtersFromQuery('?open=1&women=1&c=ro')]).toEqual(['open', 'women']);
    expect([...filtersFromQuery('?free=0&children=')]).toEqual([]);
    expect(filtersToQuery(new Set(['free', 'open'] as const), '?c=ro')).toBe('?c=ro&open=1&free=1');
    expect(filtersToQuery(new Set(), '?open=1')).toBe('');
    const all = filtersFromQuery('?open=1&speaks=1&women=1&children=1&free=1');
    expect(filtersFromQuery(filtersToQuery(all))).toEqual(all);
  });

  it('match services on every chosen filter', () => {
    const context = { lang: 'uk', timeZone: 'Europe/Bucharest', now: at('2026-06-01T10:00:00Z') }; // Monday 13:00 in Bucharest
    const shelter: FilterFacts = { languages: ['ro', 'uk'], audience: ['women'], free: true, hours: '24/7' };
    const family: FilterFacts = {
      languages: ['ro'],
      audience: ['families'],
      hours: [{ days: ['sat'], opens: '10:00', closes: '13:00' }],
    };
    const unknownHours: FilterFacts = { languages: ['uk'], audience: ['everyone'], free: true };
    const shown = (query: string) =>
      [shelter, family, unknownHours].filter((facts) =>
        matchesFilters(facts, filtersFromQuery(query), context),
      );
    expect(shown('')).toHaveLength(3);
    expect(shown('?open=1')).toEqual([shelter]);
    expect(shown('?speaks=1')).toEqual([shelter, unknownHours]);
    expect(shown('?women=1')).toEqual([shelter]);
    expect(shown('?children=1')).toEqual([family]);
    expect(shown('?free=1')).toEqual([shelter, unknownHours]);
    expect(shown('?free=1&children=1')).toEqual([]);
  });
});

describe('distance, bearing and the mini-map', () => {
  const station = { lat: 44.44637, lon: 26.07421 };
  const north = { lat: station.lat + 0.009, lon: station.lon };
  const east = { lat: station.lat, lon: station.lon + 0.0063 };

  it('measures distance and direction', () => {
    expect(distanceMetres(station, north)).toBeCloseTo(1001, -1);
    expect(compassPoint(bearingDegrees(station, north))).toBe('n');
    expect(compassPoint(bearingDegrees(station, east))).toBe('e');
    expect(
      compassPoint(bearingDegrees(station, { lat: station.lat - 0.003, lon: station.lon - 0.004 })),
    ).toBe('sw');
    expect(
      nearestFirst(station, [{ at: north }, { at: east }], (item) => item.at).map((entry) => entry.item.at),
    ).toEqual([east, north]);
  });

  it('places points by distance and bearing, north up, the farthest inside the margin', () => {
    const layout = layoutMiniMap(
      station,
      [
        { id: 'n', location: north },
        { id: 'e', location: east },
      ],
      320,
      30,
    );
    const [n, e] = layout.points;
    expect(n).toMatchObject({ id: 'n', x: 160, y: 30 });
    expect(e?.x).toBeGreaterThan(160 + 60);
    expect(e?.y).toBeCloseTo(160, 0);
    // 1 km fills 130 px, so the longest nice length within 128 px (40 % of 320) is 500 m.
    expect(layout.scale.metres).toBe(500);
    expect(layout.scale.pixels).toBeCloseTo(65, 0);
    expect(niceScaleMetres(740)).toBe(500);
    expect(niceScaleMetres(3)).toBe(10);
  });
});

// ── HSDS ────────────────────────────────────────────────────────────────────

const checks = { siteLanguages: ALL_LANGUAGE_CODES, today: '2099-12-31' };
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })), 60_000);

/** A copy of the shipped content with the sample services of the test fixture, in a temporary folder. */
function contentCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'hsds-'));
  made.push(root);
  return sampleContentCopy(root);
}

/** Every field the mapping handles, including those HSDS has no place for. */
const rich: ServiceData = {
  sample: true,
  status: 'unverified',
  country: 'ro',
  organisation: { en: 'Sample: Night shelter', uk: 'Зразок: нічний притулок' },
  description: { en: 'An example night shelter.', ro: 'Un exemplu de adăpost de noapte.' },
  offers: ['shelter', 'food', 'child-protection'],
  audience: ['women', 'children'],
  languages: ['ro', 'uk', 'ar'],
  free: false,
  address: 'Sample address, not a real place',
  location: { lat: 44.45, lon: 26.08 },
  phones: [
    {
      number: '116111',
      kind: 'voice-and-sms',
      free: true,
      from: 'inside',
      note: { en: 'Ask for the shelter', ro: 'Cereți adăpostul' },
    },
    { number: '116000', kind: 'sms' },
  ],
  hours: [
    { days: ['fri', 'sat'], opens: '20:00', closes: '06:00' },
    { days: ['mon', 'tue', 'wed', 'thu'], opens: '09:00', closes: '24:00' },
  ],
  website: 'https://example.org/shelter',
  verified: { date: '2026-11-20', method: 'phone-call', source: 'S99 test' },
  sources: ['Sample data for a test'],
};

/** A small directory as another tool might publish it: no Safe Station extension. */
const aidDirectory = {
  organizations: [
    { id: 'o1', name: 'Example Aid', description: 'Helps travellers.', website: 'https://aid.example.org' },
  ],
  services: [
    {
      id: 's1',
      organization_id: 'o1',
      name: 'Example Aid: station desk',
      status: 'active',
      description: 'Advice for travellers.',
      assured_date: '2026-10-01',
    },
  ],
  locations: [
    { id: 'l1', location_type: 'physical', organization_id: 'o1', latitude: 47.17, longitude: 27.57 },
  ],
  addresses: [
    {
      id: 'a1',
      location_id: 'l1',
      address_1: '1 Example Street',
      city: 'Iași',
      country: 'RO',
      address_type: 'physical',
    },
  ],
  service_at_location: [{ id: 'sl1', service_id: 's1', location_id: 'l1' }],
  phones: [{ id: 'p1', service_id: 's1', number: '116 123', type: 'voice' }],
  schedules: [
    {
      id: 'h1',
      service_id: 's1',
      freq: 'WEEKLY',
      byday: 'MO,WE',
      opens_at: '09:00:00',
      closes_at: '17:30:00',
    },
  ],
  languages: [{ id: 'g1', service_id: 's1', name: 'Romanian', code: 'ro' }],
  taxonomy_terms: [{ id: 't1', code: 'legal-advice', name: 'Legal advice', description: 'Legal advice' }],
  attributes: [
    { id: 'at1', link_id: 's1', taxonomy_term_id: 't1', link_entity: 'service' },
    {
      id: 'at2',
      link_id: 's1',
      taxonomy_term: { id: 't2', code: 'everyone', name: 'Everyone', description: 'Everyone' },
      link_entity: 'service',
    },
  ],
  cost_options: [{ id: 'c1', service_id: 's1', amount: 0 }],
};

describe('HSDS 3.0', () => {
  it('exports the HSDS tables with stable UUIDs and the sample label', () => {
    const doc = toHsds({
      country: { code: 'ro', timezone: 'Europe/Bucharest' },
      services: [{ id: 'ro/rich-sample', data: rich }],
    });
    for (const table of [
      'organizations',
      'services',
      'locations',
      'service_at_location',
      'phones',
      'schedules',
      'languages',
    ] as const)
      expect(doc[table].length, table).toBeGreaterThan(0);
    const [service] = doc.services;
    expect(service?.id).toBe(nameUuid('service:ro/rich-sample'));
    expect(service?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(service?.alert).toMatch(/SAMPLE DATA/);
    expect(service).toMatchObject({
      name: 'Sample: Night shelter',
      status: 'inactive',
      url: 'https://example.org/shelter',
      assured_date: '2026-11-20',
      safe_station: { sample: true },
    });
    expect(doc.schedules.map((row) => [row.byday, row.opens_at, row.closes_at])).toEqual([
      ['FR,SA', '20:00', '06:00'],
      ['MO,TU,WE,TH', '09:00', '24:00'],
    ]);
    expect(doc.phones.map((row) => [row.number, row.type])).toEqual([
      ['116111', 'voice'],
      ['116111', 'text'],
      ['116000', 'text'],
    ]);
    expect(doc.locations[0]).toMatchObject({ location_type: 'physical', latitude: 44.45, longitude: 26.08 });
    expect(doc.languages.map((row) => row.code)).toEqual(['ro', 'uk', 'ar']);
    expect(
      toHsds({
        country: { code: 'ro', timezone: 'Europe/Bucharest' },
        services: [{ id: 'ro/rich-sample', data: rich }],
      }),
    ).toEqual(doc);
  });

  it('round-trips every shipped and sample service through export and `import:hsds`', async () => {
    const root = contentCopy();
    const before = readContent(root, checks).content;
    const countries = [...new Set(before.services.map((service) => service.data.country))];
    expect(countries.length).toBeGreaterThan(3);
    for (const code of countries) {
      const country = before.countries.find((entry) => entry.data.code === code);
      const services = before.services.filter((service) => service.data.country === code);
      const file = join(root, '..', `${code}.json`);
      writeFileSync(
        file,
        JSON.stringify(toHsds({ country: { code, timezone: country?.data.timezone ?? 'UTC' }, services })),
      );
      rmSync(join(root, 'services', code), { recursive: true });
      const result = await importHsdsFile(file, root, checks);
      expect(result.problems).toEqual([]);
      expect(result.written).toHaveLength(services.length);
    }
    const after = readContent(root, checks).content;
    const byId = (list: typeof before.services) =>
      Object.fromEntries(list.map((service) => [service.id, service.data]));
    expect(byId(after.services)).toEqual(byId(before.services));
    // Imported sample files keep the sample header.
    expect(readFileSync(join(root, 'services/ro/iasi-sample-1.yaml'), 'utf8')).toMatch(/^# SAMPLE DATA/);
  }, 60_000); // seven imports, each checking the whole content folder: seconds on a busy 2-core machine

  it('round-trips phones, overnight hours, translations and verification', async () => {
    const root = contentCopy();
    const file = join(root, '..', 'rich.json');
    writeFileSync(
      file,
      JSON.stringify(
        toHsds({
          country: { code: 'ro', timezone: 'Europe/Bucharest' },
          services: [{ id: 'ro/rich-sample', data: rich }],
        }),
      ),
    );
    expect((await importHsdsFile(file, root, checks)).problems).toEqual([]);
    const imported = readContent(root, checks).content.services.find(
      (service) => service.id === 'ro/rich-sample',
    );
    expect(imported?.data).toEqual(rich);
  });

  it('imports a directory from another tool, marked unverified, with the file as its source', async () => {
    const doc = aidDirectory;
    const { services, problems } = fromHsds(doc, { source: 'HSDS import: aid.json' });
    expect(problems).toEqual([]);
    expect(services).toEqual([
      {
        id: 'ro/example-aid-station-desk',
        name: 'Example Aid: station desk',
        nearStations: [],
        data: {
          status: 'unverified',
          country: 'ro',
          organisation: { en: 'Example Aid: station desk' },
          description: { en: 'Advice for travellers.' },
          offers: ['legal-advice'],
          audience: ['everyone'],
          languages: ['ro'],
          free: true,
          address: '1 Example Street, Iași',
          location: { lat: 47.17, lon: 27.57 },
          phones: [{ number: '116123', kind: 'voice' }],
          hours: [{ days: ['mon', 'wed'], opens: '09:00', closes: '17:30' }],
          website: 'https://aid.example.org',
          verified: { date: '2026-10-01', method: 'desk-research', source: 'HSDS import: aid.json' },
          sources: ['HSDS import: aid.json'],
        },
      },
    ]);
    const root = contentCopy();
    const file = join(root, '..', 'aid.json');
    writeFileSync(file, JSON.stringify(doc));
    const result = await importHsdsFile(file, root, checks);
    expect(result.written).toEqual(['content/services/ro/example-aid-station-desk.yaml']);
    expect(readFileSync(join(root, 'services/ro/example-aid-station-desk.yaml'), 'utf8')).toMatch(
      /^# Imported from the HSDS file aid\.json/,
    );
  });

  it('runs the content checks, and writes nothing when they fail', async () => {
    const root = contentCopy();
    const file = join(root, '..', 'bad.json');
    const wrong: ServiceData = { ...rich, location: { lat: 26.08, lon: 44.45 } }; // swapped: not in Romania
    writeFileSync(
      file,
      JSON.stringify(
        toHsds({
          country: { code: 'ro', timezone: 'Europe/Bucharest' },
          services: [{ id: 'ro/rich-sample', data: wrong }],
        }),
      ),
    );
    const result = await importHsdsFile(file, root, checks);
    expect(result.written).toEqual([]);
    expect(result.problems.join('\n')).toMatch(
      /content\/services\/ro\/rich-sample\.yaml → location: .*not inside RO/,
    );
    expect(existsSync(join(root, 'services/ro/rich-sample.yaml'))).toBe(false);

    // A real provider without a checked date fails the same rule as a hand-written file.
    const undated = {
      ...aidDirectory,
      services: aidDirectory.services.map(({ assured_date: _, ...service }) => service),
    };
    writeFileSync(file, JSON.stringify(undated));
    expect((await importHsdsFile(file, root, checks)).problems).toEqual([
      'content/services/ro/example-aid-station-desk.yaml → verified: a real (non-sample) service needs `verified` with date, method and source',
    ]);
  });

  it('does not overwrite existing files unless asked to', async () => {
    const root = contentCopy();
    const file = join(root, '..', 'ro.json');
    const services = readContent(root, checks).content.services.filter(
      (service) => service.id === 'ro/iasi-sample-1',
    );
    writeFileSync(
      file,
      JSON.stringify(toHsds({ country: { code: 'ro', timezone: 'Europe/Bucharest' }, services })),
    );
    expect((await importHsdsFile(file, root, checks)).problems).toEqual([
      'content/services/ro/iasi-sample-1.yaml already exists; pass --replace to overwrite it',
    ]);
    expect((await importHsdsFile(file, root, { ...checks, replace: true })).written).toEqual([
      'content/services/ro/iasi-sample-1.yaml',
    ]);
  });

  // ── what an import must refuse, and leave no trace of ──

  const hsdsFixtures = fileURLToPath(new URL('../fixtures/hsds', import.meta.url));
  /** Every file below a folder with its text, to prove a refused import changed nothing. */
  const snapshot = (folder: string) =>
    Object.fromEntries(
      readdirSync(folder, { recursive: true, encoding: 'utf8' })
        .sort()
        .map((path) => [
          path,
          statSync(join(folder, path)).isDirectory() ? 'folder' : readFileSync(join(folder, path), 'utf8'),
        ]),
    );
  const leftovers = (root: string) =>
    readdirSync(join(root, '..')).filter((name) => name.startsWith('.import-staging-'));

  it.each([
    [
      'trunk-zero-phone.json',
      {},
      'services[0] "Example Aid: station desk" (id s1) → phones[0].number: "+40 (0) 21 312 1234" changes when normalised: it is dialled as +40 21 312 1234 (the trunk 0 after the country code is dropped); check the number against the source and write +40213121234',
    ],
    [
      'national-phone.json',
      {},
      'services[0] "Example Aid: station desk" (id s1) → phones[0].number: "021 312 1234" is not in international form (+ and the country code); if it is +40 21 312 1234, write that',
    ],
    [
      'wrong-country.json',
      { country: 'ro' },
      'services[0] "Example Aid: station desk" (id s1) → addresses.country: the address is in DE, but this import is for RO (--country ro); import it with --country de, or correct the address',
    ],
    [
      'content-id-elsewhere.json',
      {},
      'services[0] "Example Aid: station desk" (id s1) → safe_station.content_id: "ro/example-aid" would put it in services/ro/, but the service is in DE; correct the id or the address',
    ],
  ])(
    'refuses %s with a message naming the service, the field and the fix, and writes nothing',
    async (fixture, options, message) => {
      const root = contentCopy();
      const before = snapshot(join(root, 'services'));
      const result = await importHsdsFile(join(hsdsFixtures, fixture), root, { ...checks, ...options });
      expect(result.problems).toEqual([message]);
      expect(result.written).toEqual([]);
      expect(snapshot(join(root, 'services'))).toEqual(before);
      expect(leftovers(root)).toEqual([]);
    },
  );

  it('stores a number written with spaces in E.164, so its call link is right', () => {
    const doc = {
      ...aidDirectory,
      phones: [{ id: 'p1', service_id: 's1', number: '+40 21 312 1234', type: 'voice' }],
    };
    expect(fromHsds(doc, { source: 'x' }).services[0]?.data.phones).toEqual([
      { number: '+40213121234', kind: 'voice' },
    ]);
  });

  it('imports every service as unverified, whatever the file claims', async () => {
    const root = contentCopy();
    const result = await importHsdsFile(join(hsdsFixtures, 'claims-confirmed.json'), root, checks);
    expect(result.problems).toEqual([]);
    expect(readFileSync(join(root, 'services/ro/example-aid-station-desk.yaml'), 'utf8')).toMatch(
      /^status: unverified$/m,
    );
    expect(
      readContent(root, checks).content.services.find(
        (service) => service.id === 'ro/example-aid-station-desk',
      )?.data.status,
    ).toBe('unverified');
  });

  it('refuses a deeply nested array in the second service by name and field, without a crash, and writes nothing (not even the first)', async () => {
    const root = contentCopy();
    const before = snapshot(join(root, 'services'));
    const second = {
      ...aidDirectory.services[0],
      id: 's2',
      name: 'Second Aid: night desk',
      safe_station: { sources: 'PLACEHOLDER' },
    };
    const text = JSON.stringify({ ...aidDirectory, services: [aidDirectory.services[0], second] }).replace(
      '"PLACEHOLDER"',
      `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
    );
    const file = join(root, '..', 'deep.json');
    writeFileSync(file, text);
    const result = await importHsdsFile(file, root, checks);
    expect(result.problems).toEqual([
      'services[1] "Second Aid: night desk" (id s2) → safe_station.sources.0.0.0.0.0.0.0: nested more than 10 levels deep; HSDS fields are flat values, so correct or remove this field',
    ]);
    expect(snapshot(join(root, 'services'))).toEqual(before);
    // And a text no directory field holds.
    writeFileSync(
      file,
      JSON.stringify({
        ...aidDirectory,
        services: [{ ...aidDirectory.services[0], description: 'x'.repeat(50_000) }],
      }),
    );
    expect((await importHsdsFile(file, root, checks)).problems).toEqual([
      'services[0] "Example Aid: station desk" (id s1) → description: 50000 characters; a field may hold at most 10000; shorten it in the file',
    ]);
  });

  it('puts everything back when a rename fails half-way (all files or none)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'atomic-'));
    made.push(root);
    mkdirSync(join(root, 'out'));
    writeFileSync(join(root, 'out', 'file-3'), 'the old text');
    writeFileSync(join(root, 'blocker'), 'a file where a folder should be');
    const files = new Map(
      Array.from({ length: 30 }, (_, index) => [
        index === 20 ? join(root, 'blocker', 'file-20') : join(root, 'out', 'new', `file-${index}`),
        `new ${index}`,
      ]),
    );
    files.set(join(root, 'out', 'file-3'), 'replaced');
    const before = snapshot(root);
    await expect(writeFilesAtomically(files, root)).rejects.toThrow(/ENOTDIR|EEXIST/);
    expect(snapshot(root)).toEqual(before);
    expect(readdirSync(root).filter((name) => name.startsWith('.import-staging-'))).toEqual([]);
  });

  describe('interrupted (Ctrl-C or a shutdown) during a 12,000-service import', () => {
    const repository = fileURLToPath(new URL('../..', import.meta.url));
    const directories = new Map<number, string>();
    beforeAll(() => {
      const folder = mkdtempSync(join(tmpdir(), 'hsds-big-'));
      made.push(folder);
      for (const count of [12_000, 2_000]) {
        directories.set(count, join(folder, `${count}.json`));
        writeFileSync(join(folder, `${count}.json`), JSON.stringify(syntheticHsdsDirectory(count)));
      }
    }, 60_000);

    /** Runs import:hsds on a directory of `count` services and sends `signal` once `when` says so; resolves with its exit and output. */
    function importUntil(
      count: number,
      root: string,
      signal: NodeJS.Signals,
      when: () => boolean,
    ): Promise<{ code: number | null; output: string }> {
      const big = directories.get(count) as string;
      return new Promise((resolve) => {
        // vite-node itself (not through npx), so the signal reaches the process that writes.
        const child = spawn(
          process.execPath,
          [
            'node_modules/vite-node/vite-node.mjs',
            'scripts/import-hsds.ts',
            big,
            '--content',
            root,
            '--country',
            'ro',
          ],
          { cwd: repository },
        );
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        const poll = setInterval(() => {
          if (when()) {
            clearInterval(poll);
            child.kill(signal);
          }
        }, 5);
        child.on('exit', (code) => {
          clearInterval(poll);
          resolve({ code, output });
        });
      });
    }

    // The SIGTERM case on a smaller directory: the same code path, a minute less on two cores.
    it.each([
      ['SIGINT', 12_000],
      ['SIGTERM', 2_000],
    ] as const)(
      '%s while the files are being written leaves nothing behind (%i services)',
      async (signal, count) => {
        const root = contentCopy();
        const before = snapshot(join(root, 'services'));
        const { code, output } = await importUntil(
          count,
          root,
          signal,
          () =>
            leftovers(root).length > 0 ||
            existsSync(join(root, 'services/ro/sample-provider-0-day-centre.yaml')),
        );
        expect(code, output).toBe(signal === 'SIGINT' ? 130 : 143);
        // vite-node's own SIGTERM handler ends the process before the script can say so; the result is the same.
        if (signal === 'SIGINT')
          expect(output).toContain('Import interrupted (SIGINT); nothing was written.');
        expect(snapshot(join(root, 'services'))).toEqual(before);
        expect(leftovers(root)).toEqual([]);
      },
      240_000,
    );

    it('SIGINT while it reads and checks leaves nothing behind either', async () => {
      const root = contentCopy();
      const before = snapshot(join(root, 'services'));
      const started = Date.now();
      const { code, output } = await importUntil(12_000, root, 'SIGINT', () => Date.now() - started > 4000);
      expect(code, output).not.toBe(0);
      expect(snapshot(join(root, 'services'))).toEqual(before);
      expect(leftovers(root)).toEqual([]);
    }, 240_000);
  });
});
