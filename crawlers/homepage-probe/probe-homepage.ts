import type { HomepageProbe } from '../artifacts.ts';
import { detectBotChallenge } from '../bot-challenge.ts';
import { decodeHtml } from '../decode.ts';
import { type ChainEnd, followRedirects } from '../link-status/follow.ts';
import type { Politeness } from '../link-status/politeness.ts';
import { resolveLinkCheckSettings } from '../link-status/settings.ts';
import { LenientTlsAgent } from '../link-status/tls-agent.ts';
import { networkErrorCode } from '../network-error.ts';
import type { ResolveTable } from '../resolve/resolve-table.ts';

/** The national method's limit: a homepage that takes 15 s or more to answer counts as not reachable. */
export const PROBE_TIMEOUT_MS = 15_000;

export interface ProbeOptions {
  /** `--resolve` entries: where connections to a host go. */
  resolve?: ResolveTable;
  /** Limit of the whole probe, redirects included (default 15 s). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Enough of an error page to tell a WAF's challenge from a real error; the rest is not downloaded. */
const BODY_BYTES = 16 * 1024;
const MAX_REDIRECTS = 10;
/** One request per site per round: there is no host to be polite to beyond that. */
const NO_LIMIT: Politeness = { run: (_host, task) => task() };

/**
 * Requests the homepage once, as a visitor would: a GET, redirects followed, all within `timeoutMs`.
 * It is up when the last answer is below 400, or is a WAF's or Cloudflare's challenge (a browser gets
 * past it). A certificate that does not verify does not make it down, as in the link check: browsers
 * repair what is most often wrong (an incomplete chain). Never throws for a problem of the site; only
 * the caller's abort throws.
 */
export async function probeHomepage(url: string, options: ProbeOptions = {}): Promise<HomepageProbe> {
  const timeoutMs = options.timeoutMs ?? PROBE_TIMEOUT_MS;
  const at = new Date().toISOString();
  const started = performance.now();
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  const settings = resolveLinkCheckSettings({
    connectTimeoutMs: timeoutMs,
    responseTimeoutMs: timeoutMs,
    totalTimeoutMs: timeoutMs,
    maxRedirects: MAX_REDIRECTS,
    maxBodyBytes: BODY_BYTES,
    resolve: options.resolve ?? [],
  });
  const agent = new LenientTlsAgent(settings);
  let end: ChainEnd;
  try {
    const chain = await followRedirects(url, 'GET', (status) => (status >= 400 ? BODY_BYTES : 0), {
      agent,
      politeness: NO_LIMIT,
      settings,
      signal,
    });
    end = chain.end;
  } catch (error) {
    if (options.signal?.aborted) throw error;
    end = { ok: false, error: deadline.aborted ? 'TIMEOUT' : networkErrorCode(error) };
  } finally {
    await agent.dispatcher.destroy().catch(() => undefined);
  }
  const durationMs = Math.round(performance.now() - started);
  if (durationMs >= timeoutMs) return { at, url, ok: false, error: 'TIMEOUT', durationMs };
  return { at, url, ...verdict(end), durationMs };
}

function verdict(end: ChainEnd): Pick<HomepageProbe, 'ok' | 'status' | 'error'> {
  if (!end.ok) return { ok: false, error: end.error };
  const { status, headers, body } = end;
  if (status < 400) return { ok: true, status };
  const contentType = headers['content-type'];
  const text = body ? decodeHtml(body, Array.isArray(contentType) ? contentType[0] : contentType).text : '';
  if (detectBotChallenge(status, headers, text)) return { ok: true, status };
  return { ok: false, status, error: `HTTP_${status}` };
}
