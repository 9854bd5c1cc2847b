/** Settings read from the environment at build time, with safe defaults. */
import { DEFAULT_TILE_URL } from './tiles';

/** Where quick exit goes: a neutral page that gives nothing away. */
export const EXIT_URL: string = import.meta.env.PUBLIC_EXIT_URL || 'https://www.bbc.com/weather';

/**
 * Map tiles for the service map, loaded only when a person opens it. The default is the
 * OpenStreetMap tile server: follow its usage policy (no prefetching, no bulk downloads).
 */
export const TILE_URL: string = import.meta.env.PUBLIC_TILE_URL || DEFAULT_TILE_URL;
/** Shown on the map; must credit the tile and data sources. HTML (links allowed). */
export const TILE_ATTRIBUTION: string =
  import.meta.env.PUBLIC_TILE_ATTRIBUTION || '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';
