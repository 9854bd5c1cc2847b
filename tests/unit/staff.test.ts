import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, cpSync, rmSync, existsSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readBadgeTrust } from '../../src/data/badges';
import { readContent } from '../../src/data/read-content';
import { readStaffContent } from '../../src/data/read-staff';
import {
  badgeSvg,
  claimsFromFlags,
  isInsideFolder,
  isReallyInsideFolder,
  keysYamlEntry,
  parseFlags,
} from '../../src/lib/badge-cli';
import { exportPublicJwk, generateBadgeKeyPair } from '../../src/lib/badge';
import { ALL_LANGUAGE_CODES } from '../../src/lib/languages';
import { qrSymbol } from '../../src/lib/qr';
import {
  checklistLanguages,
  checkStaffContent,
  publicContactsForRole,
  resolveRole,
  rolesInCallOrder,
} from '../../src/lib/staff-plan';
import { relativeHref, staffChecklistsPath, staffPlanPath, toRoot } from '../../src/lib/staff-urls';
import { SITUATIONS, stationStaffSchema } from '../../src/schemas/staff';
import type { ContactData } from '../../src/schemas/contact';

const contentRoot = fileURLToPath(new URL('../../content', import.meta.url));
const today = new Date().toISOString().slice(0, 10);
const { content } = readContent(contentRoot, { siteLanguages: ALL_LANGUAGE_CODES, today });

describe('the shipped staff content', () => {
  const { staff, warnings } = readStaffContent(contentRoot, content);

  it('has a plan with the six situations, each with first actions, a call order, notes to take and what not to do', () => {
    expect(staff.plan.data.situations.map((s) => s.id)).toEqual([...SITUATIONS]);
    for (const situation of staff.plan.data.situations) {
      expect(situation.firstActions.length, situation.id).toBeGreaterThan(1);
      expect(situation.call.length, situation.id).toBeGreaterThan(1);
      expect(situation.writeDown.length, situation.id).toBeGreaterThan(1);
      expect(situation.doNot.length, situation.id).toBeGreaterThan(1);
    }
    // Machine-drafted texts say so until someone signs them off.
    expect(staff.plan.data.review.status).toBe('machine-drafted');
    expect(staff.plan.data.status).toBe('template');
  });

  it('gives every shipped station a staff file; every internal number is still a template to fill in', () => {
    expect(staff.stations.map((s) => s.id).sort()).toEqual(content.stations.map((s) => s.id).sort());
    for (const station of staff.stations) {
      expect(station.data.status, station.file).toBe('template');
      for (const contact of station.data.contacts) expect(contact.phones, station.file).toEqual([]);
    }
    expect(warnings.map((w) => w.message).join('\n')).toMatch(/48 internal contact\(s\) are templates/);
  });

  it('has the checklists in English and in the language of every country we ship', () => {
    expect(staff.checklists.map((c) => c.id)).toEqual([
      'trafficking',
      'forced-begging',
      'child-exploitation',
    ]);
    for (const country of content.countries) {
      for (const checklist of staff.checklists) {
        const local = country.data.languages[0] ?? 'en';
        expect(
          checklistLanguages(checklist.data.title, country.data.languages),
          `${checklist.id} for ${country.id}`,
        ).toEqual(local === 'en' ? ['en'] : [local, 'en']);
        for (const item of checklist.data.items) expect(Object.keys(item), checklist.file).toContain(local);
      }
    }
  });
});

