import type { LinkStatus } from '../artifacts.ts';
import { covers, PUBLIC_ONLY, type ReachGuard, type ReachRule, reachGuard } from '../reach/reach-rule.ts';

/** A status, and the reach rule of the site whose check established it. */
interface Entry {
  rule: ReachRule;
  status: Promise<LinkStatus>;
}

/**
 * The sweep-wide memory of link checks: one check per target per sweep, even when several sites link
 * the same URL at the same time (a second caller awaits the first caller's check in flight). Sites
 * may go to different addresses (each its own, on an intranet), so a status serves another site only
 * when that site's rule covers the rule it was established under, or when it is a refusal that site's
 * rule would make too.
 */
export class LinkStatusCache {
  private readonly entries = new Map<string, Entry[]>();

  get size(): number {
    return this.entries.size;
  }

  has(url: string): boolean {
    return this.entries.has(url);
  }

  /** Records a status established elsewhere (a crawled page), unless the target is already known under that rule. */
  remember(url: string, status: LinkStatus, rule: ReachRule = PUBLIC_ONLY): void {
    const list = this.entries.get(url) ?? [];
    if (list.some((entry) => entry.rule === rule)) return;
    this.entries.set(url, [...list, { rule, status: Promise.resolve(status) }]);
  }

  /**
   * The status of `url`: one already established or in flight that serves `guard`'s rule, else the
   * result of `check`. A check that rejects (its caller was aborted) is forgotten, and whoever was
   * waiting on it looks again, or runs its own check.
   */
  async resolve(
    url: string,
    check: () => Promise<LinkStatus>,
    guard: ReachGuard = reachGuard(PUBLIC_ONLY),
  ): Promise<LinkStatus> {
    const examined = new Set<Entry>();
    for (;;) {
      const entry = this.entries.get(url)?.find((candidate) => !examined.has(candidate));
      if (entry === undefined) break;
      examined.add(entry);
      try {
        const status = await entry.status;
        if (serves(status, entry.rule, guard)) return status;
      } catch {
        this.forget(url, entry);
      }
    }
    const own: Entry = { rule: guard.rule, status: check() };
    this.entries.set(url, [...(this.entries.get(url) ?? []), own]);
    own.status.catch(() => this.forget(url, own));
    return own.status;
  }

  private forget(url: string, entry: Entry): void {
    const rest = (this.entries.get(url) ?? []).filter((candidate) => candidate !== entry);
    if (rest.length > 0) this.entries.set(url, rest);
    else this.entries.delete(url);
  }
}

function serves(status: LinkStatus, rule: ReachRule, guard: ReachGuard): boolean {
  if (status.refused) return guard.refusal(status.refused.address) !== undefined;
  return covers(guard.rule, rule);
}
