/**
 * The "Save for offline" buttons. Only this wiring runs when a page opens; the
 * code that fetches and stores a pack (offline-packs.ts) loads when someone asks.
 */
import { formatBytes, type PackTemplate } from '../offline/pack';

const canSave = () => 'caches' in window && 'serviceWorker' in navigator;

/** Wires every "Save for offline" block on the page. */
export function startSaveButtons(): void {
  if (!canSave()) return;
  const lang = document.documentElement.lang;
  for (const section of document.querySelectorAll<HTMLElement>('[data-save-offline]')) {
    if (section.dataset.ready) continue;
    section.dataset.ready = 'true';
    section.hidden = false;
    const template = JSON.parse(section.dataset.pack ?? '{}') as PackTemplate;
    const status = section.querySelector<HTMLElement>('[data-status]');
    const button = section.querySelector<HTMLButtonElement>('button');
    if (!status || !button) continue;
    button.addEventListener('click', async () => {
      const languages = [...section.querySelectorAll<HTMLInputElement>('input[name="lang"]:checked')].map(
        (input) => input.value,
      );
      button.disabled = true;
      status.textContent = section.dataset.saving ?? '';
      try {
        // The saving code loads on the first press: a first visit pays only for this button.
        const { savePack } = await import('./offline-packs');
        const meta = await savePack(template, languages.length ? languages : [lang]);
        status.textContent = (section.dataset.saved ?? '').replace('{{size}}', formatBytes(meta.bytes, lang));
      } catch {
        status.textContent = section.dataset.failed ?? '';
      } finally {
        button.disabled = false;
      }
    });
  }
}
