/**
 * Signed helper badges: the token on a badge's QR code, and its check.
 *
 * A token is `base64url(claims JSON) "." base64url(signature)`, signed with
 * ECDSA P-256 / SHA-256 by the coordinating organisation's private key. The
 * site ships only public keys (content/badges/keys.yaml) and a revocation
 * list (content/badges/revoked.yaml); the browser checks a badge with
 * WebCrypto, offline. Pure logic: works with Node's and the browser's
 * `crypto.subtle`, no file system, no DOM.
 */

/** What a badge says about its holder. Short names keep the QR code small. */
export interface BadgeClaims {
  /** Format version. */
  readonly v: 1;
  /** Which public key verifies it (content/badges/keys.yaml `id`). */
  readonly kid: string;
  /** The badge's own id, so it can be revoked on its own. */
  readonly id: string;
  /** The organisation the holder works for. */
  readonly org: string;
  readonly role: string;
  /** The holder's name as printed on the badge (optional). */
  readonly name?: string;
  /** The station's short code, e.g. "RO-BN" (optional: a badge may cover a whole city). */
  readonly stn?: string;
  /** Issued at, seconds since 1970 (UTC). */
  readonly iat: number;
  /** Valid until, seconds since 1970 (UTC); the badge is void from this instant on. */
  readonly exp: number;
}

/** A public key as it stands in content/badges/keys.yaml. */
export interface BadgePublicKey {
  readonly id: string;
  /** Who holds the private key and signs badges (shown as "issued by"). */
  readonly issuer: string;
  readonly jwk: EcPublicJwk;
}

export interface EcPublicJwk {
  readonly kty: 'EC';
  readonly crv: 'P-256';
  readonly x: string;
  readonly y: string;
}

export interface BadgeTrust {
  readonly keys: readonly BadgePublicKey[];
  /** Ids of badges that are void even though their signature is good. */
  readonly revoked: readonly string[];
}

export type BadgeProblem =
  /** No token in the address. */
  | 'missing'
  /** Not a badge token at all, or cut short. */
  | 'malformed'
  /** Signed with a key this site does not know (or no longer trusts). */
  | 'unknown-key'
  /** The claims or the signature were changed after signing. */
  | 'bad-signature'
  | 'revoked'
  /** Its issue time is still in the future (by more than a phone clock's usual error). */
  | 'not-yet-valid'
  | 'expired'
  /** This browser cannot check signatures (no WebCrypto, e.g. plain http). */
  | 'unsupported';

export type BadgeCheck =
  | { readonly valid: true; readonly claims: BadgeClaims; readonly issuer: string }
  | { readonly valid: false; readonly problem: BadgeProblem; readonly claims?: BadgeClaims };

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNATURE = { name: 'ECDSA', hash: 'SHA-256' } as const;
/** A P-256 signature in WebCrypto's raw form is r ‖ s, 32 bytes each. */
const SIGNATURE_BYTES = 64;

// ── base64url (RFC 4648 §5, no padding) ────────────────────────────────────

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function base64urlEncode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const triple = (a << 16) | (b << 8) | c;
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += ALPHABET[(triple >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** Decodes base64url; undefined when the text is not valid base64url. */
export function base64urlDecode(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of text) {
    buffer = ((buffer << 6) | ALPHABET.indexOf(char)) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[index++] = (buffer >> bits) & 0xff;
    }
  }
  // Leftover bits must be zero, otherwise two texts would decode to the same bytes.
  if ((buffer & ((1 << bits) - 1)) !== 0) return undefined;
  return bytes;
}

// ── tokens ─────────────────────────────────────────────────────────────────

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

function subtle(): SubtleCrypto | undefined {
  return globalThis.crypto?.subtle;
}

