/**
 * Draws every kiosk QR file into the folder given (emptied first) and prints
 * how many. Run by the build in a process of its own (src/integrations/qr-files.ts),
 * with the build's environment, so it reads the same content and settings.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { qrFilesOfContent } from './content-qr-files';
import { writeQrFiles } from './qr-files';

const folder = process.argv[2];
if (!folder) throw new Error('Usage: vite-node src/kiosk/draw-qr-files.ts <folder>');
const files = qrFilesOfContent();
rmSync(folder, { recursive: true, force: true });
mkdirSync(folder, { recursive: true });
writeQrFiles(folder, files);
console.log(files.size);
