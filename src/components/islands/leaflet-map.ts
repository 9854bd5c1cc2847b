/**
 * The Leaflet map, loaded only by ServiceMap's dynamic import when a person
 * opens the map: Leaflet's code and CSS never come with the page itself.
 * Markers are inline SVG (never Leaflet's default icon images), focusable
 * and opened with Enter; popups take the focus and give it back on close.
 */
import L from 'leaflet';
import leafletCssUrl from 'leaflet/dist/leaflet.css?url';
import { markerSvg, MARKER_SIZE, providerMarkerShape, stationMarkerShape } from '../../lib/map-markers';
import { openNow } from '../../lib/open-now';
import type { MapLabels, MapPlace, MapStation } from './ServiceMap';

export interface LeafletMapOptions {
  station: MapStation;
  places: readonly MapPlace[];
  labels: MapLabels;
  tileUrl: string;
  attribution: string;
  timeZone: string;
  /** Called once when no tile could be loaded (offline, blocked, server down). */
  onTilesFailed: () => void;
}

export interface LeafletMapHandle {
  showOnly(ids: ReadonlySet<string>): void;
  remove(): void;
}

/** Leaflet's stylesheet, as its own file, fetched only now; resolves once it applies (or failed, which the map survives). */
function loadLeafletCss(): Promise<void> {
  const existing = document.querySelector<HTMLLinkElement>('link[data-leaflet]');
  if (existing) return Promise.resolve();
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = leafletCssUrl;
  link.dataset.leaflet = '';
  const ready = new Promise<void>((resolve) => {
    link.onload = () => resolve();
    link.onerror = () => resolve();
  });
  document.head.append(link);
  return ready;
}

const element = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

function icon(shape: string): L.DivIcon {
  const half = MARKER_SIZE / 2;
  return L.divIcon({
    html: markerSvg(shape),
    className: 'map-marker',
    iconSize: [MARKER_SIZE, MARKER_SIZE],
    iconAnchor: [half, half],
    popupAnchor: [0, -half],
  });
}

/** Popup content built as DOM (text only, never HTML from data): name, sample label, hours with open now, phones. */
function popupFor(place: MapPlace, labels: MapLabels, timeZone: string): HTMLElement {
  const box = element('div', 'map-popup');
  box.tabIndex = -1;
  if (place.sample && labels.sample) box.append(element('p', 'map-popup__sample', labels.sample));
  const name = element('p', 'map-popup__name', `${place.number}. ${place.name}`);
  if (place.nameLang) name.lang = place.nameLang;
  box.append(name);
  const open = openNow(place.facts.hours, timeZone, new Date());
  const status = open === undefined ? '' : ` · ${open ? labels.openNow : labels.closedNow}`;
  box.append(element('p', undefined, `${labels.hours}: ${place.hours}${status}`));
  for (const phone of place.phones) {
    const link = element('a', 'map-popup__call');
    link.href = phone.href;
    const shown = element('span', 'ltr', phone.display);
    shown.setAttribute('aria-hidden', 'true');
    link.append(labels.callBefore, shown, element('span', 'visually-hidden', phone.spoken), labels.callAfter);
    const line = element('p');
    line.append(link);
    box.append(line);
  }
  return box;
}

/** Moves the focus into a popup opened from the keyboard, and back to its marker when it closes. */
function keepFocusWithPopup(marker: L.Marker): void {
  let fromKeyboard = false;
  marker.on('popupopen', (event) => {
    fromKeyboard = document.activeElement === marker.getElement();
    if (fromKeyboard) event.popup.getElement()?.querySelector<HTMLElement>('.map-popup')?.focus();
  });
  marker.on('popupclose', (event) => {
    const active = document.activeElement;
    // Leaflet may already have removed the popup, which drops the focus to <body>.
    if (fromKeyboard && (!active || active === document.body || event.popup.getElement()?.contains(active)))
      marker.getElement()?.focus();
    fromKeyboard = false;
  });
}

export async function openLeafletMap(
  container: HTMLElement,
  options: LeafletMapOptions,
): Promise<LeafletMapHandle> {
  await loadLeafletCss();
  const { station, places, labels } = options;
  const map = L.map(container, { keyboard: true, scrollWheelZoom: false });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  // Wheel zoom only once the person has focused the map (click or Tab), so scrolling the page never gets stuck on it.
  map.once('focus', () => map.scrollWheelZoom.enable());
  // Leaflet closes a popup with Escape only while the map itself has focus; a marker or the popup may have it.
  container.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') map.closePopup();
  });

  let loaded = 0;
  let failed = 0;
  const tiles = L.tileLayer(options.tileUrl, { attribution: options.attribution, maxZoom: 19 });
  tiles.on('tileload', () => (loaded += 1));
  tiles.on('tileerror', () => (failed += 1));
  // "load" fires when every visible tile has finished, loaded or not.
  tiles.on('load', () => {
    if (loaded === 0 && failed > 0) options.onTilesFailed();
  });
  tiles.addTo(map);

  const stationMarker = L.marker([station.lat, station.lon], {
    icon: icon(stationMarkerShape()),
    keyboard: true,
    title: labels.station,
    zIndexOffset: 1000,
  });
  const stationPopup = element('div', 'map-popup');
  stationPopup.tabIndex = -1;
  stationPopup.append(element('p', 'map-popup__name', labels.station));
  stationMarker.bindPopup(stationPopup).addTo(map);
  const markers = new Map(
    places.map((place) => {
      const marker = L.marker([place.lat, place.lon], {
        icon: icon(providerMarkerShape(place.number)),
        keyboard: true,
        title: `${place.number}. ${place.name}`,
      });
      marker.bindPopup(popupFor(place, labels, options.timeZone));
      keepFocusWithPopup(marker);
      return [place.id, marker] as const;
    }),
  );
  keepFocusWithPopup(stationMarker);
  markers.forEach((marker) => marker.addTo(map));
  map.fitBounds(
    L.latLngBounds([
      [station.lat, station.lon],
      ...places.map((place): [number, number] => [place.lat, place.lon]),
    ]),
    { padding: [40, 40], maxZoom: 17 },
  );

  return {
    showOnly(ids) {
      for (const [id, marker] of markers) {
        if (ids.has(id)) marker.addTo(map);
        else marker.remove();
      }
    },
    remove() {
      map.remove();
    },
  };
}
