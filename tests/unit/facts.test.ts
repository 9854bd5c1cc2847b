import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readContent } from '../../src/data/read-content';
import { ALL_LANGUAGE_CODES } from '../../src/lib/languages';
import type { ContactData } from '../../src/schemas/contact';
import {
  compareContactsWithFacts,
  factFor,
  inProviderTables,
  factsAvailable,
  FACTS_DIR,
  parseHelplineFacts,
  providerSourceIds,
  readFacts,
} from '../support/facts';

/*
 * Content and the sourced facts cannot drift apart silently: every number the
 * facts list is compared with the content (hours and "free"), and every
 * service traces each of its facts to a P-source of providers.md.
 */
const content = readContent(fileURLToPath(new URL('../../content', import.meta.url)), {
  siteLanguages: ALL_LANGUAGE_CODES,
  today: new Date().toISOString().slice(0, 10),
}).content;

describe('the facts files', () => {
  it(`are beside the repository (${FACTS_DIR})`, () => {
    // CI checks out ../shared beside the clone; without it these checks would prove nothing.
    expect(factsAvailable).toBe(true);
  });
});

describe.runIf(factsAvailable)('content against helplines.md (A1, A2, D; D overrides A)', () => {
  const facts = parseHelplineFacts(readFacts('helplines.md'));
  const providers = readFacts('providers.md');

  it('reads the tables: section D overrides A where it speaks', () => {
    // A2 says "24 h" for Weisser Ring; D says daily 07:00-22:00.
    expect(factFor(facts, 'de', '116006')?.hours).toEqual([
      { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], opens: '07:00', closes: '22:00' },
    ]);
    // A1: KCIK office hours, "Not a freephone"; D: answered round the clock. The cost stays from A1.
    expect(factFor(facts, 'pl', '+48226280120')).toMatchObject({ hours: '24/7', free: false });
    // A2 ✘ 116 006 in Hungary; D: in service since 2026-02-23.
    expect(factFor(facts, 'hu', '116006')?.inService).toBe(true);
    expect(factFor(facts, 'ro', '116006')?.inService).toBe(false);
    // A1: ANITP hours unconfirmed; the freephone is free, the number from abroad is not said to be.
    expect(factFor(facts, 'ro', '+40800800678')).toMatchObject({ hours: 'unknown', free: true });
    expect(factFor(facts, 'ro', '+40213133100')?.free).toBeUndefined();
    // D names CoMensha without its number: the A1 line of the operator gives it.
    expect(factFor(facts, 'nl', '+31334481186')?.hours).toEqual([
      { days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '09:00', closes: '17:00' },
    ]);
    expect(factFor(facts, 'hu', '+3680984590')?.hours).toEqual([
      { days: ['tue', 'thu'], opens: '16:00', closes: '20:00' },
    ]);
    expect(factFor(facts, 'bg', '+35980020100')).toMatchObject({ hours: '24/7', free: true });
  });

  it('every phone number, hour and "free" flag in content/contacts matches the facts where they list the number', () => {
    const { compared, mismatches } = compareContactsWithFacts(content, facts, providers);
    console.log(`compared ${compared} numbers of content/contacts with helplines.md`);
    expect(compared).toBeGreaterThan(30);
    expect(mismatches).toEqual([]);
  });

  it('catches a wrong number, a wrong hour and a "free" no source gives', () => {
    const changed = (id: string, change: (data: ContactData) => ContactData) => ({
      contacts: content.contacts.map((entry) =>
        entry.id === id ? { ...entry, data: change(entry.data) } : entry,
      ),
    });
    // Weisser Ring back to "24/7": D says 07:00-22:00.
    expect(
      compareContactsWithFacts(
        changed('de/weisser-ring-116006', (data) => ({ ...data, hours: '24/7' })),
        facts,
        providers,
      ).mismatches,
    ).toEqual([
      'content/contacts/de/weisser-ring-116006.yaml 116006 (facts A2+D): hours 24/7, the facts say mon,tue,wed,thu,fri,sat,sun 07:00-22:00',
    ]);
    // CoMensha as a free call: no source says so.
    expect(
      compareContactsWithFacts(
        changed('nl/comensha', (data) => ({
          ...data,
          phones: data.phones.map((phone) => ({ ...phone, free: true })),
        })),
        facts,
        providers,
      ).mismatches,
    ).toEqual([
      'content/contacts/nl/comensha.yaml +31334481186 (facts A1+D): marked free, but the facts do not say it is free',
    ]);
    // Romania's 116 006 is not in service (A2 ✘).
    const ghost = changed('ro/telefonul-copilului-116111', (data) => ({
      ...data,
      phones: [...data.phones, { number: '116006', kind: 'voice' }],
    }));
    expect(compareContactsWithFacts(ghost, facts, providers).mismatches).toEqual([
      'content/contacts/ro/telefonul-copilului-116111.yaml 116006 (facts A2): the facts say this number is not in service',
    ]);
    // A digit wrong: the number is in no facts file.
    const typo = changed('hu/okit-crisis-line', (data) => ({
      ...data,
      phones: [{ ...data.phones[0]!, number: '+3680205521' }],
    }));
    expect(compareContactsWithFacts(typo, facts, providers).mismatches).toEqual([
      'content/contacts/hu/okit-crisis-line.yaml +3680205521: in neither helplines.md nor providers.md; check the digits against the source',
    ]);
    // ANITP given hours the facts call unconfirmed.
    expect(
      compareContactsWithFacts(
        changed('ro/anitp-helpline', (data) => ({ ...data, hours: '24/7' })),
        facts,
        providers,
      ).mismatches,
    ).toHaveLength(2);
  });
});

