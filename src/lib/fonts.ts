/**
 * Self-hosted Noto, split by unicode-range so a page downloads only the
 * scripts it shows, and cut at build time to the characters the site uses
 * (src/integrations/fonts.ts). The stylesheet lists system fonts first: a
 * phone whose fonts cover the script downloads nothing; `local()` comes next,
 * then the files.
 */
import type { Script } from './languages';

export interface FontFace {
  readonly family: 'Noto Sans' | 'Noto Sans Arabic';
  readonly localNames: readonly string[];
  /** File name in @fontsource/<package>/files and, after the build, in /fonts/. */
  readonly file: string;
  readonly package: 'noto-sans' | 'noto-sans-arabic';
  readonly weight: 400;
  readonly unicodeRange: string;
}

// Ranges as published by Fontsource for these subsets.
const RANGES = {
  latin:
    'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  'latin-ext':
    'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
  vietnamese:
    'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB',
  cyrillic: 'U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116',
  'cyrillic-ext': 'U+0460-052F,U+1C80-1C8A,U+20B4,U+2DE0-2DFF,U+A640-A69F,U+FE2E-FE2F',
  arabic:
    'U+0600-06FF,U+0750-077F,U+0870-088E,U+0890-0891,U+0897-08E1,U+08E3-08FF,U+200C-200E,U+2010-2011,U+204F,U+2E41,U+FB50-FDFF,U+FE70-FE74,U+FE76-FEFC',
} as const;
type Subset = keyof typeof RANGES;

const SUBSETS_BY_SCRIPT: Record<Script, readonly Subset[]> = {
  Latn: ['latin', 'latin-ext'],
  Cyrl: ['latin', 'cyrillic', 'cyrillic-ext'],
  Arab: ['latin', 'arabic'],
};

/**
 * One weight per script: bold text is drawn by the browser from the regular
 * face (font-synthesis). A second weight doubled what a phone without the
 * system fonts downloads on its first visit (Arabic: 19.2 KB of fonts instead
 * of 9.4 KB) for headings that read the same.
 */
const WEB_FONT_WEIGHT = 400;

function faceFor(subset: Subset): FontFace {
  const weight = WEB_FONT_WEIGHT;
  const arabic = subset === 'arabic';
  const pkg = arabic ? 'noto-sans-arabic' : 'noto-sans';
  return {
    family: arabic ? 'Noto Sans Arabic' : 'Noto Sans',
    localNames: arabic ? ['Noto Sans Arabic', 'NotoSansArabic-Regular'] : ['Noto Sans', 'NotoSans-Regular'],
    file: `${pkg}-${subset}-${weight}-normal.woff2`,
    package: pkg,
    weight,
    unicodeRange: RANGES[subset],
  };
}

/** The faces a page in this language needs; Vietnamese adds its own Latin subset. */
export function fontFacesFor(script: Script, lang: string): FontFace[] {
  const subsets: Subset[] = [
    ...SUBSETS_BY_SCRIPT[script],
    ...(lang === 'vi' ? (['vietnamese'] as const) : []),
  ];
  return subsets.map(faceFor);
}

/** Every face any page can ask for: what the build copies to /fonts/. */
export function allFontFaces(): FontFace[] {
  return (Object.keys(RANGES) as Subset[]).map(faceFor);
}

export function fontFaceCss(faces: readonly FontFace[]): string {
  return faces
    .map(
      (face) =>
        `@font-face{font-family:'${face.family}';font-style:normal;font-weight:${face.weight};font-display:swap;` +
        `src:${face.localNames.map((name) => `local('${name}')`).join(',')},url(/fonts/${face.file}) format('woff2');unicode-range:${face.unicodeRange}}`,
    )
    .join('');
}

/**
 * Families whose scripts (Latin, Cyrillic, Vietnamese) the phones' own UI
 * fonts, first in the stack (San Francisco, Segoe UI, Roboto), draw, so
 * these files are a fallback for devices without them (a Linux desktop such
 * as this project's test machine). Arabic is the script a device is likelier
 * to lack. The first-visit budget counts the other families' files
 * (src/lib/budgets.ts); measure:visit shows the device without any.
 */
export const SYSTEM_COVERED_FAMILIES: ReadonlySet<FontFace['family']> = new Set(['Noto Sans']);

/** Code point intervals of a CSS unicode-range ("U+0000-00FF,U+0131"). */
export function unicodeIntervals(range: string): [number, number][] {
  return range.split(',').map((part) => {
    const [from = '', to = from] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(from, 16), parseInt(to, 16)];
  });
}

/** Unicode code points, U+0000 to U+10FFFF. */
export const CODE_POINTS = 0x110000;

/**
 * Marks each code point of `text` in `seen` (one byte per code point). A site's
 * text is gigabytes at scale; reading it by UTF-16 unit keeps this one pass
 * with no string made per character.
 */
export function markCodePoints(text: string, seen: Uint8Array = new Uint8Array(CODE_POINTS)): Uint8Array {
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    const low = unit >= 0xd800 && unit <= 0xdbff ? text.charCodeAt(i + 1) : 0;
    if (low >= 0xdc00 && low <= 0xdfff) {
      seen[0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00)] = 1;
      i += 1;
    } else seen[unit] = 1;
  }
  return seen;
}

/** The characters of `text` (or of code points marked by `markCodePoints`) a face with this unicode-range draws, each once, in code point order. */
export function charactersInRange(text: string | Uint8Array, range: string): string {
  const seen = typeof text === 'string' ? markCodePoints(text) : text;
  const found = new Set<number>();
  for (const [from, to] of unicodeIntervals(range))
    for (let codePoint = from; codePoint <= Math.min(to, CODE_POINTS - 1); codePoint += 1)
      if (seen[codePoint]) found.add(codePoint);
  return String.fromCodePoint(...[...found].sort((a, b) => a - b));
}
