/** /qr/{hash}.svg: one QR code as an image file, shared by every kiosk page that shows it (src/kiosk/qr-files.ts). */
import type { APIRoute } from 'astro';
import { qrFileRoutes, type QrFileProps } from '../../data/routes';
import { qrSvgFile } from '../../kiosk/qr-files';

export const getStaticPaths = qrFileRoutes;

export const GET: APIRoute = ({ props }) =>
  new Response(qrSvgFile((props as QrFileProps).text), { headers: { 'Content-Type': 'image/svg+xml' } });
