/**
 * The kiosk's behaviour on top of pages that work without it:
 * - nothing leaves the kiosk and nothing enters history: screens change by
 *   replacing the fragment, pages by location.replace, carrying the settings
 *   in the query (src/lib/kiosk-config.ts);
 * - idle reset: after the idle time "Are you still there?" counts down, a
 *   touch continues, otherwise the kiosk reloads its attract page, which
 *   wipes language, text size, contrast, scroll and any answers;
 * - comfort: larger text, high contrast, read aloud where a voice exists;
 * - no context menu, no zoom gestures, no dragging.
 */
import { featuredFirst, parseKioskConfig, type KioskConfig } from '../lib/kiosk-config';
import { keepKioskOffline } from './kiosk-offline';

/** Text size and contrast for this person only: cleared on every reset. */
const COMFORT_KEY = 'kiosk-comfort';
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
const CYCLE_MS = 3500;

type Comfort = { large?: boolean; contrast?: boolean };

export function startKiosk(): void {
  const { kioskHome = '/', kioskPage, siteLanguages = '', stationLanguages = '' } = document.body.dataset;
  const { config, problems } = parseKioskConfig(location.search, siteLanguages.split(','));
  for (const problem of problems) console.warn(`Kiosk setting ignored: ${problem}`);
  if (config.orientation !== 'auto') document.documentElement.dataset.orientation = config.orientation;

  const featured = config.languages.length > 0 ? config.languages : stationLanguages.split(',').filter(Boolean);
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

/** Screens by fragment, pages by replace: the history never grows, and no link leaves /kiosk/. */
function keepInsideKiosk(reset: () => void, onScreenChange: () => void): void {
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

function currentScreen(): HTMLElement | null {
  return document.querySelector<HTMLElement>('.kiosk-screen:target') ?? document.querySelector<HTMLElement>('.kiosk-screen[data-default]');
}

/**
 * Featured languages first in the grid. The attract screen cycles them, every
 * cycling list in the same language at once ("Need help?", what 112 is, the
 * helpline's name), or stacks a few when motion is reduced.
 */
function featureLanguages(featured: readonly string[], site: readonly string[], config: KioskConfig): void {
  const order = featuredFirst(site, [...config.languages, ...featured]);
  const grid = document.querySelector('[data-language-grid]');
  if (grid) for (const code of order) { const item = grid.querySelector(`:scope > [data-lang="${code}"]`); if (item) grid.append(item); }

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

function startComfort(): void {
  const root = document.documentElement;
  const toggles = [...document.querySelectorAll<HTMLButtonElement>('[data-kiosk-toggle]')];
  const read = (): Comfort => {
    try {
      return JSON.parse(sessionStorage.getItem(COMFORT_KEY) ?? '{}') as Comfort;
    } catch {
      return {};
    }
  };
  const apply = (comfort: Comfort) => {
    root.classList.toggle('kiosk-large', Boolean(comfort.large));
    root.classList.toggle('kiosk-contrast', Boolean(comfort.contrast));
    for (const toggle of toggles) toggle.setAttribute('aria-pressed', String(Boolean(comfort[toggle.dataset.kioskToggle as keyof Comfort])));
  };
  for (const toggle of toggles) {
    toggle.hidden = false;
    toggle.addEventListener('click', () => {
      const key = toggle.dataset.kioskToggle as keyof Comfort;
      const comfort = { ...read(), [key]: !read()[key] };
      sessionStorage.setItem(COMFORT_KEY, JSON.stringify(comfort));
      apply(comfort);
    });
  }
  apply(read());
}

/** "Start again" inside a screen (the offer check): clears that screen's answers. */
function startClearButtons(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-kiosk-clear]')) {
    button.hidden = false;
    button.addEventListener('click', () => {
      for (const input of button.closest('[data-kiosk-clearable]')?.querySelectorAll<HTMLInputElement>('input:checked') ?? []) input.checked = false;
    });
  }
}

function startIdleReset(config: KioskConfig, isPristine: () => boolean, reset: () => void): { restart: () => void } {
  const dialog = document.querySelector<HTMLDialogElement>('[data-kiosk-idle]');
  const seconds = dialog?.querySelector<HTMLElement>('[data-kiosk-seconds]');
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let countdown: ReturnType<typeof setInterval> | undefined;

  const restart = () => {
    clearTimeout(idleTimer);
    if (!isPristine()) idleTimer = setTimeout(askStillThere, config.idleSeconds * 1000);
  };
  const askStillThere = () => {
    if (!dialog || !seconds) return reset();
    // Counted from the clock, not from ticks, so a busy or throttled page still resets on time.
    const started = Date.now();
    const tick = () => {
      const left = Math.max(0, config.countdownSeconds - Math.floor((Date.now() - started) / 1000));
      seconds.textContent = String(left);
      if (left === 0) {
        clearInterval(countdown);
        reset();
      }
    };
    dialog.showModal();
    tick();
    countdown = setInterval(tick, 250);
  };
  const stillHere = () => {
    if (dialog?.open) {
      clearInterval(countdown);
      dialog.close();
    }
    restart();
  };
  const onActivity = (event: Event) => {
    // During the countdown a touch continues on its click, which lands on the dialog: closing it at
    // pointerdown would let the click fall through to whatever lies underneath.
    if (dialog?.open && event.type !== 'keydown') return;
    stillHere();
  };
  for (const type of ACTIVITY_EVENTS) document.addEventListener(type, onActivity, { capture: true, passive: true });
  dialog?.addEventListener('click', stillHere);
  // Scrolling a screen's content is activity too (scroll events do not bubble, so listen while capturing).
  document.addEventListener('scroll', restart, { capture: true, passive: true });
  dialog?.addEventListener('cancel', (event) => {
    event.preventDefault();
    stillHere();
  });
  restart();
  return { restart };
}

function guardGestures(): void {
  const block = (event: Event) => event.preventDefault();
  document.addEventListener('contextmenu', block);
  document.addEventListener('dragstart', block);
  document.addEventListener('selectstart', (event) => {
    if (!(event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement)) event.preventDefault();
  });
  // Safari's pinch events; Chromium's pinch is stopped by touch-action in the layout and --disable-pinch.
  document.addEventListener('gesturestart', block);
  document.addEventListener('wheel', (event) => event.ctrlKey && event.preventDefault(), { passive: false });
  document.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && ['+', '-', '=', '0'].includes(event.key)) event.preventDefault();
  });
}

