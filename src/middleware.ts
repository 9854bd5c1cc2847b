import { defineMiddleware } from 'astro:middleware';
import { resolveFallbackMarkers } from './lib/fallback-markup';
import { SOURCE_LANGUAGE } from './lib/languages';

/** Runs on every page as it is built: turns English fallback markers into lang-marked spans. */
export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.includes('text/html')) return response;
  const html = await response.text();
  return new Response(resolveFallbackMarkers(html, SOURCE_LANGUAGE), { status: response.status, headers: response.headers });
});
