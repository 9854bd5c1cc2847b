import { mkdtempSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrSymbol } from '../lib/qr';
import { shipped } from '../../tests/support/content';
import { factsHash, fingerprinted } from './fingerprint';
import {
  describeChanges,
  EMPTY_LOCK,
  isLocalOrigin,
  lockStatus,
  missingCodesMessage,
  missingLockedCodes,
  moduleSizeMm,
  POSTER_FORMATS,
  posterLanguages,
  posterVersion,
  printedFacts,
  printedNumbers,
  printedShortLink,
  posterStationsOfContent,
  qrPayload,
  stationPoster,
  updateLock,
  type CurrentPoster,
  type PrintedFacts,
} from './model';
import { printPosterPdfs } from './print-pdf';

const origin = 'https://safe-station.example.org';
const numbers = printedNumbers(
  [{ phones: [{ number: '112', kind: 'voice' }] }] as never,
  [
    {
      phones: [
        { number: '+40213133100', kind: 'voice', from: 'abroad' },
        { number: '+40800800678', kind: 'voice', from: 'inside', free: true },
      ],
    },
  ] as never,
);
const facts = (change: Partial<PrintedFacts> = {}): PrintedFacts => ({
  ...printedFacts({ code: 'RO-BN', origin, languages: ['ro', 'uk', 'ru', 'en'], numbers }),
  ...change,
});
const poster = (f: PrintedFacts = facts()): CurrentPoster =>
  fingerprinted({ code: f.code, station: 'ro/bucuresti-nord', facts: f });

describe('what a poster prints', () => {
  it('puts the upper-case short link in the QR code and the typeable one under it', () => {
    expect(qrPayload(origin, 'ro-bn')).toBe('HTTPS://SAFE-STATION.EXAMPLE.ORG/S/RO-BN/');
    expect(printedShortLink(origin, 'RO-BN')).toBe('safe-station.example.org/s/RO-BN/');
  });

  it('refuses to make posters for a local address', () => {
    for (const local of [
      'http://localhost:4321',
      'http://127.0.0.1:8080',
      'http://[::1]:4321',
      'http://kiosk.localhost',
    ]) {
      expect(isLocalOrigin(local), local).toBe(true);
      expect(() => qrPayload(local, 'RO-BN')).toThrow(/SITE_URL/);
    }
    expect(isLocalOrigin(origin)).toBe(false);
  });

  it('encodes the link in alphanumeric mode with error correction Q, small enough to scan from afar', () => {
    const symbol = qrSymbol(qrPayload(origin, 'RO-BN'));
    expect(symbol.mode).toBe('Alphanumeric');
    expect(symbol.version).toBe(3);
    expect(symbol.modules).toBe(29);
    expect(symbol.viewBox).toBe(29 + 8);
    // The lower-case link would need byte mode and a bigger symbol.
    expect(qrSymbol(`${origin}/s/RO-BN/`).version).toBeGreaterThan(symbol.version);
  });

  it('keeps every format at or above the smallest QR size the issue allows', () => {
    const symbol = qrSymbol(qrPayload(origin, 'RO-BN'));
    for (const format of POSTER_FORMATS) {
      expect(format.qrMm, format.id).toBeGreaterThanOrEqual(format.minQrMm);
      expect(moduleSizeMm(format, symbol), format.id).toBeGreaterThan(1);
    }
  });

  it('draws a QR symbol that a decoder reads back', () => {
    const text = qrPayload(origin, 'DE-BH');
    const symbol = qrSymbol(text);
    const scale = 4;
    const side = symbol.viewBox * scale;
    const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
    // Rasterise the SVG path ("M x y h n v1 h-n z" runs) by hand.
    for (const [, x, y, n] of symbol.path.matchAll(/M(\d+) (\d+)h(\d+)/g)) {
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < Number(n) * scale; dx++) {
          const offset = ((Number(y) * scale + dy) * side + Number(x) * scale + dx) * 4;
          pixels.fill(0, offset, offset + 3);
        }
      }
    }
    expect(jsQR(pixels, side, side)?.data).toBe(text);
  });

  it("stacks the country's own language first, then its poster languages, then the station languages, each once", () => {
    expect(posterLanguages(['de'], ['uk', 'ru', 'en', 'ar'], ['en', 'uk', 'ar', 'ru', 'de'])).toEqual([
      'de',
      'uk',
      'ru',
      'en',
      'ar',
    ]);
    expect(posterLanguages(['ro'], ['ro', 'xx'], ['ro'])).toEqual(['ro']);
    // Sofia: the country's poster languages leave Bulgarian out; the poster still speaks it.
    expect(posterLanguages(['bg'], ['uk', 'ru', 'en'], ['uk', 'ru', 'en'])).toEqual(['bg', 'uk', 'ru', 'en']);
  });

  it("prints the helpline's hours only where it is not open around the clock", () => {
    const line = (hours?: unknown) =>
      [{ phones: [{ number: '+31334481186', kind: 'voice' }], ...(hours ? { hours } : {}) }] as never;
    const officeHours = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '09:00', closes: '17:00' }];
    const emergency = [{ phones: [{ number: '112', kind: 'voice' }] }] as never;
    expect(printedNumbers(emergency, line(officeHours)).helplineHours).toEqual(officeHours);
    expect(printedNumbers(emergency, line('24/7')).helplineHours).toBeUndefined();
    expect(printedNumbers(emergency, line()).helplineHours).toBeUndefined();
    const withHours = printedFacts({
      code: 'NL-AC',
      origin,
      languages: ['nl'],
      numbers: printedNumbers(emergency, line(officeHours)),
    });
    expect(withHours.helplineHours).toBe('mon,tue,wed,thu,fri 09:00-17:00');
  });

  it('prints 112 and the national line as dialled inside the country', () => {
    expect(numbers.emergency.number).toBe('112');
    expect(numbers.helpline.number).toBe('+40800800678');
  });

  it('builds a poster for every shipped station, each with Arabic where its country or station asks for it', () => {
    const posters = posterStationsOfContent(shipped).map((station) =>
      stationPoster(station, new URL(origin)),
    );
    expect(posters.map((p) => p.code).sort()).toEqual(shipped.stations.map((s) => s.data.code).sort());
    expect(posters.find((p) => p.code === 'DE-BH')?.facts.languages).toContain('ar');
  });
});

