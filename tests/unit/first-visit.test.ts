import { describe, expect, it } from 'vitest';
import { measurePage } from '../../src/lib/budgets';
import {
  charactersInRange,
  fontFaceCss,
  fontFacesFor,
  markCodePoints,
  unicodeIntervals,
} from '../../src/lib/fonts';
import { inlineStylesheets } from '../../src/lib/inline-css';
import { LANGUAGE_REDIRECT_SCRIPT } from '../../src/lib/language-redirect';
import { KNOWN_INLINE_SCRIPTS } from '../../src/integrations/security-headers';
import { scriptHash } from '../../src/lib/security-headers';

describe('font subsets by unicode-range', () => {
  it('reads a CSS unicode-range as code point intervals', () => {
    expect(unicodeIntervals('U+0000-00FF,U+0131, U+2000-206F')).toEqual([
      [0, 0xff],
      [0x131, 0x131],
      [0x2000, 0x206f],
    ]);
  });

  it('keeps the characters a face draws, once each', () => {
    const latinExt = fontFacesFor('Latn', 'ro').find(
      (face) => face.file === 'noto-sans-latin-ext-400-normal.woff2',
    )!;
    // "București Nord" needs the latin-ext face for "ș" alone.
    expect(charactersInRange('București Nord, Iași', latinExt.unicodeRange)).toBe('ș');
    expect(charactersInRange('London', latinExt.unicodeRange)).toBe('');
  });

  it('collects the characters of many pages once, astral ones included', () => {
    const seen = markCodePoints('Iași');
    markCodePoints('Przemyśl 🚆 Iași', seen);
    expect(charactersInRange(seen, 'U+0100-024F')).toBe('śș');
    // A character outside the Basic Multilingual Plane is one code point, not two halves.
    expect(charactersInRange(seen, 'U+1F680-1F6FF')).toBe('🚆');
    expect(charactersInRange(seen, 'U+D800-DFFF')).toBe('');
    // A lone surrogate at the end of a text is kept as the unit it is.
    expect(charactersInRange(markCodePoints('x\uD83D'), 'U+D800-DFFF')).toBe('\uD83D');
  });
});

describe('stylesheets put inline', () => {
  const files: Record<string, string> = {
    '/_astro/a.css': 'body{color:red}\n',
    '/_astro/b.css': '.x{margin:0}',
  };
  const read = (href: string) => files[href];

  it('replaces each same-origin stylesheet with its text, in place, naming the file', () => {
    const html =
      '<head><style>@font-face{}</style><link rel="stylesheet" href="/_astro/a.css">\n<link rel="stylesheet" href="/_astro/b.css" media="print"></head>';
    expect(inlineStylesheets(html, read)).toBe(
      '<head><style>@font-face{}</style><style data-inlined="/_astro/a.css">body{color:red}</style><style data-inlined="/_astro/b.css" media="print">.x{margin:0}</style></head>',
    );
  });

  it('leaves a stylesheet it cannot read as a link, and refuses CSS that would close the element', () => {
    expect(inlineStylesheets('<link rel="stylesheet" href="/missing.css">', read)).toBe(
      '<link rel="stylesheet" href="/missing.css">',
    );
    expect(() =>
      inlineStylesheets('<link rel="stylesheet" href="/x.css">', () => 'a{}</style><script>'),
    ).toThrow(/\/x\.css.*<\/style/);
  });
});

describe('first-visit weight of a page', () => {
  const fontBytes = (size: number) => Buffer.alloc(size, 1);
  const files: Record<string, Buffer> = {
    '/fonts/noto-sans-latin-400-normal.woff2': fontBytes(7000),
    '/fonts/noto-sans-latin-ext-400-normal.woff2': fontBytes(1600),
    '/fonts/noto-sans-arabic-arabic-400-normal.woff2': fontBytes(8000),
    '/_astro/site.css': Buffer.from('body{margin:0}'),
  };
  const read = (path: string) => files[path];
  const page = (lang: 'en' | 'ar', body: string) =>
    `<html><head><style>${fontFaceCss(fontFacesFor(lang === 'ar' ? 'Arab' : 'Latn', lang))}</style><style data-inlined="/_astro/site.css">body{margin:0}</style></head><body>${body}</body></html>`;

  it('counts the font files the text needs: Arabic files where the system fonts may not draw it, every file on a device with none', () => {
    const weight = measurePage(page('ar', '<h1>București Nord</h1><p>اتصل بالرقم</p>'), read);
    expect(weight.fonts).toEqual(['/fonts/noto-sans-arabic-arabic-400-normal.woff2']);
    // An Arabic page declares no latin-ext face: its "ș" comes from the system's sans-serif.
    expect(weight.fontsNoSystemFonts).toHaveLength(2);
    expect(weight.firstVisitGzip).toBe(weight.htmlGzip + 8000);
    expect(weight.firstVisitNoSystemFontsGzip).toBe(weight.htmlGzip + 7000 + 8000);
  });

  it('asks no latin-ext file of a page whose text has no such letter, and counts an inlined stylesheet as that file', () => {
    const weight = measurePage(page('en', '<h1>London St Pancras</h1>'), read);
    expect(weight.fontsNoSystemFonts).toEqual(['/fonts/noto-sans-latin-400-normal.woff2']);
    expect(weight.fonts).toEqual([]);
    expect(weight.inlinedStylesheets).toEqual(['/_astro/site.css']);
    expect(weight.renderBlocking).toEqual([]);
  });
});

describe('the language redirect of short links', () => {
  function run(languages: readonly string[], dataset: Record<string, string>, hash = '') {
    let replaced = '';
    const document = { currentScript: { dataset } };
    const navigator = { languages, language: languages[0] ?? '' };
    const location = { hash, replace: (url: string) => (replaced = url) };
    new Function('document', 'navigator', 'location', LANGUAGE_REDIRECT_SCRIPT)(
      document,
      navigator,
      location,
    );
    return replaced;
  }
  const station = { languages: 'en,ro,uk,ar', first: 'ro,uk', target: '/{lang}/ro/bucuresti-nord/' };

  it("goes to the browser's language, else the station's first, keeping the fragment", () => {
    expect(run(['uk-UA', 'en'], station)).toBe('/uk/ro/bucuresti-nord/');
    expect(run(['ja-JP'], station)).toBe('/ro/ro/bucuresti-nord/');
    expect(run(['de'], { languages: 'en,de', first: '', target: '/{lang}/verify/' }, '#TOKEN')).toBe(
      '/de/verify/#TOKEN',
    );
  });

  it('is allowed by the Content-Security-Policy by its hash, as one fixed script', () => {
    expect(KNOWN_INLINE_SCRIPTS.get(scriptHash(LANGUAGE_REDIRECT_SCRIPT))).toBe('language redirect');
    expect(LANGUAGE_REDIRECT_SCRIPT).not.toMatch(/bucuresti|\{lang\}\/ro/);
  });
});
