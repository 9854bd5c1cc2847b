/**
 * Map markers as inline SVG, shared by the build-time mini-map and the
 * Leaflet map so both look the same: providers are numbered blue circles
 * (numbers match the list), the station a dark square with a train.
 * Shapes are drawn around (0, 0); the colours are the site's action and ink.
 */
export const MARKER_SIZE = 36;

export function providerMarkerShape(number: number): string {
  return (
    '<circle r="14" fill="#1d4f91" stroke="#ffffff" stroke-width="3"/>' +
    `<text y="5" text-anchor="middle" font-family="system-ui, sans-serif" font-size="14" font-weight="700" fill="#ffffff">${Math.trunc(number)}</text>`
  );
}

export function stationMarkerShape(): string {
  return (
    '<rect x="-16" y="-16" width="32" height="32" rx="6" fill="#0b0c0c" stroke="#ffffff" stroke-width="3"/>' +
    '<rect x="-8" y="-10" width="16" height="15" rx="3" fill="#ffffff"/>' +
    '<rect x="-5" y="-7" width="10" height="5" fill="#0b0c0c"/>' +
    '<path d="M-5 6l-4 5M5 6l4 5" stroke="#ffffff" stroke-width="2" stroke-linecap="round"/>'
  );
}

/** A shape as a standalone, decorative <svg> (the marker element carries the accessible name). */
export function markerSvg(shape: string, size = MARKER_SIZE): string {
  const half = size / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="${-half} ${-half} ${size} ${size}" aria-hidden="true" focusable="false">${shape}</svg>`;
}
