// @ts-check
// Rules that catch real bugs (recommended sets), not style: Prettier owns layout (npm run lint runs both).
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { defineConfig } from 'eslint/config';

export default defineConfig(
  {
    ignores: [
      'dist/',
      'dist-*/',
      '.astro/',
      '.cache/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'tests/fixtures/',
      'public/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Browser code: the islands, the page scripts and the service worker.
    files: [
      'src/client/**',
      'src/components/islands/**',
      'src/editor/browser/**',
      'src/sw.ts',
      'src/**/*.astro',
    ],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Playwright reads a fixture's needs from its first parameter, so a fixture that needs none takes `{}`.
    files: ['tests/e2e/**'],
    rules: { 'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }] },
  },
  {
    files: ['src/sw.ts'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
);
