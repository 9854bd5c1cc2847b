import { describe, expect, it } from 'vitest';
import { shipped } from '../support/content';
import { describeElement, readBuiltPages } from '../support/built-site';

/** Every tel: and sms: link on the site dials a number that is in content/ (where each number cites its source), or 112. */
describe('phone links', () => {
  const known = new Set<string>(['112']);
  for (const contact of shipped.contacts) for (const phone of contact.data.phones) known.add(phone.number);
  for (const service of shipped.services) for (const phone of service.data.phones ?? []) known.add(phone.number);

  const links = readBuiltPages().flatMap((page) =>
    page.root.querySelectorAll('a[href^="tel:"], a[href^="sms:"]').map((anchor) => ({ page: page.url, anchor, number: (anchor.getAttribute('href') ?? '').replace(/^(tel|sms):/, '') })),
  );

  it('finds the phone links of the site', () => {
    expect(links.length).toBeGreaterThan(1000);
  });

  it('every number is one from content/ (or 112), written in full without spaces', () => {
    const unknown = links.filter((link) => !known.has(link.number)).map((link) => `${link.page}: ${describeElement(link.anchor)}`);
    expect(unknown).toEqual([]);
  });

  it('every national helpline in content/ appears as a link somewhere', () => {
    const dialled = new Set(links.map((link) => link.number));
    const helplines = shipped.contacts.flatMap((contact) => contact.data.phones.map((phone) => phone.number));
    expect(helplines.filter((number) => !dialled.has(number))).toEqual([]);
  });
});
