import { request } from 'undici';
import type { AddressRefusal } from '../artifacts.ts';
import { networkErrorCode } from '../network-error.ts';
import { refusalOf } from '../reach/reachable-address.ts';
import type { Politeness } from './politeness.ts';
import type { LinkCheckSettings } from './settings.ts';
import type { LenientTlsAgent } from './tls-agent.ts';

export type ResponseHeaders = Record<string, string | string[] | undefined>;

/** What one request needs: the connection pool, the sweep's politeness, the settings, the caller's abort. */
export interface ExchangeContext {
  agent: LenientTlsAgent;
  politeness: Politeness;
  settings: LinkCheckSettings;
  signal?: AbortSignal;
}

export interface ExchangeRequest {
  url: string;
  method: 'HEAD' | 'GET';
  cookie?: string;
  /** How many body bytes to keep, decided once status and headers are known (0: discard the body). */
  bytesToRead: (status: number, headers: ResponseHeaders) => number;
}

export type ExchangeResult =
  | { ok: true; status: number; headers: ResponseHeaders; body?: Uint8Array; tlsError?: string }
  | { ok: false; error: string; refused?: AddressRefusal };

/**
 * One HTTP request, no redirects followed, under the host's politeness slot and the exchange's total
 * deadline. Network failures come back as an error code; only the caller's abort throws. A certificate
 * that does not verify is no failure: the answer carries the verification error as `tlsError`. A host
 * the reach rule refuses is never connected to: `ADDRESS_REFUSED`, with the refusal.
 */
export function exchange(req: ExchangeRequest, ctx: ExchangeContext): Promise<ExchangeResult> {
  return ctx.politeness.run(new URL(req.url).host, () => exchangeNow(req, ctx));
}

async function exchangeNow(req: ExchangeRequest, ctx: ExchangeContext): Promise<ExchangeResult> {
  const { settings } = ctx;
  const deadline = AbortSignal.timeout(settings.totalTimeoutMs);
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, deadline]) : deadline;
  const headers: Record<string, string> = {
    'user-agent': settings.userAgent,
    'accept-language': 'zh-CN,zh;q=0.9',
    accept: req.method === 'GET' ? 'text/html,application/xhtml+xml,*/*;q=0.8' : '*/*',
  };
  if (req.cookie) headers.cookie = req.cookie;
  try {
    const response = await request(req.url, {
      method: req.method,
      headers,
      signal,
      dispatcher: ctx.agent.dispatcher,
    });
    const limit = req.method === 'GET' ? req.bytesToRead(response.statusCode, response.headers) : 0;
    const body = limit > 0 ? await readCapped(response.body, limit, ctx.signal) : undefined;
    if (limit <= 0) await discard(response.body);
    const tlsError = ctx.agent.tlsErrorOf(req.url);
    return {
      ok: true,
      status: response.statusCode,
      headers: response.headers,
      body,
      ...(tlsError ? { tlsError } : {}),
    };
  } catch (error) {
    if (ctx.signal?.aborted) throw ctx.signal.reason;
    const refused = refusalOf(error, req.url);
    if (refused) return { ok: false, error: 'ADDRESS_REFUSED', refused };
    return { ok: false, error: deadline.aborted ? 'TIMEOUT' : networkErrorCode(error) };
  }
}

/**
 * Reads at most `limit` bytes, then drops the rest of the body. Once the headers have come, a body cut
 * short by a reset or the deadline still tells what the page is, so what was read is kept.
 */
async function readCapped(
  body: AsyncIterable<Uint8Array> & { destroy(): void },
  limit: number,
  callerSignal: AbortSignal | undefined,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for await (const chunk of body) {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= limit) break;
    }
  } catch (error) {
    if (callerSignal?.aborted) throw error;
  } finally {
    body.destroy();
  }
  return Buffer.concat(chunks, length).subarray(0, limit);
}

async function discard(body: { dump(opts?: { limit: number }): Promise<unknown> }): Promise<void> {
  try {
    // Small leftovers are drained so the connection can be reused; anything larger closes it.
    await body.dump({ limit: 16 * 1024 });
  } catch {
    // The status and headers are all we wanted.
  }
}
