import type { Hours } from '../schemas/common';
import type { Audience } from '../schemas/service';
import { openNow } from './open-now';

/**
 * The directory's filters, in the order they are shown. Each is a URL query
 * parameter set to "1" (`?open=1&women=1`, as a checkbox form would submit
 * it), so a link or QR code can open a pre-filtered list.
 */
export const SERVICE_FILTERS = ['open', 'speaks', 'women', 'children', 'free'] as const;
export type ServiceFilter = (typeof SERVICE_FILTERS)[number];

/** Fired on window by the filter form after it rewrites the URL; the map then shows the same services as the list. */
export const FILTERS_CHANGED = 'safe-station:filters';

/** What a filter needs to know about a service. */
export interface FilterFacts {
  /** Absent when no source lists them: then the service never matches "speaks my language" or an audience filter. */
  readonly languages?: readonly string[];
  readonly audience?: readonly Audience[];
  readonly free?: boolean;
  readonly hours?: Hours;
}

/** The reader's language (for "speaks my language") and the station's clock (for "open now"). */
export interface FilterContext {
  readonly lang: string;
  readonly timeZone: string;
  readonly now: Date;
}

const isFilter = (name: string): name is ServiceFilter =>
  (SERVICE_FILTERS as readonly string[]).includes(name);

export function filtersFromQuery(query: string | URLSearchParams): Set<ServiceFilter> {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const isOn = (value: string | null) => value !== null && value !== '' && value !== '0';
  return new Set(SERVICE_FILTERS.filter((name) => isOn(params.get(name))));
}

/** The query string for these filters ("?open=1&free=1", or "" for none), keeping unrelated parameters. */
export function filtersToQuery(
  filters: Iterable<ServiceFilter>,
  keep: string | URLSearchParams = '',
): string {
  const params = new URLSearchParams(keep);
  const chosen = new Set([...filters].filter(isFilter));
  for (const name of SERVICE_FILTERS) params.delete(name);
  for (const name of SERVICE_FILTERS) if (chosen.has(name)) params.set(name, '1');
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * True when the service passes every chosen filter. "For children" also
 * takes services for families; "open now" leaves out services whose hours
 * are not confirmed.
 */
export function matchesFilters(
  service: FilterFacts,
  filters: ReadonlySet<ServiceFilter>,
  context: FilterContext,
): boolean {
  for (const filter of filters) {
    switch (filter) {
      case 'open':
        if (openNow(service.hours, context.timeZone, context.now) !== true) return false;
        break;
      case 'speaks':
        if (!service.languages?.includes(context.lang)) return false;
        break;
      case 'women':
        if (!service.audience?.includes('women')) return false;
        break;
      case 'children':
        if (!service.audience?.includes('children') && !service.audience?.includes('families')) return false;
        break;
      case 'free':
        if (service.free !== true) return false;
        break;
    }
  }
  return true;
}
