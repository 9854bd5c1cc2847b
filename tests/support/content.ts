import { fileURLToPath } from 'node:url';
import { readContent } from '../../src/data/read-content';
import { ALL_LANGUAGE_CODES } from '../../src/lib/languages';

/** The shipped content, read through the same validator as the build, so tests compare pages with the data. */
export const shipped = readContent(fileURLToPath(new URL('../../content', import.meta.url)), {
  siteLanguages: ALL_LANGUAGE_CODES,
  today: new Date().toISOString().slice(0, 10),
}).content;

export function contactsOf(ids: readonly string[]) {
  return ids.map((id) => {
    const contact = shipped.contacts.find((c) => c.id === id);
    if (!contact) throw new Error(`no contact ${id}`);
    return contact;
  });
}

export function countryOf(code: string) {
  const country = shipped.countries.find((c) => c.data.code === code);
  if (!country) throw new Error(`no country ${code}`);
  return country;
}
