/**
 * Parts of a page that are the same on thousands of pages (a country's
 * emergency numbers in one language, on every station page) are rendered
 * once per build and their HTML reused. The key names everything the part
 * shows; src/components/Shared.astro is how pages use it.
 */
const rendered = new Map<string, Promise<string>>();

export function renderedOnce(key: string, render: () => Promise<string>): Promise<string> {
  let html = rendered.get(key);
  // The promise itself is kept: pages rendered side by side wait for the first rendering.
  if (html === undefined)
    rendered.set(key, (html = render().then((fragment) => withoutScripts(key, fragment))));
  return html;
}

/**
 * Astro writes a component's <script> once per page, where the component is
 * first rendered. HTML reused on another page would carry it where it is not
 * needed, or lack it where it is: shared parts hold no script.
 */
function withoutScripts(key: string, html: string): string {
  if (/<script[\s>]/i.test(html))
    throw new Error(
      `shared part "${key.replaceAll('\u0000', ' ')}" holds a <script>: keep the component whose script it is outside <Shared>, or its script outside the shared markup`,
    );
  return html;
}
