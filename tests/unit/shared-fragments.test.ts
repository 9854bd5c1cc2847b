import { describe, expect, it } from 'vitest';
import { renderedOnce } from '../../src/lib/shared-fragments';
import { builtFileOf } from '../../src/lib/built-page-transform';

describe('parts rendered once per build (<Shared>)', () => {
  it('renders each key once, pages rendered side by side included, and keeps keys apart', async () => {
    const rendered: string[] = [];
    const render = (text: string) => async () => {
      rendered.push(text);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return `<p>${text}</p>`;
    };
    const pages = await Promise.all([
      renderedOnce('test-block\u0000ro\u0000en', render('Romania')),
      renderedOnce('test-block\u0000ro\u0000en', render('Romania, second page')),
      renderedOnce('test-block\u0000gb\u0000en', render('United Kingdom')),
    ]);
    expect(pages).toEqual(['<p>Romania</p>', '<p>Romania</p>', '<p>United Kingdom</p>']);
    expect(rendered).toEqual(['Romania', 'United Kingdom']);
  });

  it('refuses a part that holds a script, naming the part and the fix', async () => {
    await expect(
      renderedOnce(
        'test-script\u0000ro',
        async () => '<section><script type="module" src="/a.js"></script></section>',
      ),
    ).rejects.toThrow(
      'shared part "test-script ro" holds a <script>: keep the component whose script it is outside <Shared>',
    );
  });
});

describe('the file Astro writes for a rendered page', () => {
  it('is the folder’s index.html, except the status pages', () => {
    expect(builtFileOf('/')).toBe('index.html');
    expect(builtFileOf('/en/ro/iasi/')).toBe('en/ro/iasi/index.html');
    expect(builtFileOf('/kiosk/ro/bucuresti-nord/uk/')).toBe('kiosk/ro/bucuresti-nord/uk/index.html');
    expect(builtFileOf('/404/')).toBe('404.html');
    expect(builtFileOf('/404')).toBe('404.html');
    expect(builtFileOf('/en/ro/ia%C8%99i/')).toBe('en/ro/iași/index.html');
  });
});
