import { execFileSync } from 'node:child_process';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** Reading PDFs back with poppler (pdfinfo, pdffonts, pdftotext, pdftoppm), as a printer or a person would see them. */

export function pdfInfo(file: string): { pages: number; widthPt: number; heightPt: number } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]),
    widthPt: Number(size?.[1]),
    heightPt: Number(size?.[2]),
  };
}

/** Every font in the file with whether it is embedded. */
export function pdfFonts(file: string): { name: string; embedded: boolean }[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return lines.map((line) => {
    const columns = line.trim().split(/\s+/);
    // name type… encoding emb sub uni object ID: "emb" is the fifth column from the end.
    return { name: columns[0] ?? '', embedded: columns[columns.length - 5] === 'yes' };
  });
}

export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** Every page rasterised in grey at `dpi`, as one PGM stream: equal bytes mean equal pixels. */
export function pdfRaster(file: string, dpi: number): Buffer {
  return execFileSync('pdftoppm', ['-r', String(dpi), '-gray', file], { maxBuffer: 256 * 1024 * 1024 });
}

/** Millimetres to PDF points. */
export const mmToPt = (mm: number) => (mm * 72) / 25.4;

/**
 * Rasterises the page at `dpi` and decodes the QR code on it. `symbolMm` is
 * the printed width of the symbol, measured from the decoder's finder
 * pattern centres (which sit 3.5 modules in from each edge).
 */
export function decodeQrFromPdf(
  file: string,
  dpi: number,
  modules: number,
): { data: string; symbolMm: number } | undefined {
  const png = PNG.sync.read(
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-f', '1', '-l', '1', file], {
      maxBuffer: 256 * 1024 * 1024,
    }),
  );
  const found = jsQR(
    new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length),
    png.width,
    png.height,
  );
  if (!found) return undefined;
  const { topLeftFinderPattern: a, topRightFinderPattern: b } = found.location;
  const modulePx = Math.hypot(b.x - a.x, b.y - a.y) / (modules - 7);
  return { data: found.data, symbolMm: ((modulePx * modules) / dpi) * 25.4 };
}
