import { expandPack, formatBytes, packCacheName, PACK_CACHE_PREFIX, PACK_META_PATH, type PackMeta, type PackTemplate } from '../offline/pack';
import { storePack } from '../offline/store';

const canSave = () => 'caches' in window && 'serviceWorker' in navigator;

/** Fetches a pack's pages and the files they load into its own cache, with a description of what was saved. */
export async function savePack(template: PackTemplate, languages: readonly string[]): Promise<PackMeta> {
  const cache = await caches.open(packCacheName(template.id));
  return storePack(cache, { id: template.id, label: template.label, languages, urls: expandPack(template, languages) });
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

/** Wires every "Save for offline" block on the page. */
export function startSaveButtons(): void {
  if (!canSave()) return;
  const lang = document.documentElement.lang;
  for (const section of document.querySelectorAll<HTMLElement>('[data-save-offline]')) {
    if (section.dataset.ready) continue;
    section.dataset.ready = 'true';
    section.hidden = false;
    const template = JSON.parse(section.dataset.pack ?? '{}') as PackTemplate;
    const status = section.querySelector<HTMLElement>('[data-status]');
    const button = section.querySelector<HTMLButtonElement>('button');
    if (!status || !button) continue;
    button.addEventListener('click', async () => {
      const languages = [...section.querySelectorAll<HTMLInputElement>('input[name="lang"]:checked')].map((input) => input.value);
      button.disabled = true;
      status.textContent = section.dataset.saving ?? '';
      try {
        const meta = await savePack(template, languages.length ? languages : [lang]);
        status.textContent = (section.dataset.saved ?? '').replace('{{size}}', formatBytes(meta.bytes, lang));
      } catch {
        status.textContent = section.dataset.failed ?? '';
      } finally {
        button.disabled = false;
      }
    });
  }
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
      const link = Object.assign(document.createElement('a'), { href: firstPage, textContent: `${pack.label} (${pack.languages.join(', ')}, ${formatBytes(pack.bytes, lang)})` });
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
