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
