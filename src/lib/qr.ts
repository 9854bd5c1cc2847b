import QRCode from 'qrcode';

/**
 * A QR code as inline SVG, made at build time so the kiosk needs no script or
 * request to show one. Black on white whatever the colour scheme, because
 * phone cameras expect that. The SVG is decorative (aria-hidden): whoever
 * places it gives it a text label.
 */
const made = new Map<string, Promise<string>>();

export function qrSvg(text: string): Promise<string> {
  let svg = made.get(text);
  if (!svg) {
    svg = QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } }).then((markup) =>
      markup.replace('<svg ', '<svg aria-hidden="true" focusable="false" '),
    );
    made.set(text, svg);
  }
  return svg;
}
