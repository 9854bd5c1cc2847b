/** No context menu, no zoom gestures, no dragging, no selecting text: the kiosk's own text-size button replaces zoom. */
export function guardGestures(): void {
  const block = (event: Event) => event.preventDefault();
  document.addEventListener('contextmenu', block);
  document.addEventListener('dragstart', block);
  document.addEventListener('selectstart', (event) => {
    if (!(event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement))
      event.preventDefault();
  });
  // Safari's pinch events; Chromium's pinch is stopped by touch-action in the layout and --disable-pinch.
  document.addEventListener('gesturestart', block);
  document.addEventListener('wheel', (event) => event.ctrlKey && event.preventDefault(), { passive: false });
  document.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && ['+', '-', '=', '0'].includes(event.key)) event.preventDefault();
  });
}
