import { countryOfPath } from '../offline/pack';

/** Opens and moves first the helplines of the reader's country: from ?c=, or from the address on the offline page. */
export function openCountryFromQuery(): void {
  const container = document.querySelector<HTMLElement>('[data-country-helplines]');
  if (!container) return;
  const code =
    container.dataset.from === 'path'
      ? countryOfPath(location.pathname)
      : new URLSearchParams(location.search).get('c');
  if (!code || !/^[a-z]{2}$/.test(code)) return;
  const details = container.querySelector<HTMLDetailsElement>(`details[data-country="${code}"]`);
  if (!details) return;
  details.open = true;
  container.prepend(details);
}
