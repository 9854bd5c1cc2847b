import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { filesBelow } from '../node/files';
import { phoneProblem } from '../lib/phone';
import { ALL_LANGUAGE_CODES } from '../lib/languages';
import { collectionSchemas } from '../schemas';
import { contactPurpose } from '../schemas/contact';
import { serviceOffer, serviceSchema } from '../schemas/service';
import { decapConfig, type DecapField } from './decap-config';
import { startEditServer } from './server';
import { entryText, gateVerdict, valuesOfRaw, type EditorContent } from './entry';
import { splitFrontMatter, writeInfoPage, writeYaml } from './yaml-writer';

const options = { contentFolder: 'content', proxyUrl: 'http://localhost:4500/api/v1' };
const collection = (name: string, config = decapConfig(options)) => {
  const found = config.collections.find((c) => c.name === name);
  if (!found) throw new Error(`no collection ${name}`);
  return found;
};
const fieldAt = (fields: readonly DecapField[], path: string): DecapField | undefined => {
  const [name, ...rest] = path.split('.');
  const found = fields.find((f) => f.name === name);
  if (!found || rest.length === 0) return found;
  return fieldAt(found.fields ?? (found.field ? [found.field] : []), rest.join('.'));
};

describe('the editor configuration, generated from the schemas', () => {
  it('has every field of each schema, in the schema order', () => {
    const inner = (schema: z.ZodTypeAny): z.AnyZodObject =>
      schema instanceof z.ZodEffects ? inner(schema.innerType()) : (schema as z.AnyZodObject);
    for (const [name, schema] of Object.entries(collectionSchemas))
      expect(collection(name).fields.map((f) => f.name)).toEqual(Object.keys(inner(schema).shape));
  });

  it('takes choices, required fields, patterns and languages from the schemas', () => {
    const contacts = collection('contacts').fields;
    expect(fieldAt(contacts, 'purposes')).toMatchObject({
      widget: 'select',
      multiple: true,
      options: contactPurpose.options,
      required: true,
    });
    expect(fieldAt(contacts, 'website')?.required).toBe(false);
    expect(fieldAt(contacts, 'country')?.pattern?.[1]).toContain('ISO 3166-1');
    expect(fieldAt(contacts, 'name')?.fields?.map((f) => f.name)).toEqual(ALL_LANGUAGE_CODES);
    expect(fieldAt(contacts, 'name.en')?.required).toBe(true);
    expect(fieldAt(contacts, 'name.uk')?.required).toBe(false);
    const services = collection('services').fields;
    expect(fieldAt(services, 'offers')?.options).toEqual(serviceOffer.options);
    expect(fieldAt(services, 'phones.number')?.required).toBe(true);
    expect(fieldAt(services, 'hours')?.widget).toBe('yaml');
    const stations = collection('stations').fields;
    expect(fieldAt(stations, 'helpInStation.hours')?.widget).toBe('yaml');
  });

  it('adds a field added to a schema, and no hand-written one', () => {
    const extended = {
      ...collectionSchemas,
      services: serviceSchema.innerType().extend({ wheelchairAccess: z.boolean().optional() }),
    };
    const fields = collection('services', decapConfig({ ...options, schemas: extended })).fields;
    expect(fieldAt(fields, 'wheelchairAccess')).toMatchObject({ widget: 'boolean', required: false });
    expect(fieldAt(collection('services').fields, 'wheelchairAccess')).toBeUndefined();
  });

  it('has one information-page collection per site language, in content/info/{lang}', () => {
    for (const lang of ALL_LANGUAGE_CODES)
      expect(collection(`info-${lang}`)).toMatchObject({
        folder: `content/info/${lang}`,
        format: 'frontmatter',
      });
  });
});

const dataFiles = ['countries', 'stations', 'contacts', 'services'].flatMap((name) =>
  filesBelow(resolve('content', name), (file) => file.endsWith('.yaml')),
);
const infoFiles = filesBelow(resolve('content/info'), (file) => file.endsWith('.md'));

describe('files written by the editor look hand-written', () => {
  it('leaves every shipped file byte for byte as it is when saved unchanged', () => {
    expect(dataFiles.length).toBeGreaterThan(50);
    for (const file of dataFiles) {
      const text = readFileSync(file, 'utf8');
      expect(writeYaml(load(text) as Record<string, unknown>, { original: text }), file).toBe(text);
    }
    for (const file of infoFiles) {
      const text = readFileSync(file, 'utf8');
      const split = splitFrontMatter(text);
      expect(split, file).toBeDefined();
      const frontMatter = load(split?.frontMatter ?? '') as Record<string, unknown>;
      expect(writeInfoPage(frontMatter, split?.body ?? '', { original: text }), file).toBe(text);
    }
  });

  it('changes only the edited key, keeping comments and the other keys as written', () => {
    const original =
      '# Sources checked by hand.\nstatus: "unverified"\ncountry: "ro"\n# The phone line.\nphones:\n  - number: "+40800800678"\nsources: ["S1 example"]\n';
    const data = load(original) as Record<string, unknown>;
    const changed = writeYaml({ ...data, phones: [{ number: '+40800500333', free: true }] }, { original });
    expect(changed).toBe(
      '# Sources checked by hand.\nstatus: "unverified"\ncountry: "ro"\n# The phone line.\nphones:\n  - number: "+40800500333"\n    free: true\nsources: ["S1 example"]\n',
    );
  });

  it('writes a new file in the house style and the schema order, leaving empty fields out', () => {
    const text = writeYaml(
      {
        country: 'ro',
        status: 'unverified',
        offers: ['shelter', 'food'],
        organisation: { en: 'X', ro: '' },
        phones: [],
        website: '',
      },
      { order: ['country', 'organisation', 'offers', 'phones', 'website', 'status'] },
    );
    expect(text).toBe(
      'country: "ro"\norganisation:\n  en: "X"\noffers: [shelter, food]\nstatus: "unverified"\n',
    );
  });
});

