/**
 * Every environment variable the project reads, checked once with zod. The only
 * module that touches `process.env`: astro.config.mjs, the build hooks, pages,
 * scripts and tests import `config` from here (a unit test keeps it that way).
 * A bad value stops everything at start-up with the variable's name and the fix,
 * instead of surfacing later as a wrong URL printed on a poster.
 *
 * Node-only (build, scripts, tests). Browser code gets what it needs through the
 * HTML or component props; there is no `import.meta.env.PUBLIC_*` in client code.
 */
import { z } from 'zod';
import { ALL_LANGUAGE_CODES, selectLanguages, type LanguageCode } from './lib/languages';
import { DEFAULT_TILE_URL } from './lib/tiles';

/** The public origin of the site: printed on posters and in alternates. */
export const DEFAULT_SITE_URL = 'https://safe-station.example.org';
/** Where quick exit goes: a neutral page that gives nothing away. */
export const DEFAULT_EXIT_URL = 'https://www.bbc.com/weather';
export const DEFAULT_TILE_ATTRIBUTION =
  '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';
/** Relative to where the command runs (the repository root for every npm script). */
export const DEFAULT_CONTENT_DIR = 'content';

/**
 * Only the end-to-end test of hostile Markdown sets this variable, to prove the
 * layers behind the content gate (the sanitiser, the CSP). Never set it for a published build.
 */
export const SKIP_MARKDOWN_CHECK = 'CONTENT_GATE_SKIP_MARKDOWN_CHECK_FOR_TESTS';

type Env = Readonly<Record<string, string | undefined>>;

/** Unset and empty mean the same: `FOO= npm run build` turns a setting off. */
const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    schema.optional(),
  );

const path = optional(z.string());

const flag = (meaning: string) =>
  optional(
    z.enum(['0', '1'], { errorMap: () => ({ message: `set it to 1 to ${meaning}, or leave it unset` }) }),
  ).transform((value) => value === '1');

