import type { LinkOccurrence, LinkStatus } from '../../../crawlers/artifacts.ts';
import { checkLinks } from '../../../crawlers/link-status/check-links.ts';
import type { LinkCheckSettings } from '../../../crawlers/link-status/settings.ts';
import { FIXTURE_REACH } from '../../support/reach.ts';

/**
 * Short timeouts and waits so the suite stays quick; the fixture servers' 127.0.0.1 is the site's own
 * address, which the reach rule lets the check go to.
 */
export const FAST: Partial<LinkCheckSettings> = {
  reach: FIXTURE_REACH,
  connectTimeoutMs: 1_000,
  responseTimeoutMs: 800,
  totalTimeoutMs: 1_200,
  maxRetryAfterMs: 2_000,
  retryBaseDelayMs: 50,
};

export function occurrence(target: string, page = 'http://127.0.0.1/'): LinkOccurrence {
  return { page, target, kind: 'anchor', text: '链接' };
}

/** Checks one target and returns its status. */
export async function statusOf(
  target: string,
  settings: Partial<LinkCheckSettings> = {},
): Promise<LinkStatus> {
  const result = await checkLinks({ occurrences: [occurrence(target)], settings: { ...FAST, ...settings } });
  const status = result.statuses[target];
  if (!status) throw new Error(`no status for ${target}`);
  return status;
}
