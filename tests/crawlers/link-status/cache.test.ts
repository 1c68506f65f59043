import { describe, expect, it } from 'vitest';
import type { LinkStatus } from '../../../crawlers/artifacts.ts';
import { LinkStatusCache } from '../../../crawlers/link-status/cache.ts';
import { PUBLIC_ONLY, type ReachRule, reachGuard } from '../../../crawlers/reach/reach-rule.ts';

const URL_A = 'http://intranet.gov.cn/a';
const ok: LinkStatus = {
  url: URL_A,
  status: 200,
  verdict: 'ok',
  redirects: [],
  method: 'GET',
  attempts: 1,
  durationMs: 1,
};
const refused: LinkStatus = {
  ...ok,
  status: 'ADDRESS_REFUSED',
  verdict: 'unverified',
  refused: { host: 'intranet.gov.cn', address: '10.1.1.1', addressClass: 'private', url: URL_A },
};
const INTRANET: ReachRule = { siteAddresses: ['10.1.1.1'], allowNetworks: [] };
const OTHER: ReachRule = { siteAddresses: ['10.2.2.2'], allowNetworks: [] };

/** How many checks the cache ran for the callers, in order. */
async function checksRun(entries: [ReachRule, LinkStatus][]): Promise<number> {
  const cache = new LinkStatusCache();
  let runs = 0;
  for (const [rule, status] of entries) {
    const check = async () => {
      runs++;
      return status;
    };
    await cache.resolve(URL_A, check, reachGuard(rule));
  }
  return runs;
}

describe('LinkStatusCache under reach rules', () => {
  it('serves a status to every site whose rule covers the one it was established under', async () => {
    expect(
      await checksRun([
        [PUBLIC_ONLY, ok],
        [INTRANET, ok],
        [OTHER, ok],
      ]),
    ).toBe(1);
  });

  it('checks again for each site whose rule covers none of the rules already checked under', async () => {
    expect(
      await checksRun([
        [INTRANET, ok],
        [OTHER, ok],
        [PUBLIC_ONLY, ok],
        [INTRANET, ok],
      ]),
    ).toBe(3);
  });

  it('serves a refusal only to sites that would refuse the address too', async () => {
    expect(
      await checksRun([
        [PUBLIC_ONLY, refused],
        [OTHER, refused],
      ]),
    ).toBe(1);
    expect(
      await checksRun([
        [PUBLIC_ONLY, refused],
        [INTRANET, ok],
      ]),
    ).toBe(2);
  });
});
