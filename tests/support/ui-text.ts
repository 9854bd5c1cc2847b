import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Messages = { [key: string]: string | Messages };
const cache = new Map<string, Messages>();

/** A UI string as translators wrote it in locales/<lang>.json ("kiosk.idle.title"), so tests find controls by the name people see. */
export function uiText(lang: string, key: string): string {
  if (!cache.has(lang))
    cache.set(
      lang,
      JSON.parse(
        readFileSync(fileURLToPath(new URL(`../../locales/${lang}.json`, import.meta.url)), 'utf8'),
      ) as Messages,
    );
  const value = key
    .split('.')
    .reduce<
      string | Messages | undefined
    >((node, part) => (typeof node === 'object' ? node[part] : undefined), cache.get(lang));
  if (typeof value !== 'string') throw new Error(`locales/${lang}.json has no string "${key}"`);
  return value;
}