/** Signs the claims; `privateKey` is an ECDSA P-256 key with usage "sign". */
export async function signBadge(claims: BadgeClaims, privateKey: CryptoKey): Promise<string> {
  const crypto = subtle();
  if (!crypto) throw new Error('WebCrypto is not available here.');
  const body = base64urlEncode(encoder.encode(JSON.stringify(claims)));
  const signature = new Uint8Array(await crypto.sign(SIGNATURE, privateKey, encoder.encode(body)));
  return `${body}.${base64urlEncode(signature)}`;
}

export interface ParsedToken {
  readonly claims: BadgeClaims;
  /** The exact text that was signed. */
  readonly body: string;
  readonly signature: Uint8Array<ArrayBuffer>;
}

/** The earliest and latest instants a badge may name (2020-01-01, 2100-01-01 UTC): anything outside is no badge, and a `Date` can show both. */
export const EARLIEST_BADGE_TIME = 1_577_836_800;
export const LATEST_BADGE_TIME = 4_102_444_800;
/** A badge is valid for five years at most; badge:sign refuses longer. */
export const MAX_BADGE_SECONDS = 5 * 366 * 24 * 60 * 60;
/** How far a phone's clock may lag the issuer's before a fresh badge reads "not valid yet". */
export const CLOCK_SKEW_SECONDS = 10 * 60;

const isText = (value: unknown, max = 200): value is string =>
  typeof value === 'string' && value.trim().length > 0 && value.length <= max;
const isTime = (value: unknown): value is number =>
  typeof value === 'number' &&
  Number.isInteger(value) &&
  value >= EARLIEST_BADGE_TIME &&
  value <= LATEST_BADGE_TIME;

function asClaims(value: unknown): BadgeClaims | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const c = value as Record<string, unknown>;
  if (c.v !== 1 || !isText(c.kid, 64) || !isText(c.id, 64) || !isText(c.org) || !isText(c.role))
    return undefined;
  if (c.name !== undefined && !isText(c.name)) return undefined;
  if (c.stn !== undefined && !(typeof c.stn === 'string' && /^[A-Z]{2}-[A-Z0-9]{2,6}$/.test(c.stn)))
    return undefined;
  if (!isTime(c.iat) || !isTime(c.exp) || c.exp <= c.iat || c.exp - c.iat > MAX_BADGE_SECONDS)
    return undefined;
  return value as BadgeClaims;
}

/** Splits and decodes a token without checking its signature; undefined when it is not a well-formed token. */
export function parseBadgeToken(token: string): ParsedToken | undefined {
  const parts = token.trim().split('.');
  if (parts.length !== 2) return undefined;
  const [body = '', signatureText = ''] = parts;
  const json = base64urlDecode(body);
  const signature = base64urlDecode(signatureText);
  if (!json || !signature || signature.length !== SIGNATURE_BYTES) return undefined;
  let claims: BadgeClaims | undefined;
  try {
    claims = asClaims(JSON.parse(decoder.decode(json)));
  } catch {
    return undefined;
  }
  return claims ? { claims, body, signature } : undefined;
}

