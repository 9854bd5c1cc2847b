/**
 * Quick exit, after GOV.UK's "Exit this page": the button, or Shift pressed
 * three times (each press within 5 s of the last; any other key resets),
 * hides the page at once and replaces it in the history with a neutral site,
 * so Back does not come here.
 */
const PRESSES_TO_EXIT = 3;
const MAX_GAP_MS = 5000;

export function startQuickExit(): void {
  const button = document.querySelector<HTMLAnchorElement>('[data-quick-exit]');
  const status = document.querySelector<HTMLElement>('[data-quick-exit-status]');
  if (!button || !status) return;
  const exitUrl = button.href;
  let presses = 0;
  let lastPress = 0;

  const exit = () => {
    document.documentElement.classList.add('exiting');
    status.textContent = button.dataset.leaving ?? '';
    location.replace(exitUrl);
  };
  const reset = () => {
    presses = 0;
    status.textContent = '';
    status.hidden = true;
  };

  for (const link of document.querySelectorAll<HTMLAnchorElement>(
    '[data-quick-exit], [data-quick-exit-skip]',
  )) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      exit();
    });
  }

  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Shift') {
      if (presses > 0) reset();
      return;
    }
    if (event.repeat) return;
    const now = Date.now();
    presses = presses > 0 && now - lastPress <= MAX_GAP_MS ? presses + 1 : 1;
    lastPress = now;
    status.hidden = false;
    status.textContent = (button.dataset.progress ?? '').replace('{{pressed}}', String(presses));
    if (presses >= PRESSES_TO_EXIT) exit();
  });

  button.dataset.ready = 'true';

  // A page restored from the back-forward cache must not stay blank or half-counted.
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) {
      document.documentElement.classList.remove('exiting');
      reset();
    }
  });
}
