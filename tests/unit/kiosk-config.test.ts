import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qrFilesOfContent } from '../../src/kiosk/content-qr-files';
import { DEFAULT_KIOSK_CONFIG, featuredFirst, KIOSK_BOUNDS, parseKioskConfig } from '../../src/kiosk/config';
import { withoutLinks } from '../../src/kiosk/render';
import { answeredHours } from '../../src/lib/phone-details';
import { qrFileName, qrFileUrl, qrSvgFile, writeQrFiles } from '../../src/kiosk/qr-files';
import { qrSymbol } from '../../src/lib/qr';

const SITE = ['en', 'ro', 'uk', 'ru', 'ar'];

describe('parseKioskConfig', () => {
  it('gives the defaults for an empty query', () => {
    expect(parseKioskConfig('', SITE)).toEqual({ config: DEFAULT_KIOSK_CONFIG, problems: [] });
    expect(DEFAULT_KIOSK_CONFIG).toMatchObject({
      idleSeconds: 60,
      countdownSeconds: 10,
      languages: [],
      orientation: 'auto',
    });
  });

  it('takes every whitelisted setting within its bounds', () => {
    const { config, problems } = parseKioskConfig(
      '?idle=90&countdown=15&langs=uk,ro&orientation=portrait',
      SITE,
    );
    expect(problems).toEqual([]);
    expect(config).toEqual({
      idleSeconds: 90,
      countdownSeconds: 15,
      languages: ['uk', 'ro'],
      orientation: 'portrait',
    });
  });

  it('accepts the bounds themselves and nothing outside them', () => {
    const { min, max, fallback } = KIOSK_BOUNDS.idle;
    expect(parseKioskConfig(`idle=${min}`, SITE).config.idleSeconds).toBe(min);
    expect(parseKioskConfig(`idle=${max}`, SITE).config.idleSeconds).toBe(max);
    for (const bad of [String(min - 1), String(max + 1), '-60', '60.5', '1e2', 'abc', '', ' ', '0x3c']) {
      const { config, problems } = parseKioskConfig(new URLSearchParams({ idle: bad }), SITE);
      expect(config.idleSeconds, bad).toBe(fallback);
      expect(problems, bad).toHaveLength(1);
      expect(problems[0]).toContain(`from ${min} to ${max}`);
    }
    expect(parseKioskConfig('countdown=2', SITE).config.countdownSeconds).toBe(
      KIOSK_BOUNDS.countdown.fallback,
    );
  });

  it("keeps only the site's languages, once each, and says which were left out", () => {
    const { config, problems } = parseKioskConfig('langs=UK, xx ,ro,uk,<script>', SITE);
    expect(config.languages).toEqual(['uk', 'ro']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('xx, <script>');
    expect(parseKioskConfig('langs=', SITE).config.languages).toEqual([]);
    expect(parseKioskConfig('langs=', SITE).problems).toHaveLength(1);
  });

  it('knows three orientations and ignores any other value', () => {
    expect(parseKioskConfig('orientation=LANDSCAPE', SITE).config.orientation).toBe('landscape');
    const { config, problems } = parseKioskConfig('orientation=upside-down', SITE);
    expect(config.orientation).toBe('auto');
    expect(problems[0]).toContain('auto, portrait, landscape');
  });

  it('reports parameters that are not kiosk settings and changes nothing for them', () => {
    const { config, problems } = parseKioskConfig('?idle=30&exit=https://example.com&debug=1', SITE);
    expect(config).toEqual({ ...DEFAULT_KIOSK_CONFIG, idleSeconds: 30 });
    expect(problems).toEqual([
      '"exit" is not a kiosk setting (known: idle, countdown, langs, orientation); ignored',
      '"debug" is not a kiosk setting (known: idle, countdown, langs, orientation); ignored',
    ]);
  });
});

describe('featuredFirst', () => {
  it('puts the featured languages first, in their order, then the rest in site order', () => {
    expect(featuredFirst(SITE, ['uk', 'ro'])).toEqual(['uk', 'ro', 'en', 'ru', 'ar']);
    expect(featuredFirst(SITE, ['de', 'uk', 'uk'])).toEqual(['uk', 'en', 'ro', 'ru', 'ar']);
    expect(featuredFirst(SITE, [])).toEqual(SITE);
  });
});

describe('kiosk rendering helpers', () => {
  it('keeps the text of links but not the links', () => {
    expect(
      withoutLinks(
        '<p>Call <a href="tel:112">112</a> or see <A HREF="https://x.example" rel="noreferrer">this</A>.</p>',
      ),
    ).toBe('<p>Call 112 or see this.</p>');
    expect(withoutLinks('<p>No links</p>')).toBe('<p>No links</p>');
  });

  it('lets no other way out through either: forms, frames, scripts and handlers are removed', () => {
    const hostile =
      '<p>Tap <img src="x" onerror="alert(1)"><script>alert(1)</script><b onclick="alert(1)">here</b></p><form action="https://evil.example/steal"><input name="q"><button>Send</button></form><iframe src="https://evil.example"></iframe>';
    expect(withoutLinks(hostile)).toBe('<p>Tap <b>here</b></p>');
  });

  it('names each QR file after its payload and draws it the same way as the posters', () => {
    expect(qrFileUrl('tel:+40800800678')).toBe(qrFileUrl('tel:+40800800678'));
    expect(qrFileUrl('tel:+40800800678')).not.toBe(qrFileUrl('tel:112'));
    expect(qrFileUrl('tel:112')).toMatch(/^\/qr\/[0-9a-f]{12}\.svg$/);
    const symbol = qrSymbol('tel:+40800800678');
    expect(qrSvgFile('tel:+40800800678')).toContain(`<path d="${symbol.path}" fill="#000"/>`);
    expect(qrSvgFile('tel:+40800800678')).toContain(`viewBox="0 0 ${symbol.viewBox} ${symbol.viewBox}"`);
  });

  it('draws one file per payload of the shipped kiosks, under the name its pages reference', () => {
    const files = qrFilesOfContent();
    const texts = [...files.values()];
    expect(texts).toContain('tel:112');
    expect(texts.some((text) => text.endsWith('/en/ro/bucuresti-nord/'))).toBe(true);
    expect(new Set(texts).size).toBe(texts.length);
    for (const [name, text] of files) expect(name).toBe(qrFileName(text));

    const folder = mkdtempSync(join(tmpdir(), 'qr-files-'));
    try {
      writeQrFiles(folder, files);
      expect(readdirSync(folder).sort()).toEqual([...files.keys()].map((name) => `${name}.svg`).sort());
      expect(readFileSync(join(folder, `${qrFileName('tel:112')}.svg`), 'utf8')).toBe(qrSvgFile('tel:112'));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('shows emergency numbers as open around the clock, and other lines only as their content says', () => {
    const office = [{ days: ['mon' as const], opens: '09:00', closes: '17:00' }];
    expect(answeredHours({ purposes: ['emergency'] })).toBe('24/7');
    expect(answeredHours({ purposes: ['police', 'emergency'] })).toBe('24/7');
    expect(answeredHours({ purposes: ['trafficking'] })).toBeUndefined();
    expect(answeredHours({ purposes: ['trafficking'], hours: office })).toBe(office);
    expect(answeredHours({ purposes: ['emergency'], hours: office })).toBe(office);
  });
});
