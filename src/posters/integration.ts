import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { config as settings } from '../config';
import { readSiteContent } from '../data/read-content';
import { findPrintingChromium } from '../integrations/chromium';
import { lockPath } from './lock-file';
import { missingCodesMessage, missingLockedCodes, posterOrigin } from './model';
import { printPosterPdfs } from './print-pdf';

/**
 * Posters in the build. Before anything is built: every short code in the
 * lock (content/posters.lock.json) must still lead to a station, because
 * printed posters carry it for years. After the build: the poster pages are
 * printed to PDF (print-pdf.ts). A build for a local address makes no
 * posters, since a QR code pointing at localhost helps nobody.
 * POSTERS_CACHE_DIR moves the PDF cache (default: posters/ in Astro's cache folder).
 */
export function posters(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'safe-station:posters',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const root = settings.contentDir;
        // The content gate has already read and validated this folder; this is its cached result.
        const { content, posterLock: lock } = readSiteContent(root);
        const missing = missingLockedCodes(
          lock,
          content.stations.map((station) => station.data.code),
        );
        if (missing.length > 0) throw new Error(missingCodesMessage(lock, missing, lockPath(root)));
        if (config.site && !posterOrigin(config.site)) {
          logger.warn(
            `no posters: the site address is ${new URL(config.site).origin}, a local address; set SITE_URL to the public address to make posters`,
          );
        }
        cacheDir = settings.postersCacheDir ?? join(fileURLToPath(config.cacheDir), 'posters');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const report = await printPosterPdfs({
          outDir: fileURLToPath(dir),
          cacheDir,
          chromium: findPrintingChromium(),
        });
        if (report.skipped) {
          if (report.total > 0) logger.warn(`no poster PDFs: ${report.skipped}`);
          return;
        }
        logger.info(
          `${report.pdfs.length} poster PDFs (${report.printed} printed, ${report.cached} unchanged from the cache) in ${(report.totalMs / 1000).toFixed(1)} s`,
        );
      },
    },
  };
}
