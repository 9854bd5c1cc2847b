import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exportPublicJwk, generateBadgeKeyPair } from '../../src/lib/badge';
import { keysYamlEntry } from '../../src/lib/badge-cli';
import { serveStatic } from '../../src/node/static-server';
import { childEnv } from '../../src/config';

/**
 * Both sites built from one copy of the content, for the tests that need
 * what the shipped content cannot give: a badge key made for this run (its
 * private half lives only in memory), one revoked badge, and internal
 * numbers at one station. The numbers are fictional: 020 7946 0xxx is the
 * London range Ofcom keeps for drama, so no real phone can ring.
 */
export const TEST_KEY_ID = 'e2e-test-key';
export const TEST_ISSUER = 'Test coordination office (e2e)';
export const REVOKED_BADGE_ID = 'e2e-revoked-badge';
export const FICTIONAL_NUMBERS = ['+442079460001', '+442079460002', '+442079460003'] as const;
export const FILLED_STATION = { country: 'gb', slug: 'london-st-pancras' } as const;

const FILLED_STATION_YAML = `# Test fixture: fictional numbers from Ofcom's drama range (020 7946 0xxx).
status: template
contacts:
  - role: station-security
    status: unverified
    name: { en: "Fictional security control room for the leak test" }
    phones: [{ number: "${FICTIONAL_NUMBERS[0]}" }]
  - role: on-call-ngo
    status: unverified
    name: { en: "Fictional on-call partner organisation for tests" }
    phones: [{ number: "${FICTIONAL_NUMBERS[1]}" }]
    note: { en: "A fictional number from the range reserved for drama" }
  - role: child-protection
    status: template
  - role: interpreting
    status: unverified
    phones: [{ number: "${FICTIONAL_NUMBERS[2]}" }]
safePlace: { en: "Fictional quiet room behind the test ticket office" }
notes: { en: "Fictional station notes written only for the leak test" }
`;

export interface StaffTestBuilds {
  readonly contentDir: string;
  readonly publicDir: string;
  readonly staffDir: string;
  readonly publicOrigin: string;
  readonly staffOrigin: string;
  readonly signingKey: CryptoKey;
  close(): Promise<void>;
}

/** Runs `astro build` with these settings on top of the environment; rejects with the end of its output. */
export function build(env: Record<string, string>, label: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn('npx', ['astro', 'build'], { env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) =>
      code === 0 ? done() : fail(new Error(`${label} build failed (exit ${code}):\n${output.slice(-4000)}`)),
    );
  });
}

export async function makeStaffTestBuilds(): Promise<StaffTestBuilds> {
  const dir = mkdtempSync(join(tmpdir(), 'staff-builds-'));
  const contentDir = join(dir, 'content');
  cpSync('content', contentDir, { recursive: true });

  const pair = await generateBadgeKeyPair();
  const today = new Date().toISOString().slice(0, 10);
  writeFileSync(
    join(contentDir, 'badges/keys.yaml'),
    `${keysYamlEntry(TEST_KEY_ID, TEST_ISSUER, today, await exportPublicJwk(pair.publicKey))}\n`,
  );
  writeFileSync(
    join(contentDir, 'badges/revoked.yaml'),
    `- id: ${REVOKED_BADGE_ID}\n  revoked: ${today}\n  note: "revoked by the e2e test"\n`,
  );
  writeFileSync(
    join(contentDir, `staff/stations/${FILLED_STATION.country}/${FILLED_STATION.slug}.yaml`),
    FILLED_STATION_YAML,
  );

  // Outputs inside the project (git-ignored .cache/): the PWA plugin writes the service worker
  // next to the project for an output folder outside it, and the leak check must see that file.
  mkdirSync('.cache/e2e-staff-builds', { recursive: true });
  const outputs = mkdtempSync('.cache/e2e-staff-builds/run-');
  const publicDir = join(outputs, 'public-site');
  const staffDir = join(outputs, 'staff-site');
  // Fixed cache folders make repeated runs faster; the outputs are fresh every time.
  const cache = resolve('.cache');
  await Promise.all([
    build(
      {
        CONTENT_DIR: contentDir,
        OUT_DIR: publicDir,
        ASTRO_CACHE_DIR: join(cache, 'e2e-staff-builds-public'),
        STAFF_BUILD: '',
      },
      'public',
    ),
    build(
      {
        CONTENT_DIR: contentDir,
        OUT_DIR: staffDir,
        ASTRO_CACHE_DIR: join(cache, 'e2e-staff-builds-staff'),
        STAFF_BUILD: '1',
      },
      'staff',
    ),
  ]);
  const [publicServer, staffServer] = await Promise.all([serveStatic(publicDir), serveStatic(staffDir)]);
  return {
    contentDir,
    publicDir,
    staffDir,
    publicOrigin: publicServer.origin,
    staffOrigin: staffServer.origin,
    signingKey: pair.privateKey,
    async close() {
      await Promise.all([publicServer.close(), staffServer.close()]);
      rmSync(dir, { recursive: true, force: true });
      rmSync(outputs, { recursive: true, force: true });
    },
  };
}