const httpUrl = (what: string) =>
  z.string().refine(
    (value) => {
      try {
        return ['http:', 'https:'].includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be an absolute http(s) address (${what})` },
  );

const port = optional(z.coerce.number({ message: 'must be a port number' }).int().min(1).max(65535));

const count = optional(z.coerce.number({ message: 'must be a whole number' }).int().positive());

const locales = optional(z.string()).transform((value, context): LanguageCode[] => {
  try {
    return selectLanguages(value);
  } catch (error) {
    context.addIssue({
      code: z.ZodIssueCode.custom,
      message: (error as Error).message.replace(/^PUBLIC_LOCALES /, ''),
    });
    return z.NEVER;
  }
});

const envSchema = z.object({
  SITE_URL: optional(httpUrl('the public address printed on posters, e.g. https://safe-station.example.org')),
  PUBLIC_LOCALES: locales,
  CONTENT_DIR: path,
  OUT_DIR: path,
  ASTRO_CACHE_DIR: path,
  POSTERS_CACHE_DIR: path,
  STAFF_BUILD: flag('build the staff pages instead of the public site'),
  SAMPLE_DATA: flag('let invented sample services through the content gate (tests only)'),
  [SKIP_MARKDOWN_CHECK]: flag('skip the Markdown checks (the hostile-content test only)'),
  PUBLIC_EXIT_URL: optional(httpUrl('where quick exit goes')),
  PUBLIC_TILE_URL: optional(httpUrl('a map tile template with {z}, {x} and {y}')),
  PUBLIC_TILE_ATTRIBUTION: optional(z.string()),
  CHROMIUM_PATH: path,
  CHROMIUM_HEADLESS_SHELL_PATH: path,
  CHROME_PATH: path,
  E2E_PORT: port,
  CI: optional(z.string()),
  HTML_VALIDATE_ALL: optional(z.string()),
  SCREENS: optional(z.string()),
  KIOSK_SOAK_PORT: port,
  KIOSK_SOAK_STATION: optional(
    z.string().regex(/^[a-z]{2}\/[a-z0-9-]+$/, 'must be country/station, e.g. ro/bucuresti-nord'),
  ),
  KIOSK_SOAK_INTERACTIONS: count,
  EDIT_PORT: port,
  EDIT_PROXY_PORT: port,
  EDIT_SITE_PORT: port,
});

/** What each variable is for, shown with its error. */
const FIXES: Record<string, string> = {
  SITE_URL: 'set SITE_URL to the public address, e.g. SITE_URL=https://safe-station.example.org',
  PUBLIC_LOCALES: `list language codes separated by commas, e.g. PUBLIC_LOCALES=en,uk,ar (known: ${ALL_LANGUAGE_CODES.join(', ')})`,
  PUBLIC_EXIT_URL: 'set PUBLIC_EXIT_URL to a neutral https page, or unset it for the default',
  PUBLIC_TILE_URL:
    'set PUBLIC_TILE_URL to an https tile template like https://tile.openstreetmap.org/{z}/{x}/{y}.png',
};

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid environment variable(s):\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses an environment (process.env in real use; any record in tests) into the project's settings. */
export function parseConfig(env: Env) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        const fix = FIXES[name];
        return `${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}${fix ? `. Fix: ${fix}` : ''}`;
      }),
    );
  }
  const e = parsed.data;
  const staffBuild = e.STAFF_BUILD;
  return {
    /** The public origin (SITE_URL); a local address means no posters are printed. */
    siteUrl: e.SITE_URL ?? DEFAULT_SITE_URL,
    /** Languages to build (PUBLIC_LOCALES), English always included; all of them by default. */
    languages: e.PUBLIC_LOCALES,
    /** The content folder (CONTENT_DIR), relative to the working directory unless absolute. */
    contentDir: e.CONTENT_DIR ?? DEFAULT_CONTENT_DIR,
    /** Where the build writes (OUT_DIR): dist, or dist-staff for the staff build. */
    outDir: e.OUT_DIR ?? (staffBuild ? 'dist-staff' : 'dist'),
    /** Astro's cache (ASTRO_CACHE_DIR); separate folders let several builds run side by side. */
    astroCacheDir:
      e.ASTRO_CACHE_DIR ?? (staffBuild ? './node_modules/.astro-staff' : './node_modules/.astro'),
    /** The poster PDF cache (POSTERS_CACHE_DIR); default: posters/ in Astro's cache folder. */
    postersCacheDir: e.POSTERS_CACHE_DIR,
    /** STAFF_BUILD=1: only the staff pages (src/staff), see src/integrations/staff-build.ts. */
    staffBuild,
    /** SAMPLE_DATA=1: invented sample services pass the content gate (tests only). */
    allowSampleData: e.SAMPLE_DATA,
    /** Markdown raw-HTML/link checks; off only for the hostile-content test. */
    checkMarkdown: !e[SKIP_MARKDOWN_CHECK],
    exitUrl: e.PUBLIC_EXIT_URL ?? DEFAULT_EXIT_URL,
    /** Map tiles, loaded only when a person opens the map; also allowed by the CSP. */
    tileUrl: e.PUBLIC_TILE_URL ?? DEFAULT_TILE_URL,
    tileAttribution: e.PUBLIC_TILE_ATTRIBUTION ?? DEFAULT_TILE_ATTRIBUTION,
    /** A Chromium other than /usr/bin/chromium (CHROMIUM_PATH). */
    chromiumPath: e.CHROMIUM_PATH,
    /** The Chromium that prints posters, when not Debian's headless shell (CHROMIUM_HEADLESS_SHELL_PATH). */
    headlessShellPath: e.CHROMIUM_HEADLESS_SHELL_PATH,
    /** Lighthouse's browser (CHROME_PATH, chrome-launcher's own name); falls back to Chromium. */
    chromePath: e.CHROME_PATH,
    /** Port of the preview server the end-to-end tests use (E2E_PORT). */
    e2ePort: e.E2E_PORT ?? 4321,
    ci: Boolean(e.CI),
    /** HTML_VALIDATE_ALL: validate every built page instead of one per template and language. */
    htmlValidateAll: Boolean(e.HTML_VALIDATE_ALL),
    /** SCREENS: comma-separated page paths for `npm run screens`. */
    screens: e.SCREENS?.split(',')
      .map((page) => page.trim())
      .filter(Boolean),
    /** `npm run edit`: the editor (EDIT_PORT), decap-server behind it (EDIT_PROXY_PORT) and the dev server with the site (EDIT_SITE_PORT). */
    edit: {
      port: e.EDIT_PORT ?? 4500,
      proxyPort: e.EDIT_PROXY_PORT ?? (e.EDIT_PORT ?? 4500) + 1,
      sitePort: e.EDIT_SITE_PORT ?? (e.EDIT_PORT ?? 4500) + 2,
    },
    kioskSoak: {
      port: e.KIOSK_SOAK_PORT ?? 4399,
      station: e.KIOSK_SOAK_STATION ?? 'ro/bucuresti-nord',
      interactions: e.KIOSK_SOAK_INTERACTIONS ?? 1000,
    },
  };
}

export type Config = ReturnType<typeof parseConfig>;

/** This process's settings. */
export const config: Config = parseConfig(process.env);

/** The environment for a child process: this one's, with some variables set (the only way scripts and tests pass settings on). */
export function childEnv(overrides: Env = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