function stopSpeaking(): void {
  if ('speechSynthesis' in window) window.speechSynthesis.cancel();
}

/** The words of a screen as a screen reader gets them: numbers digit by digit (from the hidden text), no QR labels. */
export function readableText(root: Element): string {
  const lines: string[] = [];
  let lastBlock: Element | null = null;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node instanceof Element) {
        if (node.matches('[aria-hidden="true"], [data-speak="skip"], [hidden], svg, script, style')) return NodeFilter.FILTER_REJECT;
        if (!node.classList.contains('visually-hidden') && !node.checkVisibility()) return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_SKIP;
      }
      return node.textContent?.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
    },
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
    const block = node.parentElement?.closest('p, li, h1, h2, h3, legend, label, dt, dd, summary, button') ?? null;
    if (block !== lastBlock || lines.length === 0) lines.push(text);
    else lines[lines.length - 1] += ` ${text}`;
    lastBlock = block;
  }
  return lines.map((line) => (/[.!?:;]$/.test(line) ? line : `${line}.`)).join('\n');
}

function startReadAloud(lang: string): void {
  const button = document.querySelector<HTMLButtonElement>('[data-kiosk-read]');
  if (!button || !('speechSynthesis' in window)) return;
  const synth = window.speechSynthesis;
  const label = button.querySelector<HTMLElement>('[data-kiosk-read-label]');
  let voice: SpeechSynthesisVoice | undefined;
  const findVoice = () => {
    voice = synth.getVoices().find((candidate) => candidate.lang.toLowerCase().split(/[-_]/)[0] === lang);
    button.hidden = !voice;
  };
  const showSpeaking = (speaking: boolean) => {
    button.setAttribute('aria-pressed', String(speaking));
    if (label) label.textContent = (speaking ? button.dataset.labelStop : button.dataset.labelRead) ?? '';
  };
  findVoice();
  synth.addEventListener('voiceschanged', findVoice);
  button.addEventListener('click', () => {
    if (button.getAttribute('aria-pressed') === 'true') {
      synth.cancel();
      return showSpeaking(false);
    }
    const screen = currentScreen();
    if (!screen || !voice) return;
    const utterance = new SpeechSynthesisUtterance(readableText(screen));
    utterance.lang = voice.lang;
    utterance.voice = voice;
    utterance.addEventListener('end', () => showSpeaking(false));
    synth.cancel();
    synth.speak(utterance);
    showSpeaking(true);
  });
  window.addEventListener('hashchange', () => showSpeaking(false));
}
