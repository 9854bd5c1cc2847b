import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test as base, type Page } from '@playwright/test';
import { readContent } from '../../src/data/read-content';
import { ALL_LANGUAGE_CODES } from '../../src/lib/languages';
import { filtersFromQuery, matchesFilters } from '../../src/lib/service-filters';
import { expectNoAxeViolations } from '../support/axe';
import { countryOf } from '../support/content';
import { makeSampleSite, sampleContentCopy, type SampleSite } from '../support/sample-site';

/*
 * The directory, its filters, both maps and the HSDS export need places with
 * coordinates, hours and audiences. Real providers rarely have all of that
 * from a source, so these tests run against their own build of the shipped
 * content plus the invented samples of tests/fixtures/content/samples/
 * (SAMPLE_DATA=1), built once for this file: its tests share one worker.
 */
base.describe.configure({ mode: 'default' });
const test = base.extend<object, { sampleSite: SampleSite }>({
  sampleSite: [
    async ({}, use) => {
      const site = await makeSampleSite();
      await use(site);
      await site.close();
    },
    { scope: 'worker', timeout: 600_000 },
  ],
  baseURL: async ({ sampleSite }, use) => use(sampleSite.origin),
});

const STATION = 'ro/bucuresti-nord';
const SERVICES_PAGE = `/en/${STATION}/services/`;
const sampleContent = (() => {
  const dir = mkdtempSync(join(tmpdir(), 'sample-content-'));
  try {
    return readContent(sampleContentCopy(dir), {
      siteLanguages: ALL_LANGUAGE_CODES,
      today: new Date().toISOString().slice(0, 10),
    }).content;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
})();
const station = sampleContent.stations.find((entry) => entry.id === STATION)!;
const services = station.data.services.map(
  (id) => sampleContent.services.find((service) => service.id === id)!,
);
/** Services with coordinates from their source: only these have a marker on either map. */
const located = services.filter((service) => service.data.location);
const timeZone = countryOf('ro').data.timezone;
/** Monday 1 June 2026, 13:00 in Bucharest: fixed so "open now" is the same on every run. */
const NOW = new Date('2026-06-01T10:00:00Z');
const TILE_HOST = 'tile.openstreetmap.org';
/** The smallest valid PNG, served for every tile so no test ever reaches the tile server. */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/** The ids the list must show for a query, worked out from the content with the same rules. */
const expectedFor = (query: string) =>
  services
    .filter((service) =>
      matchesFilters(service.data, filtersFromQuery(query), { lang: 'en', timeZone, now: NOW }),
    )
    .map((service) => service.id)
    .sort();
/** The same, for the maps: services without coordinates are in the list only. */
const expectedOnMap = (query: string) =>
  expectedFor(query).filter((id) => located.some((service) => service.id === id));

/** Records every request; serves tiles from memory (or fails them) and refuses anything else off this site. */
async function watchNetwork(
  page: Page,
  site: SampleSite,
  tiles: 'serve' | 'fail' = 'serve',
): Promise<string[]> {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.route(
    (url) => url.origin !== site.origin,
    (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === TILE_HOST && tiles === 'serve')
        return route.fulfill({ status: 200, contentType: 'image/png', body: TINY_PNG });
      return route.abort('internetdisconnected');
    },
  );
  return requests;
}

const leafletRequests = (requests: readonly string[]) => requests.filter((url) => /leaflet/i.test(url));
const shownListIds = (page: Page) =>
  page
    .locator('.services > li:visible')
    .evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.serviceId ?? '').sort());
const shownMiniMapIds = (page: Page) =>
  page.locator('[data-mini-map] [data-service-id]').evaluateAll((marks) =>
    marks
      .filter((g) => g.getAttribute('display') !== 'none')
      .map((g) => (g as SVGElement).dataset.serviceId ?? '')
      .sort(),
  );
const mapMarkers = (page: Page) => page.locator('.leaflet-marker-pane .map-marker');

