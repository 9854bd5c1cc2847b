import type { APIRoute } from 'astro';
import { languageRoutes, type LanguageProps } from '../../data/routes';
import { getLanguage } from '../../lib/languages';
import { useTranslations } from '../../lib/i18n';
import { homeUrl } from '../../lib/urls';

export const getStaticPaths = languageRoutes;

/** One web app manifest per language, so the installed app has its name and start page in that language. */
export const GET: APIRoute = ({ props }) => {
  const { lang } = props as LanguageProps;
  const t = useTranslations(lang);
  const manifest = {
    name: t('site.name'),
    short_name: t('site.name'),
    description: t('site.description'),
    lang,
    dir: getLanguage(lang).dir,
    id: homeUrl(lang),
    start_url: homeUrl(lang),
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#1d4f91',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icons/icon-512-maskable.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
  return new Response(JSON.stringify(manifest), { headers: { 'Content-Type': 'application/manifest+json' } });
};
