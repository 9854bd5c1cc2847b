import { stopSpeaking } from './read-aloud';
import { currentScreen } from './screen';

/** Screens by fragment, pages by replace: the history never grows, and no link leaves /kiosk/. */
export function keepInsideKiosk(reset: () => void, onScreenChange: () => void): void {
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a');
    if (!link) return;
    event.preventDefault();
    if (link.hasAttribute('data-kiosk-reset')) return reset();
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || !url.pathname.startsWith('/kiosk/')) return;
    if (url.pathname !== location.pathname) {
      location.replace(url.pathname + location.search + url.hash);
      return;
    }
    stopSpeaking();
    location.replace(location.pathname + location.search + url.hash);
    const screen = currentScreen();
    screen?.querySelector('.kiosk-screen__body')?.scrollTo(0, 0);
    screen?.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
    onScreenChange();
  });
  // A form has nowhere to go on a kiosk.
  document.addEventListener('submit', (event) => event.preventDefault());
}
