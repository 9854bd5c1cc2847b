/**
 * Moved: posters live in src/posters/ (model.ts), the QR encoder in src/lib/qr.ts.
 * These re-exports keep the kiosk's imports (src/components/poster/QrCode.astro,
 * src/lib/kiosk-render.ts, the kiosk page) working until the kiosk branch points
 * them at the new modules; then delete this file.
 */
export { qrSymbol, type QrSymbol } from './qr';
export { printedNumbers } from '../posters/model';
