/** The OpenStreetMap tile server, used unless PUBLIC_TILE_URL names another (also read by the CSP in astro.config.mjs). */
export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