describe('the gate check before a save', () => {
  const content: EditorContent = { contentDir: resolve('content'), allowSamples: false };
  const path = 'content/services/ro/editor-test-entry.yaml';
  const service = {
    country: 'ro',
    organisation: { en: 'Editor unit test provider' },
    description: { en: 'Invented for a unit test.' },
    phones: [{ number: '+40123456' }],
    verified: { date: '2026-01-15', method: 'desk-research', source: 'unit test' },
    status: 'unverified',
    sources: ['unit test fixture'],
  };

  it('gives the gate’s own message for the field, and nothing for a good entry', () => {
    const refused = gateVerdict(content, path, entryText(content, path, service));
    expect(refused.own).toContainEqual({
      file: path,
      field: 'phones.0.number',
      message: phoneProblem('+40123456', 'ro'),
    });
    const future = gateVerdict(
      content,
      path,
      entryText(content, path, {
        ...service,
        phones: [],
        verified: { ...service.verified, date: '2999-01-01' },
      }),
    );
    expect(future.own.map((p) => p.field)).toEqual(['verified.date']);
    const fine = gateVerdict(content, path, entryText(content, path, { ...service, phones: [] }));
    expect(fine).toEqual({ own: [], elsewhere: [] });
  });

  it('names what a change breaks in other files (a reference that no longer resolves)', () => {
    const station = 'content/stations/ro/bucuresti-nord.yaml';
    const current = valuesOfRaw(content, station, readFileSync(resolve(station), 'utf8'));
    const verdict = gateVerdict(
      content,
      station,
      entryText(content, station, { ...current, services: ['ro/no-such-provider'] }),
    );
    expect(verdict.own.map((p) => p.message)).toEqual([
      'no service "ro/no-such-provider"; create content/services/ro/no-such-provider.yaml or correct the reference',
    ]);
  });
});

describe('the edit server refuses a save the gate refuses, whatever the browser did', () => {
  it('answers 422 with the gate message and forwards only a good save, in house style', async () => {
    const forwarded: string[] = [];
    const proxy = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        forwarded.push(body);
        response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"message":"entry persisted"}');
      });
    });
    await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
    const server = await startEditServer({
      contentDir: resolve('content'),
      allowSamples: false,
      port: 0,
      proxyPort: (proxy.address() as AddressInfo).port,
      siteOrigin: 'http://localhost:1',
    });
    const save = (number: string) =>
      fetch(`${server.origin}/api/v1`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          action: 'persistEntry',
          params: {
            dataFiles: [
              {
                path: 'content/services/ro/editor-server-test.yaml',
                // As Decap writes it: unquoted, its own order, empty fields included.
                raw: `status: unverified\ncountry: ro\norganisation:\n  en: Server test provider\n  ro: ''\ndescription:\n  en: Invented for a unit test.\nphones:\n  - number: '${number}'\nverified:\n  date: '2026-01-15'\n  method: desk-research\n  source: unit test\nsources:\n  - unit test fixture\nwebsite: ''\n`,
              },
            ],
            assets: [],
            options: { collectionName: 'services', commitMessage: 'test', useWorkflow: false, status: '' },
          },
        }),
      });
    try {
      const refused = await save('+40123456');
      expect(refused.status).toBe(422);
      expect(((await refused.json()) as { error: string }).error).toContain(
        `phones.0.number: ${phoneProblem('+40123456', 'ro')}`,
      );
      expect(forwarded).toEqual([]);
      const saved = await save('+40800800678');
      expect(saved.status).toBe(200);
      const raw = (JSON.parse(forwarded[0] ?? '{}') as { params: { dataFiles: { raw: string }[] } }).params
        .dataFiles[0]?.raw;
      expect(raw).toBe(
        'status: "unverified"\ncountry: "ro"\norganisation:\n  en: "Server test provider"\ndescription:\n  en: "Invented for a unit test."\nphones:\n  - number: "+40800800678"\nverified:\n  date: "2026-01-15"\n  method: "desk-research"\n  source: "unit test"\nsources:\n  - "unit test fixture"\n',
      );
    } finally {
      await server.close();
      await new Promise((done) => proxy.close(done));
    }
  });
});
