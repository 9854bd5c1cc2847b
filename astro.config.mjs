// @ts-check
import { defineConfig, passthroughImageService } from 'astro/config';
import preact from '@astrojs/preact';
import AstroPWA from '@vite-pwa/astro';
import sitemap from '@astrojs/sitemap';
import { selectLanguages } from './src/lib/languages';
import { contentGate } from './src/integrations/content-gate';

const site = process.env.SITE_URL || 'https://safe-station.example.org';
const builtLanguages = selectLanguages(process.env.PUBLIC_LOCALES);

export default defineConfig({
  site,
  // Separate output and cache folders let several builds (tests, staff build, benchmarks) run side by side.
  outDir: process.env.OUT_DIR || './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  image: { service: passthroughImageService() },
  devToolbar: { enabled: false },
  // Scripts as files, not inline: they are cached once for every page, and a strict CSP needs no inline script hashes.
  vite: { build: { assetsInlineLimit: 0 } },
  integrations: [
    contentGate(),
    preact(),
    // hreflang alternates live in the sitemap, not in every page's <head>, to keep pages inside one round trip.
    sitemap({
      i18n: { defaultLocale: 'en', locales: Object.fromEntries(builtLanguages.map((lang) => [lang, lang])) },
      filter: (page) => !/\/(offline|saved|s|kiosk)\//.test(new URL(page).pathname) && !new URL(page).pathname.startsWith('/S/'),
    }),
    AstroPWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      // Each language has its own manifest (src/pages/[lang]/manifest.webmanifest.ts).
      manifest: false,
      injectManifest: {
        // The shell only: scripts, icons, fonts, each language's home and offline page. Pages are cached as visited.
        globPatterns: [
          '_astro/*.js',
          'icons/*.png',
          'favicon.svg',
          'fonts/*.woff2',
          ...builtLanguages.flatMap((lang) => [`${lang}/index.html`, `${lang}/offline/index.html`, `${lang}/manifest.webmanifest`]),
        ],
        // The map and its library load only when a person opens the map.
        globIgnores: ['**/*eaflet*', '**/*ServiceMap*'],
      },
    }),
  ],
});
