/**
 * npm run badge:keygen -- <private key file> [--id coordinator-2026] [--issuer "Organisation"]
 *
 * Makes an ECDSA P-256 key pair for signing helper badges. Writes the PRIVATE
 * key to the file given (which must be outside this repository, and new), and
 * prints the PUBLIC key entry to paste into content/badges/keys.yaml.
 */
import { lstatSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportPublicJwk, generateBadgeKeyPair } from '../src/lib/badge';
import { isReallyInsideFolder, keysYamlEntry, parseFlags, type PrivateKeyFile } from '../src/lib/badge-cli';

const repository = fileURLToPath(new URL('..', import.meta.url));
const { flags, positional } = parseFlags(process.argv.slice(2));
const target = positional[0];
const today = new Date().toISOString().slice(0, 10);
const kid = flags.id ?? `coordinator-${today.slice(0, 4)}`;
const issuer = flags.issuer ?? 'Coordinating organisation (edit this name)';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

if (!target)
  fail(
    'Usage: npm run badge:keygen -- <private key file outside this repository> [--id coordinator-2026] [--issuer "Organisation"]',
  );
const path = resolve(target);
// Real paths on both sides: a symbolic link (of the file or of any folder above it) must not lead into the repository.
if (isReallyInsideFolder(repository, path))
  fail(
    `${path} is inside the repository (following symbolic links). Private keys never go in the repository: choose a path elsewhere (an encrypted drive, a password manager's file store).`,
  );
if (lstatSync(path, { throwIfNoEntry: false }))
  fail(`${path} already exists; keygen never overwrites a key. Choose a new file name.`);
if (!/^[a-z0-9][a-z0-9-]{1,40}$/.test(kid))
  fail(`--id "${kid}": use lower-case letters, digits and hyphens.`);

const pair = await generateBadgeKeyPair();
const privateFile: PrivateKeyFile = {
  kid,
  issuer,
  created: today,
  jwk: await crypto.subtle.exportKey('jwk', pair.privateKey),
};
writeFileSync(path, `${JSON.stringify(privateFile, null, 2)}\n`, { mode: 0o600, flag: 'wx' });

console.log(
  `Private key written to ${path} (readable by you only). Keep it offline and backed up; anyone who has it can make badges.`,
);
console.log('\nAdd this public key to content/badges/keys.yaml (replace the [] if the list is empty):\n');
console.log(keysYamlEntry(kid, issuer, today, await exportPublicJwk(pair.publicKey)));
