/**
 * A synthetic HSDS 3.0 directory of any size, for the import's interrupt test
 * and its benchmark (scripts/bench-import.ts). Invented providers, written
 * only to temporary folders: every one is marked sample, has no address that
 * exists and no phone number but the EU-wide 116 111 child helpline line, so
 * nothing here can pass for a real service.
 */
export function syntheticHsdsDirectory(count: number): Record<string, unknown[]> {
  const tables: Record<string, unknown[]> = {
    organizations: [],
    services: [],
    locations: [],
    addresses: [],
    service_at_location: [],
    phones: [],
    schedules: [],
    languages: [],
    cost_options: [],
    attributes: [],
    taxonomy_terms: [
      { id: 't-food', code: 'food', name: 'Food', taxonomy: 'safe-station-offer' },
      { id: 't-everyone', code: 'everyone', name: 'Everyone', taxonomy: 'safe-station-audience' },
    ],
  };
  const push = (table: string, row: unknown) => tables[table]?.push(row);
  for (let i = 0; i < count; i++) {
    const id = `svc-${i}`;
    push('organizations', { id: `org-${i}`, name: `Sample provider ${i}` });
    push('services', {
      id,
      organization_id: `org-${i}`,
      name: `Sample provider ${i}: day centre`,
      description: 'An invented provider for a test.',
      assured_date: '2026-10-01',
      safe_station: { sample: true, sources: ['Synthetic test directory'] },
    });
    // Spread over Romania's interior (the content checks place every service inside its country).
    push('locations', {
      id: `loc-${i}`,
      organization_id: `org-${i}`,
      latitude: 45 + (i % 200) / 100,
      longitude: 23 + (i % 300) / 100,
    });
    push('addresses', {
      id: `adr-${i}`,
      location_id: `loc-${i}`,
      address_1: 'Sample address, not a real place',
      country: 'RO',
    });
    push('service_at_location', { id: `sal-${i}`, service_id: id, location_id: `loc-${i}` });
    push('phones', { id: `ph-${i}`, service_id: id, number: '116 111', type: 'voice' });
    push('schedules', {
      id: `sch-${i}`,
      service_id: id,
      freq: 'WEEKLY',
      byday: 'MO,TU,WE,TH,FR',
      opens_at: '09:00',
      closes_at: '17:00',
    });
    push('languages', { id: `lang-${i}`, service_id: id, code: 'ro' });
    push('cost_options', { id: `cost-${i}`, service_id: id, amount: 0 });
    push('attributes', { id: `att-${i}`, link_id: id, taxonomy_term_id: 't-food', link_entity: 'service' });
    push('attributes', {
      id: `aud-${i}`,
      link_id: id,
      taxonomy_term_id: 't-everyone',
      link_entity: 'service',
    });
  }
  return tables;
}
