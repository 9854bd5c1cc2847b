/**
 * Registers the service worker and, when a new version is waiting, shows a
 * small notice; the reader decides when to reload, so a page in use never
 * changes under them.
 */
/** The site's one service worker, for the whole origin. */
export function registerSiteWorker(): Promise<ServiceWorkerRegistration> {
  return navigator.serviceWorker.register('/sw.js', { scope: '/' });
}

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const notice = document.querySelector<HTMLElement>('[data-update-notice]');
  const showNotice = (worker: ServiceWorker) => {
    if (!notice) return;
    notice.hidden = false;
    notice
      .querySelector('button')
      ?.addEventListener('click', () => worker.postMessage({ type: 'SKIP_WAITING' }), { once: true });
  };
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading || !notice || notice.hidden) return;
    reloading = true;
    location.reload();
  });
  void registerSiteWorker().then((registration) => {
    if (registration.waiting && navigator.serviceWorker.controller) showNotice(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const installing = registration.installing;
      installing?.addEventListener('statechange', () => {
        if (installing.state === 'installed' && navigator.serviceWorker.controller) showNotice(installing);
      });
    });
  });
}
