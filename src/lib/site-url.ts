/** The public origin of the site: printed on posters and in alternates, so it comes from one place. */
export const DEFAULT_SITE_URL = 'https://safe-station.example.org';

export function siteUrlFromEnv(env: Readonly<Record<string, string | undefined>>): string {
  return env.SITE_URL || DEFAULT_SITE_URL;
}
