import type { AstroIntegration } from 'astro';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allFontFaces } from '../lib/fonts';

/** Copies the Noto subsets from @fontsource into /fonts/ of the build; nothing is fetched from a font service. */
export function selfHostedFonts(): AstroIntegration {
  return {
    name: 'safe-station:fonts',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const require = createRequire(import.meta.url);
        const target = join(fileURLToPath(dir), 'fonts');
        mkdirSync(target, { recursive: true });
        const faces = allFontFaces();
        for (const face of faces) {
          const packageRoot = dirname(require.resolve(`@fontsource/${face.package}/package.json`));
          copyFileSync(join(packageRoot, 'files', face.file), join(target, face.file));
        }
        logger.info(`${faces.length} font files copied to /fonts/`);
      },
    },
  };
}
