import { defineMiddleware } from 'astro:middleware';
import { builtFileOf, builtPageTransform } from './lib/built-page-transform';
import { resolveFallbackMarkers } from './lib/fallback-markup';
import { hoistIslandStyle } from './lib/island-style';
import { SOURCE_LANGUAGE } from './lib/languages';

/**
 * Runs on every page as it is rendered: English fallback markers become
 * lang-marked spans, Astro's island style moves into <head>, and in a build
 * the built-pages steps (src/integrations/built-pages.ts) finish the page
 * before Astro writes it.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.includes('text/html')) return response;
  let html = hoistIslandStyle(resolveFallbackMarkers(await response.text(), SOURCE_LANGUAGE));
  const finishBuiltPage = builtPageTransform();
  if (finishBuiltPage) html = finishBuiltPage(html, builtFileOf(context.url.pathname));
  return new Response(html, { status: response.status, headers: response.headers });
});
