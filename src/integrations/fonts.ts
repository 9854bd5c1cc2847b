import type { AstroIntegration } from 'astro';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';
import { allFontFaces, charactersInRange } from '../lib/fonts';

/** Built pages, scripts and stylesheets (CSS `content`) whose text a font may draw (posters print with their own bundled fonts). */
function textFiles(root: string, folder = ''): string[] {
  return readdirSync(join(root, folder)).flatMap((name) => {
    const relative = join(folder, name);
    if (statSync(join(root, relative)).isDirectory())
      return relative === 'posters' ? [] : textFiles(root, relative);
    return /\.(html|js|css)$/.test(name) ? [relative] : [];
  });
}

/**
 * Writes the Noto subsets from @fontsource into /fonts/ of the build, each cut
 * to the characters the built pages and scripts use in its unicode-range: a
 * "ș" in a station name costs a couple of KB, not the 59 KB latin-ext file.
 * File names stay as @fontsource names them (pages point at them). Nothing is
 * fetched from a font service.
 */
export function selfHostedFonts(): AstroIntegration {
  return {
    name: 'safe-station:fonts',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const require = createRequire(import.meta.url);
        const root = fileURLToPath(dir);
        const target = join(root, 'fonts');
        mkdirSync(target, { recursive: true });
        const used = new Set<string>();
        for (const file of textFiles(root))
          for (const character of readFileSync(join(root, file), 'utf8')) used.add(character);
        let before = 0;
        let after = 0;
        const faces = allFontFaces();
        for (const face of faces) {
          const packageRoot = dirname(require.resolve(`@fontsource/${face.package}/package.json`));
          const original = readFileSync(join(packageRoot, 'files', face.file));
          const characters = charactersInRange(used, face.unicodeRange);
          // A face none of the site's text needs is never fetched; it keeps its full file for text the site may show later (a typed search).
          // Arabic needs the glyphs its shaping substitutes in (initial, medial, final forms); Latin and Cyrillic draw their letters as they are, so their alternates and ligatures stay out.
          const subset = characters
            ? await subsetFont(original, characters, {
                targetFormat: 'woff2',
                noLayoutClosure: face.family !== 'Noto Sans Arabic',
              })
            : original;
          writeFileSync(join(target, face.file), subset);
          before += original.length;
          after += subset.length;
        }
        logger.info(
          `${faces.length} font files cut to the site's characters into /fonts/: ${(before / 1024).toFixed(0)} KB → ${(after / 1024).toFixed(0)} KB`,
        );
      },
    },
  };
}
