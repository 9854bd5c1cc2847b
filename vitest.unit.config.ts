import { getViteConfig } from 'astro/config';

// Unit tests of pure logic in src/lib, feature folders (src/offline/*.test.ts) and the content gate; no browser, no build.
export default getViteConfig({
  test: {
    name: 'unit',
    include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
  },
});
