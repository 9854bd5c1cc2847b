import { formatDistance } from '../lib/format';
import { nearestFirst } from '../lib/geo';

const SHOW = 3;

/**
 * "Find my nearest station". The position comes from the browser, is used
 * once to sort the stations already on the page, and is then dropped: no
 * request is made with it, nothing is stored.
 */
export function startNearestStation(): void {
  const box = document.querySelector<HTMLElement>('[data-nearest]');
  const button = box?.querySelector('button');
  const status = box?.querySelector<HTMLElement>('[data-nearest-status]');
  const result = box?.querySelector<HTMLOListElement>('[data-nearest-result]');
  if (!box || !button || !status || !result) return;
  const stations = [...document.querySelectorAll<HTMLElement>('[data-location]')].flatMap((item) => {
    const link = item.querySelector('a');
    const [lat, lon] = (item.dataset.location ?? '').split(',').map(Number);
    return link && Number.isFinite(lat) && Number.isFinite(lon)
      ? [{ link, location: { lat: lat as number, lon: lon as number } }]
      : [];
  });
  if (stations.length === 0 || !('geolocation' in navigator)) {
    box.hidden = true;
    return;
  }

  button.addEventListener('click', () => {
    status.textContent = box.dataset.locating ?? '';
    result.hidden = true;
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        const nearest = nearestFirst(
          { lat: coords.latitude, lon: coords.longitude },
          stations,
          (station) => station.location,
        ).slice(0, SHOW);
        result.replaceChildren(
          ...nearest.map(({ item, metres }) => {
            const entry = document.createElement('li');
            const link = document.createElement('a');
            link.href = item.link.getAttribute('href') ?? item.link.href;
            const distance = document.createElement('span');
            distance.className = 'nearest__distance';
            distance.textContent = formatDistance(metres, document.documentElement.lang);
            link.append(item.link.textContent?.trim() ?? '', distance);
            entry.append(link);
            return entry;
          }),
        );
        result.hidden = false;
        status.textContent = box.dataset.found ?? '';
      },
      (error) => {
        status.textContent =
          (error.code === error.PERMISSION_DENIED ? box.dataset.denied : box.dataset.unavailable) ?? '';
      },
      { enableHighAccuracy: false, timeout: 20_000, maximumAge: 300_000 },
    );
  });
}
