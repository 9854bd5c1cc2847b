import { describe, expect, it } from 'vitest';
import {
  base64urlDecode,
  base64urlEncode,
  endOfDay,
  exportPublicJwk,
  generateBadgeKeyPair,
  lastValidDay,
  parseBadgeToken,
  signBadge,
  tokenFromFragment,
  verifyBadge,
  type BadgeClaims,
  type BadgeTrust,
} from '../../src/lib/badge';

// A throwaway key pair made for this test run; no private key is ever stored.
const coordinator = await generateBadgeKeyPair();
const stranger = await generateBadgeKeyPair();
const trust: BadgeTrust = {
  keys: [
    {
      id: 'test-2026',
      issuer: 'Test coordination office',
      jwk: await exportPublicJwk(coordinator.publicKey),
    },
  ],
  revoked: ['revoked-badge-1'],
};

const claims: BadgeClaims = {
  v: 1,
  kid: 'test-2026',
  id: 'badge-0001',
  org: 'Caritas Test',
  role: 'Volunteer helper',
  name: 'Ana Pop',
  stn: 'RO-BN',
  iat: endOfDay('2026-01-01') - 86400,
  exp: endOfDay('2026-12-31'),
};
const during = new Date('2026-06-15T12:00:00Z');

/** Replaces one character of the text with another valid base64url character. */
function flip(text: string, at: number): string {
  const char = text[at] === 'A' ? 'B' : 'A';
  return text.slice(0, at) + char + text.slice(at + 1);
}

describe('base64url', () => {
  it('round-trips every length and byte value', () => {
    for (let length = 0; length < 40; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + length * 31) % 256);
      const text = base64urlEncode(bytes);
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(base64urlDecode(text)).toEqual(bytes);
    }
  });
  it('matches the RFC 4648 test vectors without padding', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg'],
      ['fo', 'Zm8'],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg'],
      ['fooba', 'Zm9vYmE'],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, encoded] of vectors)
      expect(base64urlEncode(new TextEncoder().encode(plain))).toBe(encoded);
    expect(base64urlEncode(Uint8Array.of(0xfb, 0xff))).toBe('-_8');
  });
  it('rejects text that is not base64url', () => {
    expect(base64urlDecode('ab+/')).toBeUndefined();
    expect(base64urlDecode('Zm9v=')).toBeUndefined();
    expect(base64urlDecode('Z')).toBeUndefined();
    // Non-zero leftover bits would let two texts mean the same bytes.
    expect(base64urlDecode('Zh')).toBeUndefined();
  });
});

describe('signing and verifying a badge', () => {
  it('a freshly signed badge is valid, and says who issued it', async () => {
    const token = await signBadge(claims, coordinator.privateKey);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}$/);
    const check = await verifyBadge(token, trust, during);
    expect(check).toEqual({ valid: true, claims, issuer: 'Test coordination office' });
  });

  it('reads the token from an address fragment, encoded or not', async () => {
    const token = await signBadge(claims, coordinator.privateKey);
    expect(tokenFromFragment(`#${token}`)).toBe(token);
    expect(tokenFromFragment(`#${encodeURIComponent(token)}`)).toBe(token);
    expect(tokenFromFragment('')).toBe('');
  });

  it('a badge signed by another key is not valid, even with a known key id', async () => {
    const forged = await signBadge(claims, stranger.privateKey);
    expect(await verifyBadge(forged, trust, during)).toEqual({ valid: false, problem: 'bad-signature' });
  });

  it('a badge whose key the site does not know is not valid', async () => {
    const token = await signBadge({ ...claims, kid: 'retired-2024' }, coordinator.privateKey);
    expect(await verifyBadge(token, trust, during)).toEqual({ valid: false, problem: 'unknown-key' });
    expect(
      await verifyBadge(await signBadge(claims, coordinator.privateKey), { keys: [], revoked: [] }, during),
    ).toMatchObject({ valid: false, problem: 'unknown-key' });
  });
});