describe('the poster lock', () => {
  it('changes the fingerprint when a printed fact changes, and only then', () => {
    expect(factsHash(facts())).toBe(factsHash(facts()));
    expect(factsHash(facts({ numbers: { emergency: '112', helpline: '+40800800679' } }))).not.toBe(
      factsHash(facts()),
    );
    expect(factsHash(facts({ languages: ['ro', 'uk', 'ru'] }))).not.toBe(factsHash(facts()));
    expect(factsHash(facts({ helplineHours: 'mon,tue 09:00-17:00' }))).not.toBe(factsHash(facts()));
    expect(factsHash(facts({ helplineHours: 'mon,tue 09:00-17:00' }))).not.toBe(
      factsHash(facts({ helplineHours: 'mon,tue 09:00-16:00' })),
    );
  });

  it('keeps the locked fingerprint of a poster that prints no hours (lines open around the clock)', () => {
    // The hash of RO-BN as locked on 2026-11-25, before posters printed hours.
    const locked = printedFacts({ code: 'RO-BN', origin, languages: ['ro', 'uk', 'ru', 'en'], numbers });
    expect(factsHash(locked)).toBe('047d69cb4bbb');
  });

  it('names a change of printed hours as a reason to reprint', () => {
    expect(describeChanges(facts(), facts({ helplineHours: 'mon,tue,wed,thu,fri 09:00-17:00' }))).toEqual([
      'helpline hours none printed → mon,tue,wed,thu,fri 09:00-17:00',
    ]);
  });

  it('prints version 1 before locking, keeps it while facts match and moves to the next when they change', () => {
    expect(posterVersion(EMPTY_LOCK, poster())).toMatchObject({ version: 1, state: 'new' });
    const lock = updateLock(EMPTY_LOCK, [poster()], '2026-11-25');
    expect(posterVersion(lock, poster())).toMatchObject({ version: 1, state: 'locked' });
    const changed = facts({ numbers: { emergency: '112', helpline: '+40800800679' } });
    expect(posterVersion(lock, poster(changed))).toMatchObject({ version: 2, state: 'changed' });
    const relocked = updateLock(lock, [poster(changed)], '2026-12-01');
    expect(relocked.posters['RO-BN']).toMatchObject({ version: 2, locked: '2026-12-01' });
    expect(posterVersion(relocked, poster(changed))).toMatchObject({ version: 2, state: 'locked' });
  });

  it('never forgets a code, and names locked codes that no station has any more', () => {
    const lock = updateLock(EMPTY_LOCK, [poster(), poster(facts({ code: 'RO-IS' }))], '2026-11-25');
    const relocked = updateLock(lock, [poster()], '2026-11-26');
    expect(Object.keys(relocked.posters)).toEqual(['RO-BN', 'RO-IS']);
    expect(missingLockedCodes(relocked, ['RO-BN'])).toEqual(['RO-IS']);
    expect(missingCodesMessage(relocked, ['RO-IS'], 'content/posters.lock.json')).toMatch(
      /RO-IS: printed on posters for ro\/bucuresti-nord/,
    );
  });

  it('says which posters need reprinting and why', () => {
    const lock = updateLock(EMPTY_LOCK, [poster()], '2026-11-25');
    const changed = facts({ numbers: { emergency: '112', helpline: '+40800800679' } });
    const status = lockStatus(lock, [poster(changed), poster(facts({ code: 'RO-TM' }))]);
    expect(status.changed).toEqual([
      {
        code: 'RO-BN',
        station: 'ro/bucuresti-nord',
        from: 1,
        to: 2,
        changes: ['helpline +40800800678 → +40800800679'],
      },
    ]);
    expect(status.added.map((p) => p.code)).toEqual(['RO-TM']);
    expect(describeChanges(facts(), facts({ link: 'HTTPS://OTHER.ORG/S/RO-BN/' }))).toEqual([
      'QR link HTTPS://SAFE-STATION.EXAMPLE.ORG/S/RO-BN/ → HTTPS://OTHER.ORG/S/RO-BN/',
    ]);
  });
});

describe('printing PDFs', () => {
  it('without Chromium keeps the HTML posters and says how to get PDFs', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'posters-'));
    mkdirSync(join(outDir, 'posters/ro/iasi/a4'), { recursive: true });
    writeFileSync(
      join(outDir, 'posters/ro/iasi/a4/index.html'),
      '<meta name="safe-station:poster-pdf" content="/posters/ro/iasi/x.pdf">',
    );
    const report = await printPosterPdfs({ outDir, cacheDir: join(outDir, '.cache'), chromium: undefined });
    expect(report.total).toBe(1);
    expect(report.pdfs).toEqual([]);
    expect(report.skipped).toMatch(/no Chromium found.*apt-get install chromium.*CHROMIUM_PATH/);
    expect(existsSync(join(outDir, 'posters/ro/iasi/x.pdf'))).toBe(false);
  });
});
