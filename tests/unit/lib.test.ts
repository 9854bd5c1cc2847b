import { describe, expect, it } from 'vitest';
import { pickLanguage } from '../../src/lib/best-language';
import { formatHours } from '../../src/lib/format';
import { bearingDegrees, compassPoint, distanceMetres, isInsideCountry } from '../../src/lib/geo';
import { hoistIslandStyle } from '../../src/lib/island-style';
import { useTranslations } from '../../src/lib/i18n';
import { selectLanguages } from '../../src/lib/languages';
import { pickText } from '../../src/lib/localized';
import { displayNumber, phoneLinkData, phoneProblem, spokenDigits, telHref } from '../../src/lib/phone';
import { hoursText } from '../../src/lib/phone-details';
import { contactSchema } from '../../src/schemas/contact';
import { foldForSearch, matchesQuery } from '../../src/lib/text';

describe('foldForSearch / matchesQuery', () => {
  it('finds names whatever their accents', () => {
    expect(foldForSearch('București Nord')).toBe('bucuresti nord');
    expect(foldForSearch('Przemyśl Główny')).toBe('przemysl glowny');
    expect(matchesQuery('Timișoara Nord', 'timisoara')).toBe(true);
    expect(matchesQuery('Iași', 'IASI')).toBe(true);
    expect(matchesQuery('Iași', 'cluj')).toBe(false);
    expect(matchesQuery('Budapest-Keleti', 'budapest keleti')).toBe(true);
  });
});

describe('pickLanguage', () => {
  const site = ['en', 'ro', 'uk', 'ru', 'ar', 'de'];
  it('takes the first browser language the site has, matching regional tags by base', () => {
    expect(pickLanguage(['uk-UA', 'en'], site)).toBe('uk');
    expect(pickLanguage(['pt-BR', 'ru-RU'], site)).toBe('ru');
    expect(pickLanguage(['de-AT'], site, ['ro', 'uk'])).toBe('de');
  });
  it('falls back to English when the station offers it, else the station language', () => {
    expect(pickLanguage(['ja'], site, ['ro', 'uk', 'ru', 'en'])).toBe('en');
    expect(pickLanguage(['ja'], site, ['ro', 'uk'])).toBe('ro');
    expect(pickLanguage([], site)).toBe('en');
  });
});

describe('phone numbers', () => {
  it('links a text-only line to a message and every other line to a call, with its spoken digits', () => {
    expect(phoneLinkData({ number: '116000', from: 'inside', kind: 'voice' })).toEqual({
      href: 'tel:116000',
      display: '116 000',
      spoken: '1 1 6, 0 0 0',
    });
    expect(phoneLinkData({ number: '+40757749845', from: 'inside', kind: 'sms' }).href).toBe(
      'sms:+40757749845',
    );
  });

  it('accepts valid numbers for their country and known short codes', () => {
    expect(phoneProblem('+40800800678', 'ro')).toBeUndefined();
    expect(phoneProblem('+448000121700', 'gb')).toBeUndefined();
    expect(phoneProblem('116111', 'bg')).toBeUndefined();
    expect(phoneProblem('119', 'ro')).toBeUndefined();
  });
  it('rejects wrong digits, foreign numbers and unknown short codes', () => {
    expect(phoneProblem('+4080080067', 'ro')).toMatch(/not a valid phone number/);
    expect(phoneProblem('+448000121700', 'ro')).toMatch(/is a GB number/);
    expect(phoneProblem('119', 'de')).toMatch(/not a known short code/);
  });
  it('shows numbers as people dial them and reads them digit by digit', () => {
    expect(displayNumber({ number: '+40800800678' })).toBe('0800 800 678');
    expect(displayNumber({ number: '+40213133100', from: 'abroad' })).toBe('+40 21 313 3100');
    expect(displayNumber({ number: '116000' })).toBe('116 000');
    expect(spokenDigits('0800 800 678')).toBe('0 8 0 0, 8 0 0, 6 7 8');
    expect(spokenDigits('+40 21')).toBe('+ 4 0, 2 1');
    expect(telHref({ number: '+40800800678' })).toBe('tel:+40800800678');
  });
});

