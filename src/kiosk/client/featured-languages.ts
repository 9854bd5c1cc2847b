import { featuredFirst, type KioskConfig } from '../config';

const CYCLE_MS = 3500;

/**
 * Featured languages first in the grid. The attract screen cycles them, every
 * cycling list in the same language at once ("Need help?", what 112 is, the
 * helpline's name), or stacks a few when motion is reduced.
 */
export function featureLanguages(
  featured: readonly string[],
  site: readonly string[],
  config: KioskConfig,
): void {
  const order = featuredFirst(site, [...config.languages, ...featured]);
  const grid = document.querySelector('[data-language-grid]');
  if (grid)
    for (const code of order) {
      const item = grid.querySelector(`:scope > [data-lang="${code}"]`);
      if (item) grid.append(item);
    }

  const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
  const shownLanguages = featuredFirst(site, featured).filter((code) => featured.includes(code));
  const cycling: HTMLElement[][] = [];
  for (const list of document.querySelectorAll<HTMLElement>('[data-featured-list]')) {
    const max = Number(list.dataset.featuredMax ?? featured.length);
    const items = featuredFirst(site, featured)
      .map((code) => list.querySelector<HTMLElement>(`:scope > [data-lang="${code}"]`))
      .filter((item): item is HTMLElement => item !== null);
    items.forEach((item) => list.append(item));
    const shown = items.filter((item) => featured.includes(item.dataset.lang ?? ''));
    const cycles = list.dataset.featuredList === 'cycle' && !reduceMotion && shown.length > 1;
    items.forEach((item) => (item.hidden = cycles ? item !== shown[0] : !shown.slice(0, max).includes(item)));
    if (cycles) {
      list.classList.add('is-cycling');
      cycling.push(shown);
    }
  }
  if (cycling.length === 0) return;
  let index = 0;
  setInterval(() => {
    index = (index + 1) % shownLanguages.length;
    const lang = shownLanguages[index];
    for (const shown of cycling) for (const item of shown) item.hidden = item.dataset.lang !== lang;
  }, CYCLE_MS);
}
