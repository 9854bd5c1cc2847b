import type { Coordinates } from '../schemas/common';

/**
 * Generous boxes around each country (south, west, north, east) used only to
 * catch swapped or mistyped coordinates, not to decide borders.
 */
const COUNTRY_BOXES: Record<string, readonly [number, number, number, number]> = {
  ro: [43.5, 20.2, 48.3, 29.8],
  pl: [49.0, 14.1, 54.9, 24.2],
  hu: [45.7, 16.1, 48.6, 22.9],
  bg: [41.2, 22.3, 44.3, 28.7],
  de: [47.2, 5.8, 55.1, 15.1],
  nl: [50.7, 3.3, 53.6, 7.3],
  gb: [49.8, -8.7, 60.9, 1.8],
  es: [27.6, -18.2, 43.8, 4.4],
  it: [35.4, 6.6, 47.1, 18.6],
  fr: [41.3, -5.2, 51.1, 9.6],
  ua: [44.3, 22.1, 52.4, 40.3],
};
const MARGIN_DEGREES = 0.3;

export function knownCountryBox(country: string): boolean {
  return country in COUNTRY_BOXES;
}

export function isInsideCountry(point: Coordinates, country: string): boolean {
  const box = COUNTRY_BOXES[country];
  if (!box) return false;
  const [south, west, north, east] = box;
  return (
    point.lat >= south - MARGIN_DEGREES &&
    point.lat <= north + MARGIN_DEGREES &&
    point.lon >= west - MARGIN_DEGREES &&
    point.lon <= east + MARGIN_DEGREES
  );
}

const EARTH_RADIUS_M = 6_371_008.8;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in metres (haversine). */
export function distanceMetres(from: Coordinates, to: Coordinates): number {
  const dLat = toRadians(to.lat - from.lat);
  const dLon = toRadians(to.lon - from.lon);
  const a =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(from.lat)) * Math.cos(toRadians(to.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Initial bearing in degrees clockwise from north, 0–360. */
export function bearingDegrees(from: Coordinates, to: Coordinates): number {
  const φ1 = toRadians(from.lat);
  const φ2 = toRadians(to.lat);
  const Δλ = toRadians(to.lon - from.lon);
  const y = Math.sin(Δλ) * Math.cos(φ2);
  const x = Math.cos(φ1) * Math.sin(φ2) - Math.sin(φ1) * Math.cos(φ2) * Math.cos(Δλ);
  return ((Math.atan2(y, x) * 180) / Math.PI + 360) % 360;
}

export const COMPASS_POINTS = ['n', 'ne', 'e', 'se', 's', 'sw', 'w', 'nw'] as const;
export type CompassPoint = (typeof COMPASS_POINTS)[number];

export function compassPoint(bearing: number): CompassPoint {
  return COMPASS_POINTS[Math.round(bearing / 45) % 8] ?? 'n';
}

/** Items sorted nearest first, each with its distance (metres) and bearing (degrees) from `from`. */
export function nearestFirst<T>(
  from: Coordinates,
  items: readonly T[],
  locationOf: (item: T) => Coordinates,
): { item: T; metres: number; bearing: number }[] {
  return items
    .map((item) => ({
      item,
      metres: distanceMetres(from, locationOf(item)),
      bearing: bearingDegrees(from, locationOf(item)),
    }))
    .sort((a, b) => a.metres - b.metres);
}

export interface Placed<T> {
  readonly item: T;
  /** 1, 2, … for items with a location, nearest first (the map markers carry the same number); absent without one. */
  readonly number?: number;
  readonly metres?: number;
  readonly bearing?: number;
}

/**
 * Items with a known location nearest first and numbered, then the items
 * without one in their given order, unnumbered: no distance or marker is
 * made up for a place whose position no source gives.
 */
export function placeNearestFirst<T>(
  from: Coordinates,
  items: readonly T[],
  locationOf: (item: T) => Coordinates | undefined,
): Placed<T>[] {
  const located = items.flatMap((item) => {
    const location = locationOf(item);
    return location ? [{ item, location }] : [];
  });
  const numbered = nearestFirst(from, located, (entry) => entry.location).map(
    ({ item: { item }, metres, bearing }, index) => ({ item, number: index + 1, metres, bearing }),
  );
  return [...numbered, ...items.filter((item) => !locationOf(item)).map((item) => ({ item }))];
}
