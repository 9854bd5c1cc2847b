import { defineMiddleware } from 'astro:middleware';
import { resolveFallbackMarkers } from './lib/fallback-markup';
import { hoistIslandStyle } from './lib/island-style';
import { SOURCE_LANGUAGE } from './lib/languages';

/** Runs on every page as it is built: English fallback markers become lang-marked spans, Astro's island style moves into <head>. */
export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.includes('text/html')) return response;
  const html = await response.text();
  return new Response(hoistIslandStyle(resolveFallbackMarkers(html, SOURCE_LANGUAGE)), {
    status: response.status,
    headers: response.headers,
  });
});
