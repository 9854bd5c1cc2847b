/**
 * npm run badge:sign -- --key <private key file> --org "Organisation" --role "Role"
 *                       --until 2027-06-30 [--name "Holder"] [--station RO-BN] [--out badge.svg]
 *
 * Signs a helper badge: prints the token, the /verify/ address its QR code
 * holds and the badge id (to revoke it later in content/badges/revoked.yaml),
 * and writes a printable badge, A6 SVG (print at 100 %). SITE_URL sets the
 * site's address (as for the build).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { importPrivateJwk, signBadge, verifyBadge } from '../src/lib/badge';
import { badgeSvg, claimsFromFlags, parseFlags, type PrivateKeyFile } from '../src/lib/badge-cli';
import { config } from '../src/config';
import { qrSymbol } from '../src/lib/qr';
import { badgeCheckUrl } from '../src/lib/urls';
import { readContent } from '../src/data/read-content';
import { ALL_LANGUAGE_CODES } from '../src/lib/languages';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { flags } = parseFlags(process.argv.slice(2));
if (!flags.key)
  fail(
    'Usage: npm run badge:sign -- --key <private key file> --org "Organisation" --role "Role" --until YYYY-MM-DD [--name "Holder"] [--station RO-BN] [--out badge.svg]',
  );

let keyFile: PrivateKeyFile;
try {
  keyFile = JSON.parse(readFileSync(resolve(flags.key), 'utf8')) as PrivateKeyFile;
} catch (error) {
  fail(`Cannot read the key file ${flags.key}: ${(error as Error).message}`);
}
const privateKey = await importPrivateJwk(keyFile.jwk).catch((error: Error) => fail(error.message));

const { content } = readContent(config.contentDir, {
  siteLanguages: ALL_LANGUAGE_CODES,
  today: new Date().toISOString().slice(0, 10),
});
const stations = new Map(content.stations.map((entry) => [entry.data.code, entry.data.name]));
const countryTimeZones = new Map(content.countries.map((entry) => [entry.data.code, entry.data.timezone]));
const stationTimeZones = new Map(
  content.stations.map((entry) => [entry.data.code, countryTimeZones.get(entry.data.country) ?? 'UTC']),
);
let claims;
try {
  claims = claimsFromFlags(flags, keyFile.kid, new Date(), stationTimeZones);
} catch (error) {
  fail((error as Error).message);
}

const token = await signBadge(claims, privateKey);
// Check the result with the public half before anything is printed.
const publicJwk = { kty: 'EC', crv: 'P-256', x: keyFile.jwk.x ?? '', y: keyFile.jwk.y ?? '' } as const;
const check = await verifyBadge(
  token,
  { keys: [{ id: keyFile.kid, issuer: keyFile.issuer, jwk: publicJwk }], revoked: [] },
  new Date(),
);
if (!check.valid) fail(`The new badge does not verify (${check.problem}); the key file may be damaged.`);

const url = new URL(badgeCheckUrl(token), config.siteUrl).href;
const out = resolve(flags.out ?? `badge-${claims.id}.svg`);
writeFileSync(
  out,
  badgeSvg({
    claims,
    stationName: claims.stn ? stations.get(claims.stn) : undefined,
    timeZone: claims.stn ? stationTimeZones.get(claims.stn) : undefined,
    url,
    qr: qrSymbol(url),
  }),
);

console.log(`Badge id:  ${claims.id}   (to withdraw it, add this id to content/badges/revoked.yaml)`);
console.log(`Token:     ${token}`);
console.log(`QR holds:  ${url}`);
console.log(`Printable: ${out} (A6; print at 100 %)`);
console.log(
  `The key "${keyFile.kid}" must be listed in content/badges/keys.yaml of the published site, or the badge reads NOT VALID.`,
);
