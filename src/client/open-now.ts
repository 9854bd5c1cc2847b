import { openNow } from '../lib/open-now';
import type { FilterFacts } from '../lib/service-filters';

/** The filter facts the server wrote on a service entry (`data-facts`). */
export function factsOf(element: HTMLElement): FilterFacts {
  return JSON.parse(element.dataset.facts ?? '{}') as FilterFacts;
}

/**
 * Adds "Open now" / "Closed now" to each service in the lists on the page,
 * judged by the station's clock. Entries without confirmed hours say nothing.
 */
export function showOpenNow(now = new Date()): void {
  for (const list of document.querySelectorAll<HTMLElement>('[data-time-zone]')) {
    const timeZone = list.dataset.timeZone ?? 'UTC';
    for (const entry of list.querySelectorAll<HTMLElement>('[data-facts]')) {
      const status = entry.querySelector<HTMLElement>('[data-open-status]');
      const open = openNow(factsOf(entry).hours, timeZone, now);
      if (!status || open === undefined) continue;
      status.textContent = (open ? list.dataset.openText : list.dataset.closedText) ?? '';
      status.classList.toggle('is-open', open);
      status.hidden = false;
    }
  }
}
