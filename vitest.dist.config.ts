import { defineConfig } from 'vitest/config';

// Checks of the built site on disk (OUT_DIR, default dist/): links, languages, phone links, HTML validity, sitemap.
// Run after a build: `npm run build && npm run test:dist`.
export default defineConfig({
  test: {
    name: 'dist',
    include: ['tests/dist/**/*.test.ts'],
    // Vitest's default exclude skips every `dist` folder, tests/dist included.
    exclude: ['**/node_modules/**'],
    environment: 'node',
    // One process for all files, modules shared: the ~1,300 pages are read and parsed once, not once per file.
    pool: 'forks',
    poolOptions: { forks: { singleFork: true } },
    isolate: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
