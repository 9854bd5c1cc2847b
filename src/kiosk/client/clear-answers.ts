/** "Start again" inside a screen (the offer check): clears that screen's answers. */
export function startClearButtons(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-kiosk-clear]')) {
    button.hidden = false;
    button.addEventListener('click', () => {
      for (const input of button
        .closest('[data-kiosk-clearable]')
        ?.querySelectorAll<HTMLInputElement>('input:checked') ?? [])
        input.checked = false;
    });
  }
}
