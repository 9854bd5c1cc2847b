/** The tests use the same system Chromium as the build's poster printing. */
export { chromiumLaunchOptions, chromiumPath } from '../../src/integrations/chromium';
