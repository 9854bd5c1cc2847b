/** Safe Station services → an HSDS 3.0 document (one per country, `/data/hsds/{country}.json`). */
import type { Hours, Phone } from '../schemas/common';
import type { Audience, ServiceData, ServiceOffer } from '../schemas/service';
import {
  HSDS_VERSION,
  OFFER_TAXONOMY,
  AUDIENCE_TAXONOMY,
  UNVERIFIED_ALERT,
  SAMPLE_ALERT,
  ALL_DAY,
  ICAL_DAYS,
  WEEK,
  type Row,
  type HsdsDocument,
  type SafeStationExtension,
  nameUuid,
} from './format';

export interface ExportInput {
  country: { code: string; timezone: string };
  services: readonly { id: string; data: ServiceData }[];
  /** The stations that list each service, by service id. */
  stations?: ReadonlyMap<string, readonly { id: string; name: string }[]>;
  /** English names of offers and audiences (the taxonomy terms' names). */
  labels?: { offers: Partial<Record<ServiceOffer, string>>; audience: Partial<Record<Audience, string>> };
  /** English names of language codes, e.g. code → "Ukrainian". */
  languageName?: (code: string) => string;
}

function scheduleRows(hours: Hours | undefined, serviceId: string, timezone: string): Row[] {
  if (!hours) return [];
  const spans = hours === '24/7' ? [{ days: WEEK, ...ALL_DAY }] : hours;
  return spans.map((span, index) => ({
    id: nameUuid(`schedule:${serviceId}:${index}`),
    service_id: nameUuid(`service:${serviceId}`),
    freq: 'WEEKLY',
    wkst: 'MO',
    byday: span.days.map((day) => ICAL_DAYS[day]).join(','),
    opens_at: span.opens,
    closes_at: span.closes,
    description: hours === '24/7' ? 'Open 24 hours, every day' : undefined,
    notes: `Local time in ${timezone}. A closing time before the opening time means the service is open past midnight.`,
  }));
}

function phoneRows(phones: readonly Phone[], serviceId: string): Row[] {
  return phones.flatMap((phone, index) => {
    const types =
      phone.kind === 'voice-and-sms' ? ['voice', 'text'] : [phone.kind === 'sms' ? 'text' : 'voice'];
    return types.map((type) => ({
      id: nameUuid(`phone:${serviceId}:${index}:${type}`),
      service_id: nameUuid(`service:${serviceId}`),
      number: phone.number,
      type,
      description: phone.note?.en,
    }));
  });
}

/** Drops undefined fields so the JSON stays small and HSDS validators see only real values. */
const clean = (row: Row): Row =>
  Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined)) as Row;

