/**
 * After the idle time "Are you still there?" counts down; a touch continues,
 * otherwise `reset` starts the kiosk again. Never runs on the untouched attract screen.
 */
import type { KioskConfig } from '../config';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export function startIdleReset(
  config: KioskConfig,
  isPristine: () => boolean,
  reset: () => void,
): { restart: () => void } {
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
  for (const type of ACTIVITY_EVENTS)
    document.addEventListener(type, onActivity, { capture: true, passive: true });
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
