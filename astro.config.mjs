// @ts-check
import { defineConfig, passthroughImageService } from 'astro/config';
import preact from '@astrojs/preact';
import { contentGate } from './src/integrations/content-gate';

const site = process.env.SITE_URL || 'https://safe-station.example.org';

export default defineConfig({
  site,
  // Separate output and cache folders let several builds (tests, staff build, benchmarks) run side by side.
  outDir: process.env.OUT_DIR || './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  image: { service: passthroughImageService() },
  devToolbar: { enabled: false },
  integrations: [contentGate(), preact()],
});
