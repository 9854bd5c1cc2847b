/**
 * The kiosk's behaviour on top of pages that work without it, one module per
 * behaviour in this folder, started here:
 * - nothing leaves the kiosk and nothing enters history: screens change by
 *   replacing the fragment, pages by location.replace, carrying the settings
 *   in the query (src/kiosk/config.ts);
 * - idle reset: after the idle time "Are you still there?" counts down, a
 *   touch continues, otherwise the kiosk reloads its attract page, which
 *   wipes language, text size, contrast, scroll and any answers;
 * - comfort: larger text, high contrast, read aloud where a voice exists;
 * - no context menu, no zoom gestures, no dragging.
 */
import { parseKioskConfig } from '../config';
import { startClearButtons } from './clear-answers';
import { COMFORT_KEY, startComfort } from './comfort';
import { featureLanguages } from './featured-languages';
import { guardGestures } from './gestures';
import { startIdleReset } from './idle-reset';
import { keepKioskOffline } from './offline';
import { startReadAloud, stopSpeaking } from './read-aloud';
import { keepInsideKiosk } from './stay-inside';

export function startKiosk(): void {
  const { kioskHome = '/', kioskPage, siteLanguages = '', stationLanguages = '' } = document.body.dataset;
  const { config, problems } = parseKioskConfig(location.search, siteLanguages.split(','));
  for (const problem of problems) console.warn(`Kiosk setting ignored: ${problem}`);
  if (config.orientation !== 'auto') document.documentElement.dataset.orientation = config.orientation;

  const featured =
    config.languages.length > 0 ? config.languages : stationLanguages.split(',').filter(Boolean);
  const isPristine = () => kioskPage === 'attract' && (location.hash === '' || location.hash === '#attract');
  const reset = () => {
    stopSpeaking();
    sessionStorage.removeItem(COMFORT_KEY);
    location.replace(kioskHome + location.search);
  };

  featureLanguages(featured, siteLanguages.split(','), config);
  startComfort();
  startClearButtons();
  const idle = startIdleReset(config, isPristine, reset);
  keepInsideKiosk(reset, () => {
    idle.restart();
    markIdle(isPristine());
  });
  guardGestures();
  startReadAloud(document.documentElement.lang);
  markIdle(isPristine());
  keepKioskOffline(kioskHome, siteLanguages.split(',').filter(Boolean));
  // For whoever waits on the kiosk being live (tests, the soak benchmark): every handler is in place.
  document.body.dataset.kioskReady = 'true';
}

/** Lets the service worker apply new content only while nobody is using the kiosk. */
function markIdle(idle: boolean): void {
  document.documentElement.toggleAttribute('data-kiosk-idle', idle);
  if (idle) window.dispatchEvent(new CustomEvent('kiosk:idle'));
}