describe('staff content checks', () => {
  it('refuses a number on a template contact, a confirmed one without `verified`, and a filled one without a number', () => {
    const parse = (contact: object) =>
      stationStaffSchema.safeParse({ status: 'template', contacts: [contact] });
    expect(
      parse({ role: 'station-security', status: 'template', phones: [{ number: '+442079460001' }] }).error
        ?.issues[0]?.message,
    ).toMatch(/no longer a template/);
    expect(
      parse({ role: 'station-security', status: 'confirmed', phones: [{ number: '+442079460001' }] }).error
        ?.issues[0]?.message,
    ).toMatch(/needs `verified`/);
    expect(parse({ role: 'station-security', status: 'unverified' }).error?.issues[0]?.message).toMatch(
      /add the number/,
    );
    expect(
      parse({ role: 'station-security', status: 'unverified', phones: [{ number: '+442079460001' }] })
        .success,
    ).toBe(true);
  });

  it('reports a staff file for a station that does not exist, and a number from the wrong country', () => {
    const entry = (id: string, number: string) => ({
      id,
      file: `content/staff/stations/${id}.yaml`,
      data: stationStaffSchema.parse({
        status: 'template',
        contacts: [{ role: 'on-call-ngo', status: 'unverified', phones: [{ number }] }],
      }),
    });
    const problems = checkStaffContent(
      { stations: [entry('ro/nowhere', '+40800800678'), entry('ro/iasi', '+442079460001')] },
      content,
    );
    expect(problems.map((p) => `${p.file} ${p.field}`)).toEqual([
      'content/staff/stations/ro/nowhere.yaml (file name)',
      'content/staff/stations/ro/iasi.yaml contacts.0.phones.0.number',
    ]);
    expect(problems[1]?.message).toMatch(/GB number/);
  });

  it('stops the staff build when the plan lacks a situation', () => {
    const dir = mkdtempSync(join(tmpdir(), 'staff-content-'));
    try {
      cpSync(join(contentRoot, 'staff'), join(dir, 'staff'), { recursive: true });
      writeFileSync(
        join(dir, 'staff/plan.yaml'),
        'review: { status: machine-drafted }\nstatus: template\nintro: { en: "x" }\nsituations: []\n',
      );
      expect(() => readStaffContent(dir, content)).toThrow(
        /plan needs a section for "suspected-trafficking"/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('who to call', () => {
  const contact = (id: string, purposes: ContactData['purposes'], number: string) => ({
    id,
    data: { purposes, phones: [{ number }] } as unknown as ContactData,
  });
  const country = {
    emergency: [contact('xx/112', ['emergency'], '112')],
    antiTrafficking: [contact('xx/line', ['trafficking'], '+40800800678')],
    helplines: [
      contact('xx/kids', ['children'], '116111'),
      contact('xx/missing', ['missing-children'], '116000'),
    ],
  };

  it("takes public roles from the country's contacts, with 112 for the police where no police number is listed", () => {
    expect(publicContactsForRole('police', country).map((c) => c.id)).toEqual(['xx/112']);
    expect(
      publicContactsForRole('police', {
        ...country,
        emergency: [...country.emergency, contact('xx/110', ['police', 'emergency'], '110')],
      }).map((c) => c.id),
    ).toEqual(['xx/110']);
    expect(publicContactsForRole('anti-trafficking', country).map((c) => c.id)).toEqual(['xx/line']);
    expect(publicContactsForRole('child-protection', country).map((c) => c.id)).toEqual(['xx/kids']);
    expect(publicContactsForRole('missing-person', country).map((c) => c.id)).toEqual(['xx/missing']);
  });

  it('takes internal roles only from the station, never from public numbers', () => {
    const station = stationStaffSchema.parse({
      status: 'template',
      contacts: [{ role: 'station-security', status: 'template' }],
    });
    expect(resolveRole('station-security', country, station)).toMatchObject({
      public: [],
      internal: [{ role: 'station-security', status: 'template' }],
    });
    expect(resolveRole('on-call-ngo', country, undefined)).toEqual({
      role: 'on-call-ngo',
      internal: [],
      public: [],
    });
  });

  it('lists each role once, in the order the plan first calls it', () => {
    expect(
      rolesInCallOrder([
        { call: [{ role: 'station-security' }, { role: 'police' }] },
        { call: [{ role: 'emergency' }, { role: 'police' }] },
      ]),
    ).toEqual(['station-security', 'police', 'emergency']);
  });
});

describe('staff build links', () => {
  it('are relative, so the build works in any folder and from disk', () => {
    expect(relativeHref('index.html', staffPlanPath('ro', 'iasi'))).toBe('ro/iasi.html');
    expect(relativeHref(staffPlanPath('ro', 'iasi'), 'index.html')).toBe('../index.html');
    expect(relativeHref(staffPlanPath('ro', 'iasi'), staffChecklistsPath('ro'))).toBe(
      '../checklists/ro.html',
    );
    expect(relativeHref(staffPlanPath('ro', 'iasi'), staffPlanPath('ro', 'suceava'))).toBe('suceava.html');
    expect(toRoot('index.html')).toBe('');
    expect(toRoot('checklists/ro.html')).toBe('../');
  });
});

describe('badge trust list in content', () => {
  it('ships no key until a coordinating organisation is confirmed, and no revoked badge', () => {
    expect(readBadgeTrust(contentRoot)).toEqual({ keys: [], revoked: [] });
  });

  it('refuses a private key pasted into content, naming the danger', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'badges-'));
    try {
      cpSync(join(contentRoot, 'badges'), join(dir, 'badges'), { recursive: true });
      const pair = await generateBadgeKeyPair();
      const privateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
      writeFileSync(
        join(dir, 'badges/keys.yaml'),
        `- id: leaked\n  issuer: "Someone"\n  added: 2026-01-01\n  jwk: { kty: EC, crv: P-256, x: "${privateJwk.x}", y: "${privateJwk.y}", d: "${privateJwk.d}" }\n`,
      );
      expect(() => readBadgeTrust(dir)).toThrow(/PRIVATE key/);
      writeFileSync(
        join(dir, 'badges/keys.yaml'),
        `${keysYamlEntry('ok-key', 'Someone', '2026-01-01', await exportPublicJwk(pair.publicKey))}\n`,
      );
      expect(readBadgeTrust(dir).keys.map((k) => k.id)).toEqual(['ok-key']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('badge commands', () => {
  it('never let a private key be written inside the repository', () => {
    expect(isInsideFolder('/work/repo', '/work/repo/content/key.json')).toBe(true);
    expect(isInsideFolder('/work/repo', '/work/repo')).toBe(true);
    expect(isInsideFolder('/work/repo', '/work/repo-keys/key.json')).toBe(false);
    expect(isInsideFolder('/work/repo', '/home/me/keys/key.json')).toBe(false);
  });

  it(
    'follow symbolic links: a link outside the repository that leads into it counts as inside',
    { timeout: 60_000 },
    () => {
      const outside = mkdtempSync(join(tmpdir(), 'keys-'));
      const repository = fileURLToPath(new URL('../..', import.meta.url));
      const wouldBe = ['never-written-key-1.json', 'never-written-key-2.json'].map((name) =>
        join(repository, name),
      );
      try {
        symlinkSync(repository, join(outside, 'into-repo'));
        symlinkSync(wouldBe[1] as string, join(outside, 'key-link.json')); // dangling: the file does not exist yet
        // As written, both paths are outside; followed, both lead into the repository.
        expect(isInsideFolder(repository, join(outside, 'into-repo', 'new', 'key.json'))).toBe(false);
        expect(isReallyInsideFolder(repository, join(outside, 'into-repo', 'new', 'key.json'))).toBe(true);
        expect(isReallyInsideFolder(repository, join(outside, 'key-link.json'))).toBe(true);
        expect(isReallyInsideFolder(repository, join(outside, 'plain', 'key.json'))).toBe(false);
        // The keygen command itself refuses both, and writes nothing.
        for (const target of [
          join(outside, 'into-repo', 'never-written-key-1.json'),
          join(outside, 'key-link.json'),
        ]) {
          const run = spawnSync(
            process.execPath,
            ['node_modules/vite-node/vite-node.mjs', 'scripts/badge-keygen.ts', target],
            { cwd: repository, encoding: 'utf8' },
          );
          expect(run.status, run.stdout).toBe(1);
          expect(run.stderr).toMatch(/is inside the repository \(following symbolic links\)/);
        }
        for (const path of wouldBe) expect(existsSync(path), path).toBe(false);
      } finally {
        rmSync(outside, { recursive: true, force: true });
        for (const path of wouldBe) rmSync(path, { force: true });
      }
    },
  );

  it('read claims from the command line and refuse what would make a bad badge', () => {
    const now = new Date('2026-06-01T10:00:00Z');
    const { flags } = parseFlags([
      '--org',
      'Red Cross Test',
      '--role=Volunteer',
      '--until',
      '2026-12-31',
      '--station',
      'ro-bn',
    ]);
    const stations = new Map([['RO-BN', 'Europe/Bucharest']]);
    const claims = claimsFromFlags(flags, 'key-1', now, stations);
    expect(claims).toMatchObject({
      v: 1,
      kid: 'key-1',
      org: 'Red Cross Test',
      role: 'Volunteer',
      stn: 'RO-BN',
      iat: now.getTime() / 1000,
    });
    expect(claims.id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    // "Until 2026-12-31" at a Romanian station: through midnight in Bucharest (22:00 UTC in winter).
    expect(claims.exp).toBe(Date.parse('2026-12-31T22:00:00Z') / 1000);
    expect(claimsFromFlags({ ...flags, station: '' }, 'key-1', now, stations).exp).toBe(
      Date.parse('2027-01-01T00:00:00Z') / 1000,
    );
    expect(() => claimsFromFlags({ ...flags, until: '2026-01-01' }, 'key-1', now, stations)).toThrow(
      /already past/,
    );
    expect(() => claimsFromFlags({ ...flags, until: '2032-01-01' }, 'key-1', now, stations)).toThrow(
      /more than five years/,
    );
    expect(() => claimsFromFlags({ ...flags, station: 'XX-NO' }, 'key-1', now, stations)).toThrow(
      /not a station short code/,
    );
    expect(() => claimsFromFlags({ role: 'x', until: '2026-12-31' }, 'key-1', now, new Map())).toThrow(
      /--org is required/,
    );
  });

  it('draw a printable A6 badge with the holder, the date and the QR code of the check address', () => {
    const url = 'https://safe-station.example.org/verify/#abc.def';
    const svg = badgeSvg({
      claims: {
        v: 1,
        kid: 'k',
        id: 'badge-42',
        org: 'Example <Relief> & Co',
        role: 'Volunteer',
        name: 'Ana',
        stn: 'RO-BN',
        iat: 1,
        exp: Date.parse('2026-12-31T22:00:00Z') / 1000,
      },
      stationName: 'București Nord',
      timeZone: 'Europe/Bucharest',
      url,
      qr: qrSymbol(url),
    });
    expect(svg).toContain('width="105mm" height="148mm"');
    expect(svg).toContain('Example &lt;Relief&gt; &amp; Co');
    expect(svg).toContain('București Nord (RO-BN)');
    expect(svg).toContain('Valid until 2026-12-31');
    expect(svg).toContain('Badge badge-42');
    expect(svg).toMatch(/<svg x="17.5" y="52" width="70" height="70" viewBox="0 0 \d+ \d+"[^>]*><path d="M/);
  });
});