describe.runIf(factsAvailable)('content/services against providers.md', () => {
  const sources = providerSourceIds(readFacts('providers.md'));
  const cited = (texts: readonly string[]) =>
    texts.flatMap((text) => [...text.matchAll(/\bP(\d+)\b/g)].map((match) => `P${match[1]}`));

  it('lists the P1–P183 sources', () => {
    expect(sources.size).toBe(183);
  });

  it('holds only real providers, each citing P-sources that exist in providers.md (in `sources` and `verified.source`)', () => {
    expect(content.services.length).toBeGreaterThan(20);
    for (const service of content.services) {
      expect(service.data.sample, service.file).toBe(false);
      const fromSources = cited(service.data.sources);
      expect(
        fromSources.length,
        `${service.file}: cite the P-numbers of providers.md in sources`,
      ).toBeGreaterThan(0);
      for (const id of [...fromSources, ...cited([service.data.verified?.source ?? ''])])
        expect(sources.has(id), `${service.file}: ${id} is not in providers.md`).toBe(true);
      expect(
        new Set(cited([service.data.verified?.source ?? ''])),
        `${service.file}: verified.source names the same sources`,
      ).toEqual(new Set(fromSources));
      // Each source line carries the address providers.md gives for it.
      for (const line of service.data.sources) expect(line, service.file).toMatch(/^P\d+ https?:\/\/\S+$/);
    }
  });

  it('every phone number of a service appears in providers.md next to one of its cited sources', () => {
    const providers = readFacts('providers.md');
    for (const service of content.services) {
      for (const phone of service.data.phones) {
        const row = providers
          .split('\n')
          .find((line) => line.startsWith('|') && inProviderTables(line, phone.number));
        expect(row, `${service.file}: ${phone.number} is not in providers.md`).toBeDefined();
        expect(
          cited([row ?? '']).some((id) => cited(service.data.sources).includes(id)),
          `${service.file}: ${phone.number} comes from a source it does not cite`,
        ).toBe(true);
      }
    }
  });

  it('gives a real provider near every station where providers.md has one (Iași: all its rows are flagged ⚠)', () => {
    const withoutServices = content.stations
      .filter((station) => station.data.services.length === 0)
      .map((station) => station.id);
    expect(withoutServices).toEqual(['ro/iasi']);
  });
});
