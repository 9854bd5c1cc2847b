import { config } from '../config';
import { readSiteContent } from '../data/read-content';
import { resolveSite } from '../data/site-model';
import { qrFileName, qrFilePayloads } from './qr-files';

/**
 * The QR files the kiosk pages of content/ reference, by file name (without
 * `.svg`): what a build draws (src/kiosk/draw-qr-files.ts) and the dev server
 * serves (src/integrations/qr-files.ts), from the content and settings the
 * pages are built from.
 */
export function qrFilesOfContent(): Map<string, string> {
  const { stations } = resolveSite(readSiteContent(config.contentDir).content, config.languages);
  return new Map(
    qrFilePayloads(stations, config.languages, config.siteUrl).map((text) => [qrFileName(text), text]),
  );
}
