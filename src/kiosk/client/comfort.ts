/** Larger text and high contrast for this person only: kept in sessionStorage, cleared on every reset. */
export const COMFORT_KEY = 'kiosk-comfort';

type Comfort = { large?: boolean; contrast?: boolean };

export function startComfort(): void {
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
    for (const toggle of toggles)
      toggle.setAttribute(
        'aria-pressed',
        String(Boolean(comfort[toggle.dataset.kioskToggle as keyof Comfort])),
      );
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