describe('geo', () => {
  const bucurestiNord = { lat: 44.44637, lon: 26.07421 };
  it('measures distance and direction', () => {
    const north = { lat: 44.44637 + 0.009, lon: 26.07421 };
    expect(distanceMetres(bucurestiNord, north)).toBeGreaterThan(990);
    expect(distanceMetres(bucurestiNord, north)).toBeLessThan(1010);
    expect(compassPoint(bearingDegrees(bucurestiNord, north))).toBe('n');
    expect(compassPoint(bearingDegrees(bucurestiNord, { lat: 44.44, lon: 26.08 }))).toBe('se');
  });
  it('catches swapped coordinates', () => {
    expect(isInsideCountry(bucurestiNord, 'ro')).toBe(true);
    expect(isInsideCountry({ lat: 26.07421, lon: 44.44637 }, 'ro')).toBe(false);
  });
});

describe('formatHours', () => {
  it('groups consecutive days and keeps times in digits', () => {
    const text = formatHours(
      [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '09:00', closes: '17:00' }],
      'en',
      'every day',
    );
    expect(text).toBe('Mon–Fri \u206609:00–17:00\u2069');
    expect(formatHours('24/7', 'en', '24 hours, every day')).toBe('24 hours, every day');
  });
});

describe('languages', () => {
  it('builds a subset from PUBLIC_LOCALES, always keeping English', () => {
    expect(selectLanguages('uk,ar')).toEqual(['en', 'uk', 'ar']);
    expect(() => selectLanguages('xx')).toThrow(/unknown language/);
  });
  it('marks content text that falls back to English', () => {
    expect(pickText({ en: 'Help', uk: 'Допомога' }, 'uk')).toEqual({ text: 'Допомога' });
    expect(pickText({ en: 'Help' }, 'uk')).toEqual({ text: 'Help', lang: 'en' });
  });
});

describe('hoistIslandStyle', () => {
  const style = '<style>astro-island,astro-slot,astro-static-slot{display:contents}</style>';
  it("moves Astro's island style from the body to the end of <head>", () => {
    const html = `<html><head><title>x</title></head><body><section>${style}<astro-island></astro-island></section></body></html>`;
    expect(hoistIslandStyle(html)).toBe(
      `<html><head><title>x</title>${style}</head><body><section><astro-island></astro-island></section></body></html>`,
    );
  });
  it('leaves pages without islands, or with the style already in <head>, as they are', () => {
    const plain = '<html><head></head><body><p>x</p></body></html>';
    expect(hoistIslandStyle(plain)).toBe(plain);
    const done = `<html><head>${style}</head><body></body></html>`;
    expect(hoistIslandStyle(done)).toBe(done);
  });
});

describe('hoursText and the contact schema (hours per phone, audience)', () => {
  const t = useTranslations('en');
  it('says "24 hours", the spans, or that hours are not confirmed', () => {
    expect(hoursText('24/7', t)).toBe('24 hours');
    expect(hoursText([{ days: ['fri'], opens: '09:00', closes: '14:00' }], t)).toMatch(/09:00.*14:00/);
    expect(hoursText(undefined, t)).toBe('Opening hours not confirmed');
  });
  const base = {
    country: 'de',
    organisation: { en: 'X' },
    name: { en: 'X' },
    purposes: ['trafficking'],
    verified: { date: '2026-11-25', method: 'desk-research', source: 'S16' },
    status: 'confirmed',
    sources: ['S16 example'],
  };
  it('accepts hours on one phone and a line for women', () => {
    const parsed = contactSchema.parse({
      ...base,
      audience: 'women',
      phones: [{ number: '116016' }, { number: '+48226280120', hours: '24/7' }],
    });
    expect(parsed.audience).toBe('women');
    expect(parsed.phones[1]?.hours).toBe('24/7');
  });
  it('names the fix for an unknown audience', () => {
    const result = contactSchema.safeParse({ ...base, audience: 'everyone', phones: [{ number: '112' }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/write "women", or leave audience out/);
  });
});
