import { type ReachRule, reachGuard } from '../../crawlers/reach/reach-rule.ts';
import type { ReachContext } from '../../crawlers/reach/reachable-address.ts';
import type { ResolveTable } from '../../crawlers/resolve/resolve-table.ts';

/** The reach rule of a fixture site served on 127.0.0.1: that address is the site's own. */
export const FIXTURE_REACH: ReachRule = { siteAddresses: ['127.0.0.1'], allowNetworks: [] };

/** What a connection to a fixture site checks its address against, with the test's `--resolve` entries. */
export function fixtureReach(resolve: ResolveTable = []): ReachContext {
  return { guard: reachGuard(FIXTURE_REACH), resolve, timeoutMs: 5_000 };
}
