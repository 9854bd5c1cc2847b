import {
  expandPack,
  formatBytes,
  packCacheName,
  PACK_CACHE_PREFIX,
  PACK_META_PATH,
  type PackMeta,
  type PackTemplate,
} from '../offline/pack';
import { storePack } from '../offline/store';

/** Fetches a pack's pages and the files they load into its own cache, with a description of what was saved. */
export async function savePack(template: PackTemplate, languages: readonly string[]): Promise<PackMeta> {
  const cache = await caches.open(packCacheName(template.id));
  return storePack(cache, {
    id: template.id,
    label: template.label,
    languages,
    urls: expandPack(template, languages),
  });
}

export async function listPacks(): Promise<PackMeta[]> {
  const names = (await caches.keys()).filter((name) => name.startsWith(PACK_CACHE_PREFIX));
  const metas = await Promise.all(
    names.map(async (name) => {
      const response = await (await caches.open(name)).match(PACK_META_PATH);
      return response ? ((await response.json()) as PackMeta) : undefined;
    }),
  );
  return metas.filter((meta): meta is PackMeta => meta !== undefined);
}

/** Fills the list of saved packs, each with its size and a remove button. */
export async function showSavedPacks(): Promise<void> {
  const container = document.querySelector<HTMLElement>('[data-saved-packs]');
  if (!container || !('caches' in window)) return;
  const list = container.querySelector<HTMLElement>('[data-list]');
  const empty = container.querySelector<HTMLElement>('[data-empty]');
  const status = container.querySelector<HTMLElement>('[data-status]');
  if (!list || !empty || !status) return;
  const lang = document.documentElement.lang;
  const packs = await listPacks();
  empty.hidden = packs.length > 0;
  list.replaceChildren(
    ...packs.map((pack) => {
      const item = document.createElement('li');
      item.dataset.pack = pack.id;
      const firstPage = pack.urls.find((url) => url.startsWith(`/${lang}/`)) ?? pack.urls[0] ?? '/';
      const link = Object.assign(document.createElement('a'), {
        href: firstPage,
        textContent: `${pack.label} (${pack.languages.join(', ')}, ${formatBytes(pack.bytes, lang)})`,
      });
      const remove = Object.assign(document.createElement('button'), {
        type: 'button',
        className: 'button-secondary',
        textContent: (container.dataset.removeLabel ?? '').replace('{{name}}', pack.label),
      });
      remove.addEventListener('click', async () => {
        await caches.delete(packCacheName(pack.id));
        item.remove();
        status.textContent = container.dataset.removed ?? '';
        empty.hidden = list.children.length > 0;
      });
      item.append(link, remove);
      return item;
    }),
  );
}
