import {
  FILTERS_CHANGED,
  filtersFromQuery,
  filtersToQuery,
  matchesFilters,
  type ServiceFilter,
} from '../lib/service-filters';
import { factsOf } from './open-now';

/** Hides or shows a list entry (HTML) or a mini-map marker (SVG, where `hidden` does not apply). */
function setShown(element: Element, shown: boolean): void {
  if (element instanceof HTMLElement) element.hidden = !shown;
  else if (shown) element.removeAttribute('display');
  else element.setAttribute('display', 'none');
}

/**
 * The directory's filters. The URL query is the state: checkboxes start
 * from it, every change rewrites it (so reload, a shared link or a QR code
 * keep the view), then the list and the mini-map are filtered here and the
 * map island is told to follow. Without JavaScript the filters stay hidden and
 * the full list shows.
 */
export function startServiceFilters(): void {
  const panel = document.querySelector<HTMLElement>('[data-service-filters]');
  const list = document.querySelector<HTMLElement>('[data-time-zone]');
  const status = panel?.querySelector<HTMLElement>('[data-filter-status]');
  const clear = panel?.querySelector<HTMLButtonElement>('[data-clear-filters]');
  if (!panel || !list || !status || !clear) return;
  const boxes = [...panel.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  const entries = [...list.querySelectorAll<HTMLElement>('[data-facts]')];

  const apply = () => {
    const filters = new Set(boxes.filter((box) => box.checked).map((box) => box.name as ServiceFilter));
    const context = {
      lang: document.documentElement.lang,
      timeZone: list.dataset.timeZone ?? 'UTC',
      now: new Date(),
    };
    const shown = new Set(
      entries
        .filter((entry) => matchesFilters(factsOf(entry), filters, context))
        .map((entry) => entry.dataset.serviceId),
    );
    for (const element of document.querySelectorAll<HTMLElement | SVGElement>('[data-service-id]'))
      setShown(element, shown.has(element.dataset.serviceId));
    status.textContent =
      (shown.size === 0 ? panel.dataset.noMatch : panel.dataset.showing)
        ?.replace('{{shown}}', String(shown.size))
        .replace('{{total}}', String(entries.length)) ?? '';
    clear.hidden = filters.size === 0;
    history.replaceState(
      history.state,
      '',
      `${location.pathname}${filtersToQuery(filters, location.search)}${location.hash}`,
    );
    window.dispatchEvent(new CustomEvent(FILTERS_CHANGED));
  };

  const fromUrl = filtersFromQuery(location.search);
  for (const box of boxes) box.checked = fromUrl.has(box.name as ServiceFilter);
  panel.hidden = false;
  panel.addEventListener('change', apply);
  clear.addEventListener('click', () => {
    for (const box of boxes) box.checked = false;
    apply();
    boxes[0]?.focus();
  });
  apply();
}
