import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import subsetFont from 'subset-font';
import { allFontFaces, charactersInRange, CODE_POINTS, markCodePoints } from '../lib/fonts';
import { filesBelow } from '../node/files';
import type { BuiltPageStepMaker } from './built-pages';

/** Posters print with their own bundled fonts; no screen font needs their text. */
const isPoster = (file: string) => file.startsWith('posters/');

/**
 * Writes the Noto subsets from @fontsource into /fonts/ of the build, each cut
 * to the characters the built pages, scripts and stylesheets (CSS `content`)
 * use in its unicode-range: a "ș" in a station name costs a couple of KB, not
 * the 59 KB latin-ext file. File names stay as @fontsource names them (pages
 * point at them). Nothing is fetched from a font service.
 */
export const fontSubsets: BuiltPageStepMaker = (root) => {
  const used = new Uint8Array(CODE_POINTS);
  return {
    name: 'safe-station:fonts',
    page(html, file) {
      if (!isPoster(file)) markCodePoints(html, used);
      return html;
    },
    async finish(logger) {
      for (const path of filesBelow(root, (name) => /\.(js|css)$/.test(name)))
        if (!isPoster(relative(root, path))) markCodePoints(readFileSync(path, 'utf8'), used);
      const require = createRequire(import.meta.url);
      const target = join(root, 'fonts');
      mkdirSync(target, { recursive: true });
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
  };
};
