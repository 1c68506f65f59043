import { setTimeout as sleep } from 'node:timers/promises';
import type { LinkStatus } from '../artifacts.ts';
import { type ProbeContext, type ProbeResult, probe } from './probe.ts';
import { verdictOf } from './verdict.ts';

/**
 * Establishes the status of one target. A 429 or 503 answer is retried up to `maxRetries` times,
 * after its `Retry-After` or else after an exponential backoff. A server that asks to wait longer than
 * `maxRetryAfterMs` is not waited for. Still busy at the end: 429, or 503 with `Retry-After`, is
 * `unverified` (a busy server is not a broken link); 503 without `Retry-After` is `broken`.
 * `attempts` counts these rounds; a HEAD repeated as GET and redirect hops belong to one round.
 */
export async function checkTarget(target: string, ctx: ProbeContext): Promise<LinkStatus> {
  const startedAt = Date.now();
  const { maxRetries, maxRetryAfterMs, retryBaseDelayMs } = ctx.settings;
  for (let attempts = 1; ; attempts++) {
    const result = await probe(target, ctx);
    const busy = (result.status === 429 || result.status === 503) && !result.challenge;
    if (!busy) return toLinkStatus(target, result, verdictOf(result.status, result), attempts, startedAt);
    const retries = attempts - 1;
    const wait = result.retryAfterMs ?? Math.min(retryBaseDelayMs * 2 ** retries, maxRetryAfterMs);
    if (retries >= maxRetries || wait > maxRetryAfterMs) {
      const verdict = result.status === 429 || result.retryAfterMs !== undefined ? 'unverified' : 'broken';
      const status = toLinkStatus(target, result, verdict, attempts, startedAt);
      status.busy = { retries };
      if (result.retryAfterMs !== undefined) status.busy.lastRetryAfterSeconds = result.retryAfterMs / 1000;
      return status;
    }
    await sleep(wait, undefined, { signal: ctx.signal });
  }
}

function toLinkStatus(
  target: string,
  result: ProbeResult,
  verdict: LinkStatus['verdict'],
  attempts: number,
  startedAt: number,
): LinkStatus {
  const status: LinkStatus = {
    url: target,
    status: result.status,
    verdict,
    finalUrl: result.finalUrl,
    redirects: result.redirects,
    method: result.method,
    attempts,
    durationMs: Date.now() - startedAt,
  };
  if (result.softNotFound) status.softNotFound = result.softNotFound;
  if (result.challenge) status.challenge = result.challenge;
  if (result.tlsError) status.tlsError = result.tlsError;
  if (result.refused) status.refused = result.refused;
  return status;
}
