import { matchesQuery } from '../lib/text';

/**
 * Filters the station list as the person types, ignoring accents. The list
 * is complete in the HTML; where scripting is off the finder is left out
 * (global.css), and it holds its place from the start so nothing shifts.
 */
export function startStationFinder(): void {
  const finder = document.querySelector<HTMLElement>('[data-station-finder]');
  const input = finder?.querySelector<HTMLInputElement>('input');
  const noMatch = finder?.querySelector<HTMLElement>('[data-no-match]');
  if (!finder || !input || !noMatch) return;
  const items = [...document.querySelectorAll<HTMLElement>('[data-search]')];
  const groups = [...document.querySelectorAll<HTMLElement>('[data-country]')];
  input.addEventListener('input', () => {
    const query = input.value;
    let shown = 0;
    for (const item of items) {
      item.hidden = !matchesQuery(item.dataset.search ?? '', query);
      if (!item.hidden) shown += 1;
    }
    for (const group of groups) group.hidden = !group.querySelector('[data-search]:not([hidden])');
    noMatch.hidden = shown > 0;
  });
}
