/**
 * The QR encoder every printed or shown code uses (posters, kiosk screens,
 * badges): the symbol as one SVG path, quiet zone included. Pure logic.
 */
import QRCode from 'qrcode';

/** White border around the QR symbol, in modules; the standard asks for at least 4. */
export const QR_QUIET_ZONE = 4;
/** Q recovers about a quarter of the symbol: enough for a scratched or partly covered poster. */
export const QR_ERROR_CORRECTION = 'Q';

export interface QrSymbol {
  readonly version: number;
  /** Modules per side, without the quiet zone. */
  readonly modules: number;
  readonly mode: string;
  /** SVG path of the dark modules, in module units, already offset by the quiet zone. */
  readonly path: string;
  /** Side of the SVG viewBox: modules plus the quiet zone on both sides. */
  readonly viewBox: number;
}

export function qrSymbol(text: string): QrSymbol {
  const qr = QRCode.create(text, { errorCorrectionLevel: QR_ERROR_CORRECTION });
  const size = qr.modules.size;
  const dark = (x: number, y: number) => Boolean(qr.modules.data[y * size + x]);
  const runs: string[] = [];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (!dark(x, y)) continue;
      let length = 1;
      while (x + length < size && dark(x + length, y)) length++;
      runs.push(`M${x + QR_QUIET_ZONE} ${y + QR_QUIET_ZONE}h${length}v1h-${length}z`);
      x += length - 1;
    }
  }
  const mode = [
    ...new Set(qr.segments.map((segment) => String((segment.mode as { id?: string }).id ?? segment.mode))),
  ].join('+');
  return { version: qr.version, modules: size, mode, path: runs.join(''), viewBox: size + 2 * QR_QUIET_ZONE };
}
