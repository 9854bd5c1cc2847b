import { existsSync } from 'node:fs';

/**
 * The system Chromium (Debian's /usr/bin/chromium) or CHROMIUM_PATH; the
 * project never downloads a browser.
 */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => Boolean(p));
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`No Chromium found (tried ${candidates.join(', ')}). Install it with "apt-get install chromium" or set CHROMIUM_PATH.`);
  return found;
}

export function chromiumLaunchOptions() {
  return {
    executablePath: chromiumPath(),
    // Root in CI needs --no-sandbox; the rest keeps Chromium from calling home on a closed network.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  };
}
