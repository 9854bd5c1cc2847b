/**
 * The kiosk keeps working through a network cut: it stores its own station's
 * kiosk pages in every language as a saved pack (kept current by the service
 * worker), and takes a new version of the site only while nobody is using
 * it, so a screen never changes under a person's hands.
 */
import { expandPack, type PackTemplate } from '../../offline/pack';
import { listPacks, savePack } from '../../client/offline-packs';
import { registerSiteWorker } from '../../client/register-service-worker';

const isIdle = () => document.documentElement.hasAttribute('data-kiosk-idle');

export function keepKioskOffline(home: string, languages: readonly string[]): void {
  if (!('serviceWorker' in navigator) || !('caches' in window)) return;
  const template: PackTemplate = {
    id: `kiosk:${home}`,
    label: document.title,
    paths: [home, `${home}{lang}/`],
  };

  // The first install takes control of the open page; only a later version is an update to apply.
  const hadController = navigator.serviceWorker.controller !== null;
  void registerSiteWorker().then(async (registration) => {
    const applyUpdateWhenIdle = () => {
      if (registration.waiting && isIdle()) registration.waiting.postMessage({ type: 'SKIP_WAITING' });
    };
    window.addEventListener('kiosk:idle', applyUpdateWhenIdle);
    registration.addEventListener('updatefound', () => {
      registration.installing?.addEventListener('statechange', applyUpdateWhenIdle);
    });
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      // A new version took over: show it, but only to nobody.
      if (hadController && isIdle()) location.reload();
    });
    applyUpdateWhenIdle();

    await navigator.serviceWorker.ready;
    const saved = (await listPacks()).some(
      (pack) => pack.id === template.id && pack.languages.length === languages.length,
    );
    if (!saved) {
      await qrFilesOf(expandPack(template, languages))
        .then((files) => savePack({ ...template, paths: [...template.paths, ...files] }, languages))
        .catch((error: unknown) => console.warn('Kiosk could not store its pages for offline use', error));
    }
    document.documentElement.dataset.kioskOffline = 'ready';
  });
}

/** The QR code files the pages show (/qr/…, shared between pages): stored with them, so every code shows offline too. */
async function qrFilesOf(pages: readonly string[]): Promise<string[]> {
  const html = await Promise.all(
    pages.map(async (url) => (await fetch(url, { credentials: 'same-origin' })).text()),
  );
  return [
    ...new Set(
      html.flatMap((page) =>
        [...page.matchAll(/<img\b[^>]*?\ssrc="(\/qr\/[^"]+)"/g)].map((match) => match[1] ?? ''),
      ),
    ),
  ];
}
