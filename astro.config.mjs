// @ts-check
import { defineConfig, passthroughImageService } from 'astro/config';
import preact from '@astrojs/preact';
import { contentGate } from './src/integrations/content-gate';

const site = process.env.SITE_URL || 'https://safe-station.example.org';

export default defineConfig({
  site,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  image: { service: passthroughImageService() },
  devToolbar: { enabled: false },
  integrations: [contentGate(), preact()],
});
