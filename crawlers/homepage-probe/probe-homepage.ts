import type { HomepageProbe } from '../artifacts.ts';
import { detectBlockPage } from '../block-page.ts';
import { detectBotChallenge } from '../bot-challenge.ts';
import { decodeHtml } from '../decode.ts';
import { parseHtml } from '../html-outline.ts';
import { type ChainEnd, followRedirects } from '../link-status/follow.ts';
import type { Politeness } from '../link-status/politeness.ts';
import { resolveLinkCheckSettings } from '../link-status/settings.ts';
import { LenientTlsAgent } from '../link-status/tls-agent.ts';
import { detectMaintenancePage } from '../maintenance-page.ts';
import { networkErrorCode } from '../network-error.ts';
import type { ReachRule } from '../reach/reach-rule.ts';
import { siteReach } from '../reach/site-reach.ts';
import type { ResolveTable } from '../resolve/resolve-table.ts';

/** The national method's limit: a homepage that takes 15 s or more to answer counts as not reachable. */
export const PROBE_TIMEOUT_MS = 15_000;

export interface ProbeOptions {
  /** `--resolve` entries: where connections to a host go. */
  resolve?: ResolveTable;
  /** Limit of the whole probe, redirects included (default 15 s). */
  timeoutMs?: number;
  /** Where requests may go besides the public internet (default: the homepage host's own addresses). */
  reach?: ReachRule;
  signal?: AbortSignal;
}

/**
 * Enough of the page to tell a maintenance notice, a firewall's block page or a WAF's challenge from a
 * homepage or a real error; the rest is not downloaded.
 */
const BODY_BYTES = 64 * 1024;
const MAX_REDIRECTS = 10;
/** One request per site per round: there is no host to be polite to beyond that. */
const NO_LIMIT: Politeness = { run: (_host, task) => task() };

/**
 * Requests the homepage once, as a visitor would: a GET, redirects followed, all within `timeoutMs`.
 * It is up when the last answer is below 400, or is a WAF's or Cloudflare's challenge (a browser gets
 * past it), or a firewall's block page: the server answered, refusing us (our IP rate-limited or
 * banned), which says nothing of what visitors see; that probe is ok with `error` 'BLOCKED'. It is down
 * when the page, whatever its status, is a notice that the site is offline for maintenance
 * ('MAINTENANCE'). A certificate that does not verify does not make it down, as in the link check:
 * browsers repair what is most often wrong (an incomplete chain). Never throws for a problem of the
 * site; only the caller's abort throws.
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
    reach: options.reach ?? (await siteReach(url, { resolve: options.resolve, timeoutMs })),
  });
  const agent = new LenientTlsAgent(settings);
  let end: ChainEnd;
  try {
    const chain = await followRedirects(url, 'GET', bodyBytes, {
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

/** The page is read whatever its status, to tell a maintenance notice; a redirect's body is left unread. */
function bodyBytes(status: number): number {
  return status >= 300 && status < 400 ? 0 : BODY_BYTES;
}

type Verdict = Pick<HomepageProbe, 'ok' | 'status' | 'error' | 'evidence'>;

function verdict(end: ChainEnd): Verdict {
  if (!end.ok) return { ok: false, error: end.error };
  const { status, headers, body } = end;
  const contentType = headers['content-type'];
  const html = body ? decodeHtml(body, Array.isArray(contentType) ? contentType[0] : contentType).text : '';
  const $ = parseHtml(html);
  if (status >= 400) {
    if (detectBotChallenge(status, headers, html, $)) return { ok: true, status };
    const blocked = detectBlockPage(status, html, $);
    if (blocked) return { ok: true, status, error: 'BLOCKED', evidence: blocked.evidence };
  }
  const maintenance = detectMaintenancePage($, (body?.length ?? 0) < BODY_BYTES);
  if (maintenance) return { ok: false, status, error: 'MAINTENANCE', evidence: maintenance.evidence };
  return status < 400 ? { ok: true, status } : { ok: false, status, error: `HTTP_${status}` };
}