describe('expiry', () => {
  it('is valid through the last day printed on the badge, and void from the next day (UTC)', async () => {
    const token = await signBadge(claims, coordinator.privateKey);
    expect(lastValidDay(claims.exp)).toBe('2026-12-31');
    expect((await verifyBadge(token, trust, new Date('2026-12-31T23:59:59Z'))).valid).toBe(true);
    expect(await verifyBadge(token, trust, new Date('2027-01-01T00:00:00Z'))).toEqual({
      valid: false,
      problem: 'expired',
      claims,
    });
    expect((await verifyBadge(token, trust, new Date('2030-01-01T00:00:00Z'))).valid).toBe(false);
  });
  it('refuses dates that do not exist', () => {
    expect(() => endOfDay('2026-02-30')).toThrow(/not a real date/);
    expect(() => endOfDay('30.06.2026')).toThrow(/YYYY-MM-DD/);
  });

  it('"valid until" is the end of that day in the station\'s time zone, across clock changes', async () => {
    // Bucharest is UTC+2 in winter, UTC+3 in summer; London UTC+0 / UTC+1.
    expect(endOfDay('2026-12-31', 'Europe/Bucharest')).toBe(Date.parse('2026-12-31T22:00:00Z') / 1000);
    expect(endOfDay('2026-06-30', 'Europe/Bucharest')).toBe(Date.parse('2026-06-30T21:00:00Z') / 1000);
    expect(endOfDay('2026-03-28', 'Europe/London')).toBe(Date.parse('2026-03-29T00:00:00Z') / 1000); // clocks go forward at 01:00 on the 29th
    expect(endOfDay('2026-03-29', 'Europe/London')).toBe(Date.parse('2026-03-29T23:00:00Z') / 1000);
    expect(endOfDay('2026-10-24', 'Europe/Bucharest')).toBe(Date.parse('2026-10-24T21:00:00Z') / 1000); // back on the 25th at 04:00
    expect(endOfDay('2026-10-25', 'Europe/Bucharest')).toBe(Date.parse('2026-10-25T22:00:00Z') / 1000);
    const exp = endOfDay('2026-12-31', 'Europe/Bucharest');
    expect(lastValidDay(exp, 'Europe/Bucharest')).toBe('2026-12-31');
    const local = { ...claims, exp };
    const token = await signBadge(local, coordinator.privateKey);
    expect((await verifyBadge(token, trust, new Date('2026-12-31T21:59:59Z'))).valid).toBe(true); // 23:59:59 in Bucharest
    expect(await verifyBadge(token, trust, new Date('2026-12-31T22:00:00Z'))).toEqual({
      valid: false,
      problem: 'expired',
      claims: local,
    });
  });
});

describe('times out of bounds', () => {
  /** A token with these claims and a real signature: only the time checks can refuse it. */
  const signed = (overrides: Record<string, unknown>) =>
    signBadge({ ...claims, ...overrides } as BadgeClaims, coordinator.privateKey);

  it('a badge issued in the future is not valid yet (a phone clock a few minutes behind is tolerated)', async () => {
    const nextYear = {
      ...claims,
      iat: Date.parse('2027-06-01T00:00:00Z') / 1000,
      exp: Date.parse('2027-12-31T00:00:00Z') / 1000,
    };
    const token = await signBadge(nextYear, coordinator.privateKey);
    expect(await verifyBadge(token, trust, during)).toEqual({
      valid: false,
      problem: 'not-yet-valid',
      claims: nextYear,
    });
    expect((await verifyBadge(token, trust, new Date('2027-05-31T23:55:00Z'))).valid).toBe(true);
    expect((await verifyBadge(token, trust, new Date('2027-05-31T23:45:00Z'))).valid).toBe(false);
  });

  it('times no date can show, before 2020, after 2100 or more than five years apart are malformed, never an exception', async () => {
    for (const times of [
      { exp: 1e300 },
      { exp: Number.MAX_SAFE_INTEGER },
      { exp: 4_102_444_801 },
      { iat: 0 },
      { iat: -1 },
      { iat: 1_500_000_000 },
      { iat: 1.5e9 + 0.5 },
      { exp: claims.iat + 6 * 365 * 86400 },
      { exp: claims.iat },
      { exp: '1798761600' },
    ]) {
      const token = await signed(times);
      expect(parseBadgeToken(token), JSON.stringify(times)).toBeUndefined();
      expect(await verifyBadge(token, trust, during), JSON.stringify(times)).toEqual({
        valid: false,
        problem: 'malformed',
      });
    }
  });
});

