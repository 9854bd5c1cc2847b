// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig, passthroughImageService } from 'astro/config';
import preact from '@astrojs/preact';
import AstroPWA from '@vite-pwa/astro';
import sitemap from '@astrojs/sitemap';
import rehypeSanitize from 'rehype-sanitize';
import { contentGate } from './src/integrations/content-gate';
import { staffSiteConfig } from './src/integrations/staff-build';
import { builtPages } from './src/integrations/built-pages';
import { fontSubsets } from './src/integrations/fonts';
import { pageRewrites } from './src/integrations/rewrite-built-pages';
import { securityPolicy } from './src/integrations/security-headers';
import { posters } from './src/posters/integration';
import { qrFiles } from './src/integrations/qr-files';
import { config } from './src/config';
import { sitemapAlternates } from './src/lib/sitemap';
import { MARKDOWN_ALLOW_LIST } from './src/lib/markdown-safety';
import { installSetTransform } from './src/offline/build';

const site = config.siteUrl;
const builtLanguages = config.languages;
const sitemapLinks = sitemapAlternates(builtLanguages);

// Absolute, so the service worker lands in the build even when OUT_DIR lies outside the project (vite-pwa would otherwise write it under .astro/).
const outDir = fileURLToPath(new URL(config.outDir, new URL('./', import.meta.url)));

// STAFF_BUILD=1 (npm run build:staff) builds only the staff pages, from src/staff, into dist-staff/; see src/integrations/staff-build.ts.
export default defineConfig(
  config.staffBuild
    ? staffSiteConfig(site)
    : {
        site,
        // Separate output and cache folders let several builds (tests, staff build, benchmarks) run side by side.
        outDir,
        cacheDir: config.astroCacheDir,
        trailingSlash: 'always',
        // Stylesheets as files: one download serves every page (and every saved page), instead of 2–3 KB repeated in each.
        build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
        image: { service: passthroughImageService() },
        devToolbar: { enabled: false },
        // Scripts as files, not inline: they are cached once for every page, and a strict CSP needs no inline script hashes.
        vite: { build: { assetsInlineLimit: 0 } },
        // Behind the content gate (which refuses raw HTML and unsafe links): whatever Markdown becomes is cut to the allow-list.
        markdown: { rehypePlugins: [[rehypeSanitize, MARKDOWN_ALLOW_LIST]] },
        integrations: [
          contentGate(),
          // The kiosk's QR files, drawn on the other core while the pages render.
          qrFiles(),
          // Checks the poster lock first; after the build, prints the poster pages to PDF.
          posters(),
          // Babel only for the islands' JSX: @astrojs/preact otherwise runs it on every .ts module of both bundles, for nothing.
          preact({ include: ['**/*.tsx'] }),
          // One pass over the built pages, in this order:
          builtPages([
            // station pages (where a QR scan lands) carry their CSS inline: one round trip to the first paint; kiosk pages lose undrawn white space;
            pageRewrites,
            // each page gets the content security policy of what it runs, and the host the headers;
            securityPolicy(config.tileUrl),
            // the Noto subsets the pages' @font-face rules point at go into /fonts/, cut to the characters the site uses.
            fontSubsets,
          ]),
          // hreflang alternates live in the sitemap, not in every page's <head>, to keep pages inside one round trip.
          sitemap({
            // Left out: pages only useful on the device (offline, saved), entry points (short links), the kiosk and each printable poster sheet (all noindex).
            filter: (page) => {
              const listed = !/^\/(\w+\/)?(offline|saved|s|S|kiosk)\/|^\/posters\/.+/.test(
                new URL(page).pathname,
              );
              if (listed) sitemapLinks.add(page);
              return listed;
            },
            serialize: (item) => sitemapLinks.withAlternates(item),
          }),
          AstroPWA({
            strategies: 'injectManifest',
            outDir,
            srcDir: 'src',
            filename: 'sw.ts',
            registerType: 'prompt',
            injectRegister: false,
            // Each language has its own manifest (src/pages/[lang]/manifest.webmanifest.ts).
            manifest: false,
            injectManifest: {
              // Only the install set (src/offline/install.ts): the English offline page and what it loads. Everything else comes when a person saves a pack.
              globPatterns: ['_astro/*.js', '_astro/*.css', 'favicon.svg', 'en/offline/index.html'],
              manifestTransforms: [installSetTransform(outDir)],
            },
          }),
        ],
      },
);
