import { pickLanguage } from '../lib/best-language';

/**
 * Sends the visitor to the page in their best language. The element carries
 * the choices: data-languages (built), data-first (station's languages) and
 * data-target with "{lang}" where the language goes.
 */
export function redirectToBestLanguage(): void {
  const element = document.querySelector<HTMLElement>('[data-language-redirect]');
  if (!element) return;
  const available = (element.dataset.languages ?? '').split(',');
  const first = (element.dataset.first ?? '').split(',').filter(Boolean);
  const target = element.dataset.target ?? '/{lang}/';
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  const lang = pickLanguage(preferred, available, first);
  // The fragment comes along: /verify/#TOKEN carries a badge token that must reach the language page (and never a server).
  location.replace(target.replace('{lang}', lang) + location.hash);
}
