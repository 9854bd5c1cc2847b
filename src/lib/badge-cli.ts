/**
 * What `npm run badge:keygen` and `npm run badge:sign` need besides the token
 * logic of badge.ts: where a private key may be written, reading the command
 * line into claims, and the printable badge (SVG, A6 portrait). Node only.
 */
import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import {
  endOfDay,
  lastValidDay,
  MAX_BADGE_SECONDS,
  newBadgeId,
  type BadgeClaims,
  type EcPublicJwk,
} from './badge';
import type { QrSymbol } from './qr';

/** True when `path` is `folder` or anywhere below it (as written, no links followed). */
export function isInsideFolder(folder: string, path: string): boolean {
  const rel = relative(resolve(folder), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Where a path that may not exist yet really leads: symbolic links followed
 * (a dangling one too, to where it points), then the real path of the nearest
 * existing parent with the rest of the path appended.
 */
export function realPathOf(path: string): string {
  let current = resolve(path);
  const rest: string[] = [];
  for (let hops = 0; hops < 40; ) {
    const stat = lstatSync(current, { throwIfNoEntry: false });
    if (stat?.isSymbolicLink()) {
      current = resolve(dirname(current), readlinkSync(current));
      hops += 1;
    } else if (stat || dirname(current) === current) break;
    else {
      rest.unshift(basename(current));
      current = dirname(current);
    }
  }
  return join(realpathSync(current), ...rest);
}

/** True when `path`, with every symbolic link followed, lies in `folder` (itself resolved). */
export function isReallyInsideFolder(folder: string, path: string): boolean {
  return isInsideFolder(realPathOf(folder), realPathOf(path));
}

/** The private key file keygen writes: the JWK plus which key id and issuer it signs as. */
export interface PrivateKeyFile {
  readonly kid: string;
  readonly issuer: string;
  readonly created: string;
  readonly jwk: JsonWebKey;
}

/** The entry to paste into content/badges/keys.yaml. */
export function keysYamlEntry(kid: string, issuer: string, added: string, jwk: EcPublicJwk): string {
  return [
    `- id: ${kid}`,
    `  issuer: ${JSON.stringify(issuer)}`,
    `  added: ${added}`,
    `  jwk: { kty: EC, crv: P-256, x: "${jwk.x}", y: "${jwk.y}" }`,
  ].join('\n');
}

/** `--name value` pairs; a flag given twice keeps the last value. */
export function parseFlags(argv: readonly string[]): { flags: Record<string, string>; positional: string[] } {
  const flags: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--')) {
      const [name = '', inline] = arg.slice(2).split(/=(.*)/s);
      if (inline !== undefined) flags[name] = inline;
      else flags[name] = argv[++i] ?? '';
    } else positional.push(arg);
  }
  return { flags, positional };
}

/**
 * Claims from the sign command's flags; throws with the fix when something is
 * missing or wrong. `stationTimeZones` maps each station's short code to its
 * country's time zone: "--until" is the end of that day there (UTC without a station).
 */
export function claimsFromFlags(
  flags: Record<string, string>,
  kid: string,
  now: Date,
  stationTimeZones: ReadonlyMap<string, string>,
): BadgeClaims {
  const need = (name: string) => {
    const value = flags[name]?.trim();
    if (!value)
      throw new Error(`--${name} is required (e.g. --${name} ${name === 'until' ? '2027-06-30' : '"…"'})`);
    return value;
  };
  const org = need('org');
  const role = need('role');
  const until = need('until');
  const station = flags.station?.trim().toUpperCase();
  if (station && !stationTimeZones.has(station))
    throw new Error(
      `--station ${station} is not a station short code in content/stations/ (known: ${[...stationTimeZones.keys()].join(', ')})`,
    );
  const exp = endOfDay(until, station ? stationTimeZones.get(station) : 'UTC');
  const iat = Math.floor(now.getTime() / 1000);
  if (exp <= iat)
    throw new Error(`--until ${until} is already past; a badge must be valid for at least a day`);
  if (exp - iat > MAX_BADGE_SECONDS)
    throw new Error(`--until ${until} is more than five years away; issue badges for five years at most`);
  const name = flags.name?.trim();
  return {
    v: 1,
    kid,
    id: flags.id?.trim() || newBadgeId(),
    org,
    role,
    ...(name ? { name } : {}),
    ...(station ? { stn: station } : {}),
    iat,
    exp,
  };
}

const escapeXml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );

export interface BadgeArtwork {
  readonly claims: BadgeClaims;
  /** The station's name for the printed text (the QR holds only the code). */
  readonly stationName?: string;
  /** The station's time zone, in which "valid until" is a day (UTC without a station). */
  readonly timeZone?: string;
  /** What the QR code holds: the /verify/#TOKEN address. */
  readonly url: string;
  /** The QR symbol of `url` (qrSymbol() in src/lib/qr.ts, quiet zone included). */
  readonly qr: Pick<QrSymbol, 'path' | 'viewBox'>;
}

/**
 * A printable badge, A6 portrait (105 × 148 mm), black on white: who, for
 * whom, until when, the QR code at 70 mm, and how to check it. Print at 100 %.
 */
export function badgeSvg({ claims, stationName, timeZone, url, qr }: BadgeArtwork): string {
  const host = new URL(url).host;
  const lines: [number, number, string, string][] = [
    [12, 7, 'bold', claims.org],
    [22, 5.2, 'normal', claims.role],
    ...(claims.name ? [[31, 6, 'bold', claims.name] as [number, number, string, string]] : []),
    ...(claims.stn
      ? [
          [39, 4.2, 'normal', stationName ? `${stationName} (${claims.stn})` : claims.stn] as [
            number,
            number,
            string,
            string,
          ],
        ]
      : []),
    [46, 4.2, 'normal', `Valid until ${lastValidDay(claims.exp, timeZone)}`],
  ];
  // Long names are squeezed to the card's width rather than cut off (about 0.55 em per character).
  const fit = (value: string, size: number) =>
    value.length * size * 0.55 > 96 ? ' textLength="96" lengthAdjust="spacingAndGlyphs"' : '';
  const text = lines
    .map(
      ([y, size, weight, value]) =>
        `<text x="52.5" y="${y}" font-size="${size}" font-weight="${weight}" text-anchor="middle"${fit(value, size)}>${escapeXml(value)}</text>`,
    )
    .join('\n  ');
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="105mm" height="148mm" viewBox="0 0 105 148" font-family="Noto Sans, Arial, sans-serif" fill="#000">
  <rect width="105" height="148" fill="#fff"/>
  <rect x="1.5" y="1.5" width="102" height="145" fill="none" stroke="#000" stroke-width="0.6"/>
  ${text}
  <svg x="17.5" y="52" width="70" height="70" viewBox="0 0 ${qr.viewBox} ${qr.viewBox}" shape-rendering="crispEdges"><path d="${qr.path}"/></svg>
  <text x="52.5" y="128.5" font-size="4.6" font-weight="bold" text-anchor="middle">Scan to check this badge</text>
  <text x="52.5" y="134" font-size="3.6" text-anchor="middle">Your phone shows VALID or NOT VALID.</text>
  <text x="52.5" y="139" font-size="3.6" text-anchor="middle">${escapeXml(host)}/verify/</text>
  <text x="52.5" y="144" font-size="2.8" text-anchor="middle">Badge ${escapeXml(claims.id)}</text>
</svg>
`;
}
