import {
  CLOCK_SKEW_SECONDS,
  lastValidDay,
  tokenFromFragment,
  verifyBadge,
  type BadgeCheck,
  type BadgeClaims,
  type BadgeTrust,
} from '../lib/badge';
import { formatDate } from '../lib/format';

/** What the page embeds for the check: the trust list and station names by short code. */
export interface BadgeCheckData {
  readonly trust: BadgeTrust;
  readonly stations: Readonly<Record<string, string>>;
  /** Each station's time zone (its country's), by short code: "valid until" is a day there. */
  readonly timeZones: Readonly<Record<string, string>>;
}

/** The longest wait between two checks of an open page; a badge's own deadlines come sooner. */
const RECHECK_MS = 60_000;

/** When the verdict on these claims can next change: the issue time (minus clock skew) or the expiry, whichever is next. */
function nextDeadline(claims: BadgeClaims | undefined, now: number): number {
  const deadlines = claims
    ? [(claims.iat - CLOCK_SKEW_SECONDS) * 1000, claims.exp * 1000].filter((at) => at > now)
    : [];
  return Math.min(now + RECHECK_MS, ...deadlines);
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
  const { trust, stations, timeZones } = JSON.parse(dataElement.textContent ?? '{}') as BadgeCheckData;
  const lang = document.documentElement.lang;
  const until = (claims: BadgeClaims) =>
    formatDate(lastValidDay(claims.exp, (claims.stn && timeZones[claims.stn]) || 'UTC'), lang);
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  root.querySelector('[data-no-script]')?.remove();

  const show = (state: string) =>
    root
      .querySelectorAll<HTMLElement>('[data-state]')
      .forEach((el) => (el.hidden = el.dataset.state !== state));
  const fill = (field: string, value: string | undefined) => {
    root
      .querySelectorAll<HTMLElement>(`[data-field="${field}"]`)
      .forEach((el) => (el.textContent = value ?? ''));
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
      fill('until', until(claims));
      show('valid');
      return;
    }
    if (check.problem === 'missing') return show('missing');
    if (check.claims) fill('until', until(check.claims));
    root!
      .querySelectorAll<HTMLElement>('[data-problem]')
      .forEach((el) => (el.hidden = el.dataset.problem !== check.problem));
    show('invalid');
  }

  /** Switching language keeps the badge being checked. */
  function keepFragmentInLanguageLinks(): void {
    document.querySelectorAll<HTMLAnchorElement>('.language-switcher a[hreflang]').forEach((link) => {
      link.hash = location.hash;
    });
  }

  /**
   * Checks the badge and shows the verdict; on a fresh scan "Checking…" first.
   * Anything unexpected ends in NOT VALID, never in a page stuck on "Checking…".
   * While the page stays open the badge is checked again when it expires (or
   * becomes valid), at least every minute, and when the page is shown again.
   */
  async function check(fresh: boolean): Promise<void> {
    const run = ++latest;
    clearTimeout(timer);
    if (fresh) {
      keepFragmentInLanguageLinks();
      show('checking');
    }
    let result: BadgeCheck;
    try {
      result = await verifyBadge(tokenFromFragment(location.hash), trust, new Date());
    } catch {
      result = { valid: false, problem: 'malformed' };
    }
    if (run !== latest) return;
    try {
      render(result);
    } catch {
      render({ valid: false, problem: 'malformed' });
    }
    if (result.valid || result.problem === 'not-yet-valid') {
      const now = Date.now();
      timer = setTimeout(() => void check(false), nextDeadline(result.claims, now) - now);
    }
  }

  window.addEventListener('hashchange', () => void check(true));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void check(false);
  });
  void check(true);
}
