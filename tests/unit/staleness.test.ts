import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContent } from '../../src/data/read-content';
import { publishProblems } from '../../src/lib/content-check';
import { formatHours, languageListText } from '../../src/lib/format';
import type { Hours } from '../../src/schemas/common';
import { placeNearestFirst } from '../../src/lib/geo';
import { ALL_LANGUAGE_CODES } from '../../src/lib/languages';
import { monthsBefore, oldestDate, staleEntries } from '../../src/lib/staleness';
import { sampleContentCopy } from '../support/sample-site';

describe('verification dates', () => {
  it('counts calendar months back, clipping to the end of a shorter month', () => {
    expect(monthsBefore('2026-12-04', 12)).toBe('2025-12-04');
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2026-01-15', 1)).toBe('2025-12-15');
  });

  it('lists entries last checked more than 12 months ago, oldest first', () => {
    const entry = (file: string, date?: string) => ({ file, data: date ? { verified: { date } } : {} });
    const entries = [
      entry('a.yaml', '2025-12-04'),
      entry('b.yaml', '2025-12-03'),
      entry('c.yaml', '2024-01-01'),
      entry('sample.yaml'),
    ];
    expect(staleEntries(entries, '2026-12-04').map((e) => e.file)).toEqual(['c.yaml', 'b.yaml']);
  });

  it('says a page was checked on the oldest date behind it', () => {
    expect(oldestDate(['2026-11-25', undefined, '2026-12-04', '2025-06-01'])).toBe('2025-06-01');
    expect(oldestDate([undefined])).toBeUndefined();
  });
});

describe('services without a source for their place', () => {
  const station = { lat: 44.44637, lon: 26.07421 };
  it('are listed after the located ones, without a number or a distance', () => {
    const items = [
      { id: 'far', location: { lat: 44.46, lon: 26.08 } },
      { id: 'nowhere' },
      { id: 'near', location: { lat: 44.447, lon: 26.075 } },
    ];
    const placed = placeNearestFirst(station, items, (item) => item.location);
    expect(placed.map((entry) => [entry.item.id, entry.number])).toEqual([
      ['near', 1],
      ['far', 2],
      ['nowhere', undefined],
    ]);
    expect(placed[2]).toEqual({ item: { id: 'nowhere' } });
    expect(placed[0]?.metres).toBeGreaterThan(0);
  });

  it('dates an old list of languages', () => {
    expect(languageListText(['pl', 'en'], 'en', 2013)).toBe('Polish and English (2013)');
    expect(languageListText(undefined, 'en')).toBe('');
  });
});

describe('the build refuses sample data', () => {
  const checks = { siteLanguages: ALL_LANGUAGE_CODES, today: '2099-12-31' };

  it('names every sample file that would be published, with the fix; SAMPLE_DATA=1 (tests) lets them through', () => {
    const dir = mkdtempSync(join(tmpdir(), 'samples-'));
    try {
      const { content } = readContent(sampleContentCopy(dir), checks);
      const problems = publishProblems(content, { allowSamples: false });
      expect(problems.length).toBe(content.services.filter((service) => service.data.sample).length);
      expect(problems.length).toBeGreaterThan(30);
      expect(problems[0]).toEqual({
        file: expect.stringMatching(/^content\/services\/[a-z]{2}\/[a-z-]+-sample-\d+\.yaml$/),
        field: 'sample',
        message: expect.stringMatching(
          /sample data would be published; move the file to tests\/fixtures\/content\/samples\//,
        ),
      });
      expect(publishProblems(content, { allowSamples: true })).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds nothing to refuse in the shipped content', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipped-'));
    try {
      cpSync('content', join(dir, 'content'), { recursive: true });
      expect(
        publishProblems(readContent(join(dir, 'content'), checks).content, { allowSamples: false }),
      ).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a helpline number shown without its card', () => {
  it('says when the line is open, unless it is round the clock', async () => {
    const { phoneDetails } = await import('../../src/lib/phone-details');
    const { useTranslations } = await import('../../src/lib/i18n');
    const t = useTranslations('en');
    const phone = { number: '+31334481186', kind: 'voice' as const };
    const office: Hours = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '09:00', closes: '17:00' }];
    expect(phoneDetails(phone, { country: 'nl', hours: office }, t, { hours: 'limited' })).toEqual([
      { text: formatHours(office, 'en', t('common.everyDay')) },
    ]);
    expect(phoneDetails(phone, { country: 'nl', hours: office }, t, { hours: 'limited' })[0]?.text).toMatch(
      /Mon–Fri .*09:00–17:00/,
    );
    expect(phoneDetails(phone, { country: 'nl', hours: '24/7' }, t, { hours: 'limited' })).toEqual([]);
    expect(phoneDetails(phone, { country: 'nl' }, t, { hours: 'limited' })).toEqual([]);
  });

  it('shows a note not yet translated in English, marked as English', async () => {
    const { phoneDetails } = await import('../../src/lib/phone-details');
    const { useTranslations } = await import('../../src/lib/i18n');
    const phone = {
      number: '+48226280120',
      kind: 'voice' as const,
      note: { en: 'Office team on weekdays', pl: 'Zespół w dni robocze' },
    };
    expect(phoneDetails(phone, { country: 'pl' }, useTranslations('ar'))).toEqual([
      { text: 'Office team on weekdays', lang: 'en' },
    ]);
    expect(phoneDetails(phone, { country: 'pl' }, useTranslations('pl'))).toEqual([
      { text: 'Zespół w dni robocze' },
    ]);
  });
});