export function toHsds(input: ExportInput): HsdsDocument {
  const { country } = input;
  const offerName = (offer: ServiceOffer) => input.labels?.offers[offer] ?? offer;
  const audienceName = (who: Audience) => input.labels?.audience[who] ?? who;
  const languageName = input.languageName ?? ((code: string) => code);
  const doc: HsdsDocument = {
    hsds_version: HSDS_VERSION,
    description: `Safe Station: services near railway stations in ${country.code.toUpperCase()}.${
      input.services.some((service) => service.data.sample)
        ? ' Services marked sample (safe_station.sample, and an alert) are invented examples, not real places.'
        : ''
    } Services found on public pages and not yet confirmed by a call have an alert saying so.`,
    timezone: country.timezone,
    organizations: [],
    services: [],
    locations: [],
    service_at_location: [],
    phones: [],
    schedules: [],
    languages: [],
    addresses: [],
    cost_options: [],
    attributes: [],
    taxonomy_terms: [],
  };
  const terms = new Map<string, Row>();
  const term = (taxonomy: string, code: string, name: string) => {
    const id = nameUuid(`term:${taxonomy}:${code}`);
    if (!terms.has(id)) terms.set(id, { id, code, name, description: `${name} (${taxonomy})`, taxonomy });
    return id;
  };

  for (const { id, data } of [...input.services].sort((a, b) => a.id.localeCompare(b.id))) {
    const serviceId = nameUuid(`service:${id}`);
    const organizationId = nameUuid(`organization:${id}`);
    const locationId = nameUuid(`location:${id}`);
    const name = data.organisation.en ?? '';
    const extension: SafeStationExtension = {
      content_id: id,
      // Only invented example data carries the flag; real services say nothing about samples.
      sample: data.sample ? true : undefined,
      country: data.country,
      status: data.status,
      organisation: data.organisation,
      description: data.description,
      verified: data.verified ? { method: data.verified.method, source: data.verified.source } : undefined,
      sources: data.sources,
      phones: data.phones.map((phone) => ({
        number: phone.number,
        free: phone.free,
        from: phone.from,
        note: phone.note,
      })),
      near_stations: [...(input.stations?.get(id) ?? [])],
    };
    doc.organizations.push(
      clean({ id: organizationId, name, description: data.description.en ?? name, website: data.website }),
    );
    doc.services.push(
      clean({
        id: serviceId,
        organization_id: organizationId,
        name,
        description: data.description.en,
        url: data.website,
        status: data.sample ? 'inactive' : 'active',
        alert: data.sample ? SAMPLE_ALERT : data.status === 'unverified' ? UNVERIFIED_ALERT : undefined,
        eligibility_description: data.audience?.map(audienceName).join(', '),
        fees_description:
          data.free === undefined ? undefined : data.free ? 'Free of charge' : 'Charges may apply',
        assured_date: data.verified?.date,
        safe_station: clean(extension as unknown as Row),
      }),
    );
    // A location only where a source gives an address or coordinates: no made-up place for the others.
    if (data.location || data.address) {
      doc.locations.push(
        clean({
          id: locationId,
          location_type: 'physical',
          organization_id: organizationId,
          name,
          latitude: data.location?.lat,
          longitude: data.location?.lon,
        }),
      );
      if (data.address)
        doc.addresses.push({
          id: nameUuid(`address:${id}`),
          location_id: locationId,
          address_1: data.address,
          country: data.country.toUpperCase(),
          address_type: 'physical',
        });
      const nearStations = extension.near_stations.map((station) => station.name).join(', ');
      doc.service_at_location.push(
        clean({
          id: nameUuid(`service_at_location:${id}`),
          service_id: serviceId,
          location_id: locationId,
          description: nearStations ? `Near ${nearStations} railway station` : undefined,
        }),
      );
    }
    doc.phones.push(...phoneRows(data.phones, id).map(clean));
    doc.schedules.push(...scheduleRows(data.hours, id, country.timezone).map(clean));
    doc.languages.push(
      ...(data.languages ?? []).map((code) => ({
        id: nameUuid(`language:${id}:${code}`),
        service_id: serviceId,
        name: languageName(code),
        code,
      })),
    );
    if (data.free !== undefined) {
      doc.cost_options.push(
        clean({
          id: nameUuid(`cost:${id}`),
          service_id: serviceId,
          amount: data.free ? 0 : undefined,
          option: data.free ? 'Free of charge' : 'Charges may apply',
        }),
      );
    }
    const link = (taxonomyTermId: string, linkType: string) => ({
      id: nameUuid(`attribute:${id}:${taxonomyTermId}`),
      link_id: serviceId,
      link_type: linkType,
      link_entity: 'service',
      taxonomy_term_id: taxonomyTermId,
    });
    doc.attributes.push(
      ...(data.offers ?? []).map((offer) =>
        link(term(OFFER_TAXONOMY, offer, offerName(offer)), 'service_type'),
      ),
    );
    doc.attributes.push(
      ...(data.audience ?? []).map((who) =>
        link(term(AUDIENCE_TAXONOMY, who, audienceName(who)), 'audience'),
      ),
    );
  }
  doc.taxonomy_terms = [...terms.values()].sort(
    (a, b) =>
      String(a.taxonomy).localeCompare(String(b.taxonomy)) || String(a.code).localeCompare(String(b.code)),
  );
  return doc;
}

// ── Import ──────────────────────────────────────────────────────────────────
