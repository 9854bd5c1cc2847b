import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readContent } from '../../src/data/read-content';
import { ALL_LANGUAGE_CODES } from '../../src/lib/languages';

const contentRoot = fileURLToPath(new URL('../../content', import.meta.url));

describe('the shipped content', () => {
  const { content } = readContent(contentRoot, {
    siteLanguages: ALL_LANGUAGE_CODES,
    today: new Date().toISOString().slice(0, 10),
  });

  it('has the twelve stations the project ships, each with a unique short code', () => {
    const codes = content.stations.map((s) => s.data.code);
    expect(content.stations).toHaveLength(12);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('holds no sample data: every provider is real, desk-researched and unverified until someone calls', () => {
    expect(content.services.length).toBeGreaterThan(20);
    for (const service of content.services) {
      expect(service.data.sample, service.file).toBe(false);
      expect(service.data.verified, service.file).toBeDefined();
      if (service.data.verified?.method === 'desk-research')
        expect(service.data.status, service.file).toBe('unverified');
    }
  });

  it('gives every country 112 and a national anti-trafficking line', () => {
    for (const country of content.countries) {
      const emergency = content.contacts.filter((c) => country.data.emergency.includes(c.id));
      expect(
        emergency.flatMap((c) => c.data.phones.map((p) => p.number)),
        country.file,
      ).toContain('112');
      expect(country.data.antiTrafficking.length, country.file).toBeGreaterThan(0);
    }
  });
});