async function openMap(page: Page) {
  await page.locator('#map').scrollIntoViewIfNeeded();
  await page.getByRole('button', { name: 'Show on map' }).click();
  await expect(page.locator('.service-map__canvas.leaflet-container')).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(NOW);
});

test('the station page lists services nearest first with hours, open now and a link to the map, and loads no map code', async ({
  page,
  sampleSite,
}) => {
  const requests = await watchNetwork(page, sampleSite);
  await page.goto(`/en/${STATION}/`);
  const entries = page.locator('.services > li');
  await expect(entries).toHaveCount(services.length);
  await expect(entries.first().locator('.service-number')).toHaveText('1');
  await expect(entries.first()).toContainText(/of the station/);
  // 24/7 at sample 1; the list says so at build time, the script adds the state at the station's clock.
  await expect(entries.locator('[data-open-status]:visible').first()).toHaveText(/Open now|Closed now/);
  await expect(page.getByRole('link', { name: 'Show on map' })).toHaveAttribute(
    'href',
    `${SERVICES_PAGE}#map`,
  );
  await page.keyboard.press('End');
  await page.waitForLoadState('networkidle');
  expect(leafletRequests(requests)).toEqual([]);
  expect(requests.filter((url) => !url.startsWith(sampleSite.origin))).toEqual([]);
});

test('no Leaflet request until the map is opened; then SVG markers, popups and attribution', async ({
  page,
  sampleSite,
}) => {
  const requests = await watchNetwork(page, sampleSite);
  await page.goto(SERVICES_PAGE);
  await page.locator('#map').scrollIntoViewIfNeeded();
  await expect(page.getByRole('button', { name: 'Show on map' })).toBeVisible();
  await expect(page.locator('[data-mini-map]')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(leafletRequests(requests)).toEqual([]);
  expect(requests.filter((url) => url.includes(TILE_HOST))).toEqual([]);

  await openMap(page);
  expect(leafletRequests(requests).some((url) => /leaflet-map.*\.js$/.test(url))).toBe(true);
  expect(leafletRequests(requests).some((url) => /leaflet.*\.css$/.test(url))).toBe(true);
  expect(located.length).toBeGreaterThan(2);
  await expect(mapMarkers(page)).toHaveCount(located.length + 1);
  await expect(page.locator('.leaflet-marker-pane img')).toHaveCount(0);
  await expect(mapMarkers(page).first().locator('svg')).toBeAttached();
  await expect(page.locator('.leaflet-control-attribution')).toContainText('OpenStreetMap');
  await expect(page.locator('[data-mini-map]')).toBeHidden();
  await expect.poll(() => requests.filter((url) => url.includes(TILE_HOST)).length).toBeGreaterThan(0);
  // Never Leaflet's default marker images.
  expect(requests.filter((url) => /marker-(icon|shadow)/.test(url))).toEqual([]);

  // Keyboard: the marker takes focus, Enter opens its popup (name, hours) and moves focus in; Escape gives it back.
  const first = page.getByRole('button', { name: /^1\. / });
  await first.focus();
  await page.keyboard.press('Enter');
  const popup = page.locator('.leaflet-popup .map-popup');
  await expect(popup).toBeVisible();
  await expect(popup).toContainText('not a real service');
  await expect(popup).toContainText('Hours:');
  await expect(popup).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(popup).toBeHidden();
  await expect(first).toBeFocused();
});

test('filters change the list and both maps together, live in the URL and survive a reload', async ({
  page,
  sampleSite,
}) => {
  await watchNetwork(page, sampleSite);
  await page.goto(SERVICES_PAGE);
  expect(await shownListIds(page)).toEqual(expectedFor(''));

  await page.getByLabel('For women').check();
  await expect(page).toHaveURL(/\?women=1$/);
  await expect.poll(() => shownListIds(page)).toEqual(expectedFor('?women=1'));
  expect(await shownMiniMapIds(page)).toEqual(expectedOnMap('?women=1'));
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toHaveText(
    `Showing ${expectedFor('?women=1').length} of ${services.length} services.`,
  );

  await openMap(page);
  await expect(mapMarkers(page)).toHaveCount(expectedOnMap('?women=1').length + 1);

  // Change filters with the map open: the map follows.
  await page.getByLabel('For women').uncheck();
  await page.getByLabel('Open now').check();
  await page.getByLabel(/Speaking my language/).check();
  const query = '?open=1&speaks=1';
  await expect(page).toHaveURL(new RegExp(`\\${query}$`));
  await expect.poll(() => shownListIds(page)).toEqual(expectedFor(query));
  await expect(mapMarkers(page)).toHaveCount(expectedOnMap(query).length + 1);

  await page.reload();
  await expect(page.getByLabel('Open now')).toBeChecked();
  await expect(page.getByLabel(/Speaking my language/)).toBeChecked();
  await expect(page.getByLabel('For women')).not.toBeChecked();
  await expect.poll(() => shownListIds(page)).toEqual(expectedFor(query));
  expect(await shownMiniMapIds(page)).toEqual(expectedOnMap(query));
  await openMap(page);
  await expect(mapMarkers(page)).toHaveCount(expectedOnMap(query).length + 1);

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/services\/$/);
  await expect.poll(() => shownListIds(page)).toEqual(expectedFor(''));
});

