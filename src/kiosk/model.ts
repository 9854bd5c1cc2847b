/**
 * What a station's kiosk shows, as data shared by its pages and by the QR
 * files they reference (src/kiosk/qr-files.ts): the public page behind each screen,
 * the contacts it lists, and so every payload a code on it can hold.
 */
import type { Contact, Station } from '../data/site';
import { phoneHref } from '../lib/phone';
import { countryUrl, helpUrl, infoUrl, servicesUrl, shortLinkUrl, stationUrl } from '../lib/urls';

/** The information pages the kiosk shows as screens of their own. */
export const KIOSK_INFO_SCREENS = { offer: 'is-this-offer-safe', rights: 'your-rights' } as const;

/** The same content on the public site, per screen: what each screen's "Take this with you" code opens. */
export function publicPathsOfScreens(lang: string, station: Station) {
  const country = station.country.code;
  return {
    home: stationUrl(lang, country, station.slug),
    help: helpUrl(lang, country),
    helplines: countryUrl(lang, country),
    services: servicesUrl(lang, country, station.slug),
    offer: infoUrl(lang, KIOSK_INFO_SCREENS.offer, country),
    rights: infoUrl(lang, KIOSK_INFO_SCREENS.rights, country),
  } as const;
}

/** The helplines screen, in its order: emergency, the national anti-trafficking line, the other national lines, the station's own. */
export function kioskContacts(station: Station): {
  emergency: readonly Contact[];
  antiTrafficking: readonly Contact[];
  national: readonly Contact[];
  ofStation: readonly Contact[];
} {
  const { country } = station;
  return {
    emergency: country.emergency,
    antiTrafficking: country.antiTrafficking,
    national: country.helplines,
    ofStation: station.contacts,
  };
}

/** Outside addresses of a contact, shown on the kiosk as text and a code instead of a link. */
export function contactAddresses(contact: Contact): { website?: string; email?: string } {
  const { website, email } = contact.data;
  return { website, email: email && `mailto:${email}` };
}

/**
 * Every payload a QR code on this station's kiosk can hold, in every
 * language: phones, outside addresses, the public pages behind the screens
 * and the station's short link. A payload no page shows only costs a file.
 */
export function kioskQrTexts(station: Station, languages: readonly string[], site: URL | string): string[] {
  const contacts = Object.values(kioskContacts(station)).flat();
  const phones = [
    ...contacts.flatMap((contact) => contact.data.phones),
    ...station.services.flatMap((service) => service.data.phones),
  ].map(phoneHref);
  const addresses = contacts.flatMap((contact) =>
    Object.values(contactAddresses(contact)).filter((text): text is string => Boolean(text)),
  );
  const pages = [
    shortLinkUrl(station.data.code),
    ...languages.flatMap((lang) => Object.values(publicPathsOfScreens(lang, station))),
  ];
  return [...new Set([...phones, ...addresses, ...pages.map((path) => new URL(path, site).href)])];
}
