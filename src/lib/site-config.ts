/** Settings read from the environment at build time, with safe defaults. */

/** Where quick exit goes: a neutral page that gives nothing away. */
export const EXIT_URL: string = import.meta.env.PUBLIC_EXIT_URL || 'https://www.bbc.com/weather';
