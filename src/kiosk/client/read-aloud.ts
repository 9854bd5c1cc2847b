/** "Read aloud" with the browser's speech synthesis, shown only when a voice exists for the screen's language. */
import { currentScreen } from './screen';

export function stopSpeaking(): void {
  if ('speechSynthesis' in window) window.speechSynthesis.cancel();
}

/** The words of a screen as a screen reader gets them: numbers digit by digit (from the hidden text), no QR labels. */
export function readableText(root: Element): string {
  const lines: string[] = [];
  let lastBlock: Element | null = null;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node instanceof Element) {
        if (node.matches('[aria-hidden="true"], [data-speak="skip"], [hidden], svg, script, style'))
          return NodeFilter.FILTER_REJECT;
        if (!node.classList.contains('visually-hidden') && !node.checkVisibility())
          return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_SKIP;
      }
      return node.textContent?.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
    },
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
    const block =
      node.parentElement?.closest('p, li, h1, h2, h3, legend, label, dt, dd, summary, button') ?? null;
    if (block !== lastBlock || lines.length === 0) lines.push(text);
    else lines[lines.length - 1] += ` ${text}`;
    lastBlock = block;
  }
  return lines.map((line) => (/[.!?:;]$/.test(line) ? line : `${line}.`)).join('\n');
}

export function startReadAloud(lang: string): void {
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
