import { describe, expect, it } from 'vitest';
import { languageChooserAsDefault } from '../../src/lib/sitemap';

describe('languageChooserAsDefault', () => {
  const languages = ['en', 'uk'];

  it('makes the page without a language prefix the x-default, not a second English page', () => {
    const item = {
      url: 'https://x.org/uk/',
      links: [
        { url: 'https://x.org/', lang: 'en' },
        { url: 'https://x.org/en/', lang: 'en' },
        { url: 'https://x.org/uk/', lang: 'uk' },
      ],
    };
    expect(languageChooserAsDefault(item, languages).links).toEqual([
      { url: 'https://x.org/', lang: 'x-default' },
      { url: 'https://x.org/en/', lang: 'en' },
      { url: 'https://x.org/uk/', lang: 'uk' },
    ]);
  });

  it('leaves items without alternates and the shared link list untouched', () => {
    const links = [{ url: 'https://x.org/verify/', lang: 'en' }];
    expect(languageChooserAsDefault({ url: 'https://x.org/data/' }, languages)).toEqual({
      url: 'https://x.org/data/',
    });
    languageChooserAsDefault({ url: 'https://x.org/verify/', links }, languages);
    expect(links[0]?.lang).toBe('en');
  });
});
