import { lastValidDay, tokenFromFragment, verifyBadge, type BadgeCheck, type BadgeTrust } from '../lib/badge';
import { formatDate } from '../lib/format';

/** What the page embeds for the check: the trust list and station names by short code. */
export interface BadgeCheckData {
  readonly trust: BadgeTrust;
  readonly stations: Readonly<Record<string, string>>;
}

/**
 * Checks the badge token in the address fragment and shows the result the
 * page prepared in its language. Runs again when the fragment changes (a
 * second badge scanned into the same tab), with no request: the keys and the
 * revocation list are in the page. Text from the token is only ever set as
 * textContent.
 */
export function startBadgeCheck(): void {
  const root = document.querySelector<HTMLElement>('[data-badge-check]');
  const dataElement = document.getElementById('badge-check-data');
  if (!root || !dataElement) return;
  const { trust, stations } = JSON.parse(dataElement.textContent ?? '{}') as BadgeCheckData;
  const lang = document.documentElement.lang;
  let latest = 0;
  root.querySelector('[data-no-script]')?.remove();

  const show = (state: string) => root.querySelectorAll<HTMLElement>('[data-state]').forEach((el) => (el.hidden = el.dataset.state !== state));
  const fill = (field: string, value: string | undefined) => {
    root.querySelectorAll<HTMLElement>(`[data-field="${field}"]`).forEach((el) => (el.textContent = value ?? ''));
    root.querySelectorAll<HTMLElement>(`[data-row="${field}"]`).forEach((el) => (el.hidden = !value));
  };

  function render(check: BadgeCheck): void {
    root!.dataset.result = check.valid ? 'valid' : check.problem;
    if (check.valid) {
      const { claims } = check;
      fill('org', claims.org);
      fill('role', claims.role);
      fill('name', claims.name);
      fill('stn', claims.stn ? (stations[claims.stn] ?? claims.stn) : undefined);
      fill('issuer', check.issuer);
      fill('until', formatDate(lastValidDay(claims.exp), lang));
      show('valid');
      return;
    }
    if (check.problem === 'missing') return show('missing');
    if (check.claims) fill('until', formatDate(lastValidDay(check.claims.exp), lang));
    root!.querySelectorAll<HTMLElement>('[data-problem]').forEach((el) => (el.hidden = el.dataset.problem !== check.problem));
    show('invalid');
  }

  /** Switching language keeps the badge being checked. */
  function keepFragmentInLanguageLinks(): void {
    document.querySelectorAll<HTMLAnchorElement>('.language-switcher a[hreflang]').forEach((link) => {
      link.hash = location.hash;
    });
  }

  async function check(): Promise<void> {
    const run = ++latest;
    keepFragmentInLanguageLinks();
    show('checking');
    const result = await verifyBadge(tokenFromFragment(location.hash), trust, new Date());
    if (run === latest) render(result);
  }

  window.addEventListener('hashchange', () => void check());
  void check();
}
