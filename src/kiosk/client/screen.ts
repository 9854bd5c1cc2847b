/** The screen shown: the fragment's, or the page's default. */
export function currentScreen(): HTMLElement | null {
  return (
    document.querySelector<HTMLElement>('.kiosk-screen:target') ??
    document.querySelector<HTMLElement>('.kiosk-screen[data-default]')
  );
}