describe('revocation', () => {
  it('a revoked badge is not valid although its signature and date are good', async () => {
    const revokedClaims = { ...claims, id: 'revoked-badge-1' };
    const token = await signBadge(revokedClaims, coordinator.privateKey);
    expect(await verifyBadge(token, trust, during)).toEqual({
      valid: false,
      problem: 'revoked',
      claims: revokedClaims,
    });
    // The same badge is fine where the list does not name it.
    expect((await verifyBadge(token, { ...trust, revoked: [] }, during)).valid).toBe(true);
  });
});

describe('tampered tokens', () => {
  it('any change to the claims breaks the signature', async () => {
    const token = await signBadge(claims, coordinator.privateKey);
    const [body = '', signature = ''] = token.split('.');
    // Re-encode the claims with a later expiry and a different role: well-formed, but not what was signed.
    const longer = base64urlEncode(
      new TextEncoder().encode(
        JSON.stringify({ ...claims, exp: claims.exp + 365 * 86400, role: 'Police officer' }),
      ),
    );
    expect(parseBadgeToken(`${longer}.${signature}`)).toBeDefined();
    expect(await verifyBadge(`${longer}.${signature}`, trust, during)).toEqual({
      valid: false,
      problem: 'bad-signature',
    });
    // Changing single characters anywhere never yields a valid badge.
    for (const at of [0, 5, Math.floor(body.length / 2), body.length - 2]) {
      const check = await verifyBadge(`${flip(body, at)}.${signature}`, trust, during);
      expect(check.valid, `body char ${at}`).toBe(false);
      expect(['bad-signature', 'malformed']).toContain(check.valid ? '' : check.problem);
    }
    for (const at of [0, 40, 84]) {
      expect(
        await verifyBadge(`${body}.${flip(signature, at)}`, trust, during),
        `signature char ${at}`,
      ).toEqual({ valid: false, problem: 'bad-signature' });
    }
  });

  it('a forged "revoked" or "expired" claim still reads as a bad signature first', async () => {
    const token = await signBadge(claims, coordinator.privateKey);
    const signature = token.split('.')[1];
    const forged = base64urlEncode(
      new TextEncoder().encode(JSON.stringify({ ...claims, id: 'revoked-badge-1' })),
    );
    expect(await verifyBadge(`${forged}.${signature}`, trust, during)).toEqual({
      valid: false,
      problem: 'bad-signature',
    });
  });

  it('anything that is not a token is malformed, and no token is missing', async () => {
    const token = await signBadge(claims, coordinator.privateKey);
    const [body = '', signature = ''] = token.split('.');
    for (const bad of [
      'hello',
      `${body}.`,
      `.${signature}`,
      `${body}.${signature}.x`,
      `${body}.${signature.slice(0, 40)}`,
      'e30.' + signature,
      '!!!.' + signature,
    ]) {
      expect(await verifyBadge(bad, trust, during), bad).toEqual({ valid: false, problem: 'malformed' });
    }
    expect(await verifyBadge('', trust, during)).toEqual({ valid: false, problem: 'missing' });
    expect(await verifyBadge('   ', trust, during)).toEqual({ valid: false, problem: 'missing' });
  });

  it('claims of the wrong shape are malformed even when signed', async () => {
    const wrong = [
      { ...claims, v: 2 },
      { ...claims, exp: claims.iat },
      { ...claims, stn: 'bucharest' },
      { ...claims, org: '' },
    ];
    for (const shape of wrong) {
      const token = await signBadge(shape as BadgeClaims, coordinator.privateKey);
      expect(await verifyBadge(token, trust, during), JSON.stringify(shape)).toEqual({
        valid: false,
        problem: 'malformed',
      });
    }
  });
});