/** The token in a /verify/ address fragment ("#TOKEN"), or "" when there is none. */
export function tokenFromFragment(hash: string): string {
  const raw = hash.replace(/^#/, '');
  try {
    return decodeURIComponent(raw).trim();
  } catch {
    return raw.trim();
  }
}

export function importPublicKey(jwk: EcPublicJwk): Promise<CryptoKey> {
  const crypto = subtle();
  if (!crypto) throw new Error('WebCrypto is not available here.');
  return crypto.importKey(
    'jwk',
    { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, ext: true },
    ALGORITHM,
    false,
    ['verify'],
  );
}

/**
 * Checks a badge token: well-formed (times within bounds), signed by a known
 * key, not revoked, already issued and not expired at `now`. The signature is checked before anything the token says
 * is believed, so a forged "revoked" or "expired" badge still reads "bad signature".
 */
export async function verifyBadge(token: string, trust: BadgeTrust, now: Date): Promise<BadgeCheck> {
  if (!token.trim()) return { valid: false, problem: 'missing' };
  const parsed = parseBadgeToken(token);
  if (!parsed) return { valid: false, problem: 'malformed' };
  const crypto = subtle();
  if (!crypto) return { valid: false, problem: 'unsupported' };
  const key = trust.keys.find((k) => k.id === parsed.claims.kid);
  if (!key) return { valid: false, problem: 'unknown-key' };
  let good = false;
  try {
    good = await crypto.verify(
      SIGNATURE,
      await importPublicKey(key.jwk),
      parsed.signature,
      encoder.encode(parsed.body),
    );
  } catch {
    good = false;
  }
  if (!good) return { valid: false, problem: 'bad-signature' };
  const { claims } = parsed;
  if (trust.revoked.includes(claims.id)) return { valid: false, problem: 'revoked', claims };
  if (now.getTime() < (claims.iat - CLOCK_SKEW_SECONDS) * 1000)
    return { valid: false, problem: 'not-yet-valid', claims };
  if (now.getTime() >= claims.exp * 1000) return { valid: false, problem: 'expired', claims };
  return { valid: true, claims, issuer: key.issuer };
}

// ── keys and dates (used by the signing scripts and tests) ─────────────────

export async function generateBadgeKeyPair(): Promise<CryptoKeyPair> {
  const crypto = subtle();
  if (!crypto) throw new Error('WebCrypto is not available here.');
  return crypto.generateKey(ALGORITHM, true, ['sign', 'verify']);
}

export async function exportPublicJwk(key: CryptoKey): Promise<EcPublicJwk> {
  const jwk = await (subtle() as SubtleCrypto).exportKey('jwk', key);
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.x || !jwk.y)
    throw new Error('Not an ECDSA P-256 public key.');
  return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
}

export function importPrivateJwk(jwk: JsonWebKey): Promise<CryptoKey> {
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.d)
    throw new Error('Not an ECDSA P-256 private key (JWK with "d").');
  const { kty, crv, x, y, d } = jwk;
  return (subtle() as SubtleCrypto).importKey('jwk', { kty, crv, x, y, d, ext: false }, ALGORITHM, false, [
    'sign',
  ]);
}

/** The wall clock in an IANA time zone at an instant: calendar date and 24-hour time, as numbers. */
function wallClock(instantMs: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instantMs);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}

/** The calendar date (YYYY-MM-DD) of an instant in an IANA time zone. */
function dateIn(instantMs: number, timeZone: string): string {
  const { year, month, day } = wallClock(instantMs, timeZone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** How far the wall clock in `timeZone` is ahead of UTC at an instant, in ms. */
function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const { year, month, day, hour, minute, second } = wallClock(instantMs, timeZone);
  return Date.UTC(year, month - 1, day, hour, minute, second) - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The last day a badge is valid, YYYY-MM-DD in the station's time zone (what
 * the badge prints as "valid until"); UTC for a badge without a station.
 */
export function lastValidDay(exp: number, timeZone = 'UTC'): string {
  return dateIn((exp - 1) * 1000, timeZone);
}

/** A fresh random badge id (96 bits, base64url). */
export function newBadgeId(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  return base64urlEncode(bytes);
}

/**
 * "Valid until 2027-06-30" means through the end of that day where the
 * badge is used: the first instant of the next day in `timeZone` (seconds).
 */
export function endOfDay(isoDate: string, timeZone = 'UTC'): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate))
    throw new Error(`Write the date as YYYY-MM-DD, not "${isoDate}".`);
  const start = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(start) || new Date(start).toISOString().slice(0, 10) !== isoDate)
    throw new Error(`"${isoDate}" is not a real date.`);
  const nextMidnightUtc = start + 24 * 60 * 60 * 1000;
  // The zone's offset at the result can differ from the one at the guess when a clock change falls in between.
  let end = nextMidnightUtc - zoneOffsetMs(nextMidnightUtc, timeZone);
  end = nextMidnightUtc - zoneOffsetMs(end, timeZone);
  return end / 1000;
}
