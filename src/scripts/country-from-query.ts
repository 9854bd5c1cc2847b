/** Opens and moves first the helplines of the country in ?c= (the station the reader came from). */
export function openCountryFromQuery(): void {
  const code = new URLSearchParams(location.search).get('c');
  const container = document.querySelector<HTMLElement>('[data-country-helplines]');
  if (!code || !container || !/^[a-z]{2}$/.test(code)) return;
  const details = container.querySelector<HTMLDetailsElement>(`details[data-country="${code}"]`);
  if (!details) return;
  details.open = true;
  container.prepend(details);
}
