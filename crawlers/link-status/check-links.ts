import type { Logger } from '../../src/log.ts';
import type { LinkOccurrence, LinkStatus, LinkStatuses } from '../artifacts.ts';
import { reachGuard } from '../reach/reach-rule.ts';
import { NotFoundPages } from '../soft-404/not-found-pages.ts';
import { LinkStatusCache } from './cache.ts';
import { checkTarget } from './check-target.ts';
import { HostPoliteness, type Politeness } from './politeness.ts';
import { type LinkCheckSettings, resolveLinkCheckSettings } from './settings.ts';
import { LenientTlsAgent } from './tls-agent.ts';

export interface CheckLinksOptions {
  occurrences: LinkOccurrence[];
  /** Statuses already established, e.g. pages the site crawl fetched: reused, never fetched again. */
  known?: ReadonlyMap<string, LinkStatus>;
  /** The sweep's cache, shared by every site so that a target is checked once per sweep. */
  cache?: LinkStatusCache;
  /** The sweep's per-host limits; without it, one is made from `settings` for this call alone. */
  politeness?: Politeness;
  /** The hosts' answers for a made-up missing URL, shared by the sweep; without it, asked for this call alone. */
  notFound?: NotFoundPages;
  settings?: Partial<LinkCheckSettings>;
  log?: Logger;
  signal?: AbortSignal;
}

/**
 * Checks every distinct target of `occurrences` once and returns the occurrences with the status of
 * every target. Targets must be absolute http(s) URLs without fragment. Rejects only when `signal`
 * aborts or the input is bad: an unreachable link is a status, not an error.
 */
export async function checkLinks(options: CheckLinksOptions): Promise<LinkStatuses> {
  const startedAt = Date.now();
  const settings = resolveLinkCheckSettings(options.settings);
  const targets = distinctTargets(options.occurrences);
  const cache = options.cache ?? new LinkStatusCache();
  const politeness =
    options.politeness ??
    new HostPoliteness({
      concurrency: settings.concurrency,
      perHostConcurrency: settings.perHostConcurrency,
    });
  const statuses: Record<string, LinkStatus> = {};
  const toCheck: string[] = [];
  for (const target of targets) {
    const known = options.known?.get(target);
    if (known) statuses[target] = known;
    else toCheck.push(target);
  }
  for (const [url, status] of options.known ?? []) cache.remember(url, status, settings.reach);
  const guard = reachGuard(settings.reach);

  const agent = new LenientTlsAgent(settings);
  const notFound = options.notFound ?? new NotFoundPages({ settings, politeness });
  const ctx = { agent, politeness, settings, notFound, signal: options.signal };
  try {
    const settled = await Promise.allSettled(
      toCheck.map(async (target) => {
        const status = await cache.resolve(target, () => checkTarget(target, ctx), guard);
        statuses[target] = status;
        options.log?.debug({ target, status: status.status, verdict: status.verdict }, 'link checked');
      }),
    );
    const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failure) throw failure.reason;
  } finally {
    await agent.close();
    if (options.notFound === undefined) await notFound.close();
  }

  const durationMs = Date.now() - startedAt;
  const broken = Object.values(statuses).filter((s) => s.verdict === 'broken').length;
  const refused = Object.values(statuses).filter((s) => s.refused).length;
  options.log?.info(
    { targets: targets.length, fetched: toCheck.length, broken, refused, durationMs },
    'link statuses gathered',
  );
  return { occurrences: options.occurrences, statuses: sortedByUrl(statuses), durationMs };
}

function distinctTargets(occurrences: readonly LinkOccurrence[]): string[] {
  const targets = new Set<string>();
  for (const { target } of occurrences) {
    if (targets.has(target)) continue;
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      throw new Error(`checkLinks: link target is not an absolute URL: ${JSON.stringify(target)}`);
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hash !== '') {
      throw new Error(`checkLinks: link target must be http(s) without fragment: ${JSON.stringify(target)}`);
    }
    targets.add(target);
  }
  return [...targets];
}

/** Results in a stable order, whatever order the checks finished in. */
function sortedByUrl(statuses: Record<string, LinkStatus>): Record<string, LinkStatus> {
  return Object.fromEntries(Object.entries(statuses).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
