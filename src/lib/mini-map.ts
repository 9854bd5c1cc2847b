import type { Coordinates } from '../schemas/common';
import { bearingDegrees, distanceMetres } from './geo';

/** Scale bar lengths people read at a glance. */
const NICE_METRES = [
  10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000, 20_000, 25_000, 50_000, 100_000,
];
/** Below this the map would zoom in on a few metres; providers next door still show apart from the station. */
const MIN_RADIUS_METRES = 100;

/** The longest "nice" length not over `metres` (at least the shortest one). */
export function niceScaleMetres(metres: number): number {
  return NICE_METRES.filter((nice) => nice <= metres).at(-1) ?? (NICE_METRES[0] as number);
}

export interface MiniMapPoint<Id> {
  readonly id: Id;
  readonly x: number;
  readonly y: number;
  readonly metres: number;
  readonly bearing: number;
}

export interface MiniMapLayout<Id> {
  /** Width and height of the square drawing; the station is at its centre. */
  readonly size: number;
  readonly centre: number;
  readonly points: readonly MiniMapPoint<Id>[];
  readonly scale: { readonly metres: number; readonly pixels: number };
}

/**
 * Places every point around the station by its distance and bearing (north
 * up), scaled so the farthest sits `margin` pixels inside the edge, with a
 * scale bar no longer than 40 % of the width.
 */
export function layoutMiniMap<Id>(
  station: Coordinates,
  places: readonly { id: Id; location: Coordinates }[],
  size: number,
  margin: number,
): MiniMapLayout<Id> {
  const centre = size / 2;
  const measured = places.map((place) => ({
    id: place.id,
    metres: distanceMetres(station, place.location),
    bearing: bearingDegrees(station, place.location),
  }));
  const farthest = Math.max(MIN_RADIUS_METRES, ...measured.map((place) => place.metres));
  const pixelsPerMetre = (centre - margin) / farthest;
  const points = measured.map(({ id, metres, bearing }) => {
    const radians = (bearing * Math.PI) / 180;
    const round = (value: number) => Math.round(value * 10) / 10;
    return {
      id,
      metres,
      bearing,
      x: round(centre + metres * pixelsPerMetre * Math.sin(radians)),
      y: round(centre - metres * pixelsPerMetre * Math.cos(radians)),
    };
  });
  const scaleMetres = niceScaleMetres((size * 0.4) / pixelsPerMetre);
  return {
    size,
    centre,
    points,
    scale: { metres: scaleMetres, pixels: Math.round(scaleMetres * pixelsPerMetre * 10) / 10 },
  };
}
