import { describe, expect, it } from 'vitest';
import {
  collectSecrets,
  decodeEscapes,
  digitStrings,
  findSecrets,
  numberDigitForms,
  phraseFragments,
  searchableText,
  withoutPublicForms,
} from '../../src/lib/leak-scan';

const staffDocument = {
  review: { status: 'machine-drafted' },
  status: 'template',
  situations: [
    {
      id: 'child-at-risk',
      title: { en: 'A child alone at the station', de: 'Ein Kind allein am Bahnhof' },
      call: [{ role: 'police', when: { en: 'every time, at once' } }],
      doNot: [{ en: "Don't separate a child from a group yourself." }],
    },
  ],
  contacts: [
    {
      role: 'station-security',
      status: 'unverified',
      name: { en: 'Police' },
      phones: [{ number: '+442079460001' }],
    },
  ],
  verified: { date: '2026-11-25' },
};

describe('collectSecrets', () => {
  const { secrets, tooShort } = collectSecrets([staffDocument]);
  const texts = secrets.filter((s) => s.kind === 'text').map((s) => s.label);

  it('takes every text of three or more words, in every language, and every number', () => {
    expect(texts.sort()).toEqual(
      [
        'A child alone at the station',
        "Don't separate a child from a group yourself.",
        'Ein Kind allein am Bahnhof',
        'every time, at once',
      ].sort(),
    );
    expect(secrets.filter((s) => s.kind === 'number').map((s) => s.label)).toEqual(['+442079460001']);
  });

  it('leaves out identifiers and dates, and lists short words it cannot treat as evidence', () => {
    expect(texts).not.toContain('child-at-risk');
    expect(texts).not.toContain('2026-11-25');
    expect(tooShort).toEqual(['Police']);
  });
});

describe('numberDigitForms', () => {
  it('are the digits of the national, international and "(0)" forms, and of the number alone', () => {
    expect(numberDigitForms('+442079460001')).toEqual([
      '2079460001',
      '02079460001',
      '442079460001',
      '4402079460001',
      '00442079460001',
      '004402079460001',
    ]);
  });
});

describe('phraseFragments', () => {
  it('are every run of six consecutive words, folded; shorter texts whole', () => {
    expect(phraseFragments('Every time, at once')).toEqual(['every time at once']);
    expect(phraseFragments('Don’t separate a child from a group yourself.')).toEqual([
      'dont separate a child from a',
      'separate a child from a group',
      'a child from a group yourself',
    ]);
  });
});

describe('decoding what a build writes', () => {
  it('undoes JSON and JavaScript escapes and HTML character references', () => {
    expect(decodeEscapes('Don\\u0027t \\"go\\"\\nnow')).toBe(`Don't "go" now`);
    expect(decodeEscapes('Don&#39;t &amp; &#x2019; &quot;x&quot; &nbsp;')).toBe(`Don't & ’ "x"  `);
    expect(decodeEscapes('Bucure\\u0219ti \\u{1F600}')).toBe('București 😀');
  });
  it('normalises case, white space and URL encoding', () => {
    expect(searchableText('A  child\n\talone&nbsp;AT the&#160;station')).toBe('a child alone at the station');
    expect(searchableText('/search?q=A%20child%20alone%20at%20the%20station')).toContain(
      'a child alone at the station',
    );
  });
});

