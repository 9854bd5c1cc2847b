/**
 * The service map. Server-rendered it is only the build-time mini-map (its
 * children), which is all people see without JavaScript. Hydrated, it adds a
 * "Show on map" button; Leaflet is imported only when that is pressed (or
 * when the person arrived with #map from the station page's "Show on map"
 * link). If tiles cannot load, or the device is offline, the mini-map stays.
 * The map shows the same services as the list: it reads the filters from the
 * URL whenever the filter form announces a change.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  FILTERS_CHANGED,
  filtersFromQuery,
  matchesFilters,
  type FilterFacts,
} from '../../lib/service-filters';
import type { LeafletMapHandle } from './leaflet-map';
import './service-map.css';

export interface MapStation {
  name: string;
  lat: number;
  lon: number;
}

export interface MapPlace {
  id: string;
  /** Position in the list, nearest first; the marker shows it. */
  number: number;
  name: string;
  /** Set when the name is shown in English on a page in another language. */
  nameLang?: string;
  /** Only on invented test data (SAMPLE_DATA=1 builds). */
  sample?: boolean;
  lat: number;
  lon: number;
  /** Opening hours as written in the list. */
  hours: string;
  phones: { href: string; display: string; spoken: string }[];
  facts: FilterFacts;
}

export interface MapLabels {
  showMap: string;
  loading: string;
  tilesFailed: string;
  offline: string;
  region: string;
  station: string;
  /** Given only when a place is sample data. */
  sample?: string;
  hours: string;
  openNow: string;
  closedNow: string;
  /** The text around the number in a call link ("Call " … ""). */
  callBefore: string;
  callAfter: string;
}

interface Props {
  station: MapStation;
  places: MapPlace[];
  labels: MapLabels;
  tileUrl: string;
  attribution: string;
  lang: string;
  timeZone: string;
  children?: ComponentChildren;
}

type Mode = 'static' | 'ready' | 'loading' | 'open' | 'failed' | 'offline';

export default function ServiceMap({
  station,
  places,
  labels,
  tileUrl,
  attribution,
  lang,
  timeZone,
  children,
}: Props) {
  const [mode, setMode] = useState<Mode>('static');
  const canvas = useRef<HTMLElement>(null);
  const handle = useRef<LeafletMapHandle>();

  const visibleIds = () => {
    const filters = filtersFromQuery(location.search);
    const context = { lang, timeZone, now: new Date() };
    return new Set(
      places.filter((place) => matchesFilters(place.facts, filters, context)).map((place) => place.id),
    );
  };

  const open = async () => {
    if (!navigator.onLine) return setMode('offline');
    setMode('loading');
    try {
      const { openLeafletMap } = await import('./leaflet-map');
      if (!canvas.current) return;
      canvas.current.hidden = false; // Leaflet measures its container, so it must be visible first.
      handle.current = await openLeafletMap(canvas.current, {
        station,
        places,
        labels,
        tileUrl,
        attribution,
        timeZone,
        onTilesFailed: () => setMode('failed'),
      });
      handle.current.showOnly(visibleIds());
      setMode((current) => (current === 'loading' ? 'open' : current));
    } catch {
      // The map code itself could not load (offline after the page came): the mini-map stays.
      setMode('failed');
    }
  };

  useEffect(() => {
    setMode('ready');
    if (location.hash === '#map') void open();
    const onFilters = () => handle.current?.showOnly(visibleIds());
    window.addEventListener(FILTERS_CHANGED, onFilters);
    return () => {
      window.removeEventListener(FILTERS_CHANGED, onFilters);
      handle.current?.remove();
    };
  }, []);

  const mapShown = mode === 'loading' || mode === 'open';
  const message =
    mode === 'loading'
      ? labels.loading
      : mode === 'failed'
        ? labels.tilesFailed
        : mode === 'offline'
          ? labels.offline
          : '';
  return (
    <div class="service-map" data-map-state={mode}>
      {mode === 'ready' && (
        <button type="button" class="service-map__open" onClick={() => void open()}>
          {labels.showMap}
        </button>
      )}
      <p class="service-map__status" role="status">
        {message}
      </p>
      <section ref={canvas} class="service-map__canvas" aria-label={labels.region} hidden={!mapShown} />
      <div class="service-map__mini" hidden={mapShown}>
        {children}
      </div>
    </div>
  );
}
