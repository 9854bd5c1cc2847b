/**
 * QR codes on screens as files: one SVG per payload at /qr/{hash}.svg, drawn
 * once per build and shared by every page and station that shows it, so a
 * kiosk page carries a short <img> per code instead of the code itself. The
 * name comes from the payload, so a stored copy (a kiosk's offline pack) is
 * the right one for as long as it is referenced.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Station } from '../data/site';
import { qrSymbol } from '../lib/qr';
import { kioskQrTexts } from './model';

export const QR_FILES_FOLDER = '/qr/';

/** The file's name without its extension: 12 hex digits (48 bits) of the payload's SHA-256: no collision among a thousand stations' codes, and short, since every kiosk page holds a few dozen. */
export function qrFileName(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

export const qrFileUrl = (text: string): string => `${QR_FILES_FOLDER}${qrFileName(text)}.svg`;

/** The SVG document of one code: black on white with its quiet zone, crisp at any size. */
export function qrSvgFile(text: string): string {
  const qr = qrSymbol(text);
  const side = qr.viewBox;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" width="${side * 8}" height="${side * 8}" shape-rendering="crispEdges"><rect width="${side}" height="${side}" fill="#fff"/><path d="${qr.path}" fill="#000"/></svg>`;
}

/** Every payload a file is drawn for: all that any station's kiosk can show, each once. */
export function qrFilePayloads(
  stations: readonly Station[],
  languages: readonly string[],
  site: URL | string,
): string[] {
  return [...new Set(stations.flatMap((station) => kioskQrTexts(station, languages, site)))];
}

/** Writes one file per payload into `folder` (which exists), from file names (`qrFileName`) to payloads. */
export function writeQrFiles(folder: string, files: ReadonlyMap<string, string>): void {
  for (const [name, text] of files) writeFileSync(join(folder, `${name}.svg`), qrSvgFile(text));
}
