/** The public-page settings components render (from src/config.ts, which checks them). */
import { config } from '../config';

/** Where quick exit goes: a neutral page that gives nothing away (PUBLIC_EXIT_URL). */
export const EXIT_URL: string = config.exitUrl;

/**
 * Map tiles for the service map, loaded only when a person opens it (PUBLIC_TILE_URL). The default is the
 * OpenStreetMap tile server: follow its usage policy (no prefetching, no bulk downloads).
 */
export const TILE_URL: string = config.tileUrl;
/** Shown on the map; must credit the tile and data sources. HTML (links allowed). */
export const TILE_ATTRIBUTION: string = config.tileAttribution;
