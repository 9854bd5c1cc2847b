import { existsSync } from 'node:fs';
import { config } from '../config';

/**
 * The system Chromium (Debian's /usr/bin/chromium) or CHROMIUM_PATH; the
 * project never downloads a browser. Used by the tests and to print posters.
 */
function candidates(): string[] {
  return [config.chromiumPath, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string =>
    Boolean(p),
  );
}

/** The Chromium to use, or undefined when there is none. */
export function findChromium(): string | undefined {
  return candidates().find((path) => existsSync(path));
}

export function chromiumPath(): string {
  const found = findChromium();
  if (!found)
    throw new Error(
      `No Chromium found (tried ${candidates().join(', ')}). Install it with "apt-get install chromium" or set CHROMIUM_PATH.`,
    );
  return found;
}

/**
 * Debian's `chromium-headless-shell`: the same Blink and Skia without the
 * browser's own UI. A full Chromium loads its hidden top-chrome pages and a
 * print compositor per PDF, so an empty page costs 55 ms to print there and
 * 6.5 ms here; posters print in about a third of the time. The tests keep the
 * full Chromium, the browser people meet.
 */
const DEBIAN_HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';

/** The Chromium that prints posters: the headless shell where installed, else the one the tests use. */
export function findPrintingChromium(): string | undefined {
  return (
    [config.headlessShellPath, DEBIAN_HEADLESS_SHELL].find((path) => path && existsSync(path)) ??
    findChromium()
  );
}

/**
 * Options for printing: unhinted glyph metrics, as a full Chromium uses, so the
 * headless shell lays a poster out to the same pixel (checked with pdftoppm).
 */
export function printingLaunchOptions(executablePath: string) {
  const options = chromiumLaunchOptions(executablePath);
  return { ...options, args: [...options.args, '--font-render-hinting=none'] };
}

export function chromiumLaunchOptions(executablePath: string = chromiumPath()) {
  return {
    executablePath,
    // Root in CI needs --no-sandbox; the rest keeps Chromium from calling home on a closed network.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  };
}