test('a shared link with filters and #map opens the filtered map straight away', async ({
  page,
  sampleSite,
}) => {
  await watchNetwork(page, sampleSite);
  await page.goto(`${SERVICES_PAGE}?free=1&women=1#map`);
  await expect(page.locator('.service-map__canvas.leaflet-container')).toBeVisible();
  await expect(mapMarkers(page)).toHaveCount(expectedOnMap('?free=1&women=1').length + 1);
  expect(await shownListIds(page)).toEqual(expectedFor('?free=1&women=1'));
});

test('the mini-map shows when map tiles fail', async ({ page, sampleSite }) => {
  await watchNetwork(page, sampleSite, 'fail');
  await page.goto(SERVICES_PAGE);
  await page.locator('#map').scrollIntoViewIfNeeded();
  await page.getByRole('button', { name: 'Show on map' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The map could not load' })).toBeVisible();
  await expect(page.locator('[data-mini-map]')).toBeVisible();
  await expect(page.locator('.service-map__canvas')).toBeHidden();
  await expect(page.locator('[data-mini-map] [data-service-id]')).toHaveCount(located.length);
});

test('offline, the map is not even tried: the mini-map stays', async ({ page, context, sampleSite }) => {
  const requests = await watchNetwork(page, sampleSite);
  await page.goto(SERVICES_PAGE);
  await page.locator('#map').scrollIntoViewIfNeeded();
  await expect(page.getByRole('button', { name: 'Show on map' })).toBeVisible();
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Show on map' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'You are offline' })).toBeVisible();
  await expect(page.locator('[data-mini-map]')).toBeVisible();
  expect(leafletRequests(requests)).toEqual([]);
});

test('axe passes with the map open and a popup showing', async ({ page, sampleSite }) => {
  await watchNetwork(page, sampleSite);
  await page.goto(SERVICES_PAGE);
  await openMap(page);
  await page.getByRole('button', { name: /^1\. / }).click();
  await expect(page.locator('.leaflet-popup')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('axe passes on the directory in Arabic (right to left)', async ({ page, sampleSite }) => {
  await watchNetwork(page, sampleSite);
  await page.goto(`/ar/${STATION}/services/`);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expectNoAxeViolations(page);
});

test.describe('with JavaScript turned off', () => {
  test.use({ javaScriptEnabled: false });

  test('the directory shows every service and the mini-map with a scale bar; no filters, no map button', async ({
    page,
  }) => {
    await page.goto(SERVICES_PAGE);
    await expect(page.locator('.services > li')).toHaveCount(services.length);
    await expect(page.locator('[data-service-filters]')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Show on map' })).toHaveCount(0);
    const miniMap = page.getByRole('img', { name: /Simple map: București Nord/ });
    await expect(miniMap).toBeVisible();
    await expect(miniMap.locator('[data-service-id]')).toHaveCount(located.length);
    await expect(miniMap.locator('text').last()).toHaveText(/\d+\s?(m|km)$/);
  });
});

test.describe('find my nearest station', () => {
  // Close to Iași station (47.16556, 27.56972); digits distinct enough to spot in any URL or body.
  const position = { latitude: 47.1612345, longitude: 27.5698765 };
  test.use({ permissions: ['geolocation'], geolocation: position });

  test('uses the position on the device only: the nearest station first, and no request carries it', async ({
    page,
    context,
  }) => {
    const sent: string[] = [];
    page.on('request', (request) =>
      sent.push(`${request.url()} ${request.postData() ?? ''} ${JSON.stringify(request.headers())}`),
    );
    await page.goto('/en/');
    await context.setGeolocation(position);
    await page.getByRole('button', { name: 'Find my nearest station' }).click();
    const first = page.locator('[data-nearest-result] a').first();
    await expect(first).toHaveAttribute('href', '/en/ro/iasi/');
    await expect(first).toContainText(/Iași\s*\d/);
    await expect(page.locator('[data-nearest-result] li')).toHaveCount(3);
    await first.click();
    await expect(page).toHaveURL(/\/en\/ro\/iasi\/$/);
    await page.waitForLoadState('networkidle');
    for (const digits of ['1612345', '5698765', '47.161', '27.569'])
      expect(
        sent.filter((line) => line.includes(digits)),
        digits,
      ).toEqual([]);
  });
});

test('without permission, "find my nearest station" says so and the list stays', async ({ page }) => {
  await page.goto('/en/');
  await page.getByRole('button', { name: 'Find my nearest station' }).click();
  await expect(page.locator('[data-nearest-status]')).toHaveText(/not allowed/);
  await expect(page.locator('#station-list')).toBeVisible();
});

test('the HSDS export lists every service of the country, with samples labelled', async ({ request }) => {
  const response = await request.get('/data/hsds/ro.json');
  expect(response.headers()['content-type']).toMatch(/json/);
  const doc = await response.json();
  for (const table of [
    'organizations',
    'services',
    'locations',
    'service_at_location',
    'phones',
    'schedules',
    'languages',
  ])
    expect(Array.isArray(doc[table]), table).toBe(true);
  const romanian = new Set(
    sampleContent.stations
      .filter((entry) => entry.data.country === 'ro')
      .flatMap((entry) => entry.data.services),
  );
  expect(doc.services).toHaveLength(romanian.size);
  expect(
    doc.services.filter((service: { safe_station: { sample?: boolean } }) => service.safe_station.sample)
      .length,
  ).toBeGreaterThan(0);
  for (const service of doc.services) {
    expect(romanian.has(service.safe_station.content_id)).toBe(true);
    if (service.safe_station.sample) {
      expect(service.alert).toMatch(/SAMPLE DATA/);
      expect(service.status).toBe('inactive');
      expect(service.name).toMatch(/^Sample/);
    }
  }
  // Only what a source gives: a location row only for a service with an address or coordinates.
  const locatedIds = new Set(doc.service_at_location.map((row: { service_id: string }) => row.service_id));
  for (const service of doc.services) {
    const data = sampleContent.services.find((entry) => entry.id === service.safe_station.content_id)!.data;
    expect(locatedIds.has(service.id), service.name).toBe(Boolean(data.location || data.address));
  }
});

test('sample providers are marked as sample data on the station page', async ({ page }) => {
  await page.goto(`/en/${STATION}/`);
  for (const service of services.filter((entry) => entry.data.sample)) {
    await expect(page.locator(`.services > li[data-service-id="${service.id}"] .badge`)).toHaveText(/Sample/);
  }
});