describe('findSecrets', () => {
  const { secrets } = collectSecrets([staffDocument]);
  const file = (path: string, raw: string) => ({ path, text: searchableText(raw) });

  it('finds a text however the file escaped it, and names the file', () => {
    const files = [
      file('en/index.html', '<p>Nothing to see</p>'),
      file('_astro/page.js', 'const t="Don\\u0027t separate a child from a group yourself.";'),
      file('de/x/index.html', '<h2>Ein Kind   allein\nam Bahnhof</h2>'),
    ];
    const hits = findSecrets(files, secrets).map((hit) => `${hit.path}: ${hit.secret.label}`);
    expect(hits.sort()).toEqual(
      [
        "_astro/page.js: Don't separate a child from a group yourself.",
        'de/x/index.html: Ein Kind allein am Bahnhof',
      ].sort(),
    );
  });

  it('finds a number written as a tel: link, grouped, or international', () => {
    for (const raw of ['<a href="tel:+442079460001">', 'Call 020 7946 0001', '{"n":"+44 20 7946 0001"}']) {
      expect(findSecrets([file('page.html', raw)], secrets).map((hit) => hit.secret.label)).toEqual([
        '+442079460001',
      ]);
    }
  });

  const staffNumber = collectSecrets([{ contacts: [{ phones: [{ number: '+40232123456' }] }] }]).secrets;
  it.each([
    ['national, spaced in pairs', 'Sunați la 0232 12 34 56'],
    ['national, with dashes', 'tel. 0232-123-456'],
    ['international with the trunk prefix in brackets', 'Call +40 (0)232 123456 now'],
    ['international, grouped', '+40 232 123 456'],
    ['international with 00', '0040 232 123 456'],
    ['in a tel: link', '<a href="tel:+40232123456">'],
    ['national, dotted in a data file', '{"n":"0232.123.456"}'],
    ['beside another number', '0232 12 34 57 / 0232 12 34 56'],
  ])('finds a staff number written %s', (_, raw) => {
    expect(findSecrets([file('page.html', raw)], staffNumber).map((hit) => hit.secret.label)).toEqual([
      '+40232123456',
    ]);
  });

  it('does not find a number inside a longer one, or another number', () => {
    for (const raw of ['40232123456789', '0232 12 34 57', 'id 1402321234560', '0232 12 34 5']) {
      expect(findSecrets([file('page.html', raw)], staffNumber), raw).toEqual([]);
    }
    expect(digitStrings('x 0232-123-456 y')).toContain('0232123456');
  });

  const staffAdvice = collectSecrets([
    {
      doNot: [
        {
          en: "Don't question the child in front of the adult who came with them, and don't call their parents.",
        },
      ],
    },
  ]).secrets;
  it.each([
    [
      'split by tags',
      '<p>Don’t question the child in <strong>front</strong> of the<br>adult who came with them, and don’t call their parents.</p>',
    ],
    [
      'with curly apostrophes',
      'Don’t question the child in front of the adult who came with them, and don’t call their parents.',
    ],
    ['as an HTML entity, in capitals', 'DON&rsquo;T QUESTION THE CHILD IN FRONT OF THE ADULT'],
    ['half a sentence', 'the adult who came with them'],
    ['without the comma', 'who came with them and don’t call their parents'],
    ['with dashes and quotes', '“the child — in front of the adult”'],
  ])('finds a staff text %s', (_, raw) => {
    expect(findSecrets([file('page.html', raw)], staffAdvice).map((hit) => hit.secret.kind)).toEqual([
      'text',
    ]);
  });

  it('needs six words of a longer text: five in a row are ordinary language', () => {
    expect(findSecrets([file('page.html', 'in front of the adult, please')], staffAdvice)).toEqual([]);
  });

  it('does not run a phrase across a heading and the paragraph after it', () => {
    const title = collectSecrets([
      { title: { bg: 'Признаци на трафик на хора: какво следи обученият персонал' } },
    ]).secrets;
    expect(
      findSecrets(
        [
          file(
            'bg/info.html',
            '<h1>Признаци на трафик на хора</h1><p class="tagline">Какво следи обученият персонал</p>',
          ),
        ],
        title,
      ),
    ).toEqual([]);
    expect(
      findSecrets([file('bg/info.html', '<p>Признаци на трафик на хора: <em>какво</em> следи</p>')], title),
    ).toHaveLength(1);
  });

  it('leaves out what staff content quotes from public content, and still finds the rest of that text', () => {
    // As in the shipped content: a staff checklist opens with a sentence of the public information page.
    const checklist = collectSecrets([
      {
        intro: {
          ro: 'Bifați ce observați. Un singur semn nu dovedește nimic; mai multe semne împreună sunt un motiv să acționați.',
        },
      },
    ]).secrets;
    const publicPage =
      '# Semne\n\nUn singur semn nu dovedește nimic. Mai multe semne împreună sunt un motiv să cereți ajutor.';
    const { secrets: staffOnly, sharedForms, public: inFull } = withoutPublicForms(checklist, [publicPage]);
    expect(sharedForms).toBeGreaterThan(0);
    expect(inFull).toEqual([]);
    expect(findSecrets([file('ro/info.html', `<p>${publicPage}</p>`)], staffOnly)).toEqual([]);
    expect(
      findSecrets(
        [file('ro/info.html', '<p>mai multe semne împreună sunt un motiv să acționați</p>')],
        staffOnly,
      ),
    ).toHaveLength(1);
    // A staff number that public content lists too is public.
    expect(withoutPublicForms(staffNumber, ['phones: [{ number: "+40232123456" }]'])).toMatchObject({
      secrets: [],
      public: ['+40232123456'],
    });
  });

  it('reports nothing for a clean build, and does not match across files', () => {
    expect(findSecrets([file('a.html', 'A child alone'), file('b.html', 'at the station')], secrets)).toEqual(
      [],
    );
  });
});
