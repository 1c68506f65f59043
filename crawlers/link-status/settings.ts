import { PUBLIC_ONLY, type ReachRule } from '../reach/reach-rule.ts';
import type { ResolveTable } from '../resolve/resolve-table.ts';

/** Tunables of the link check. Every field has a default; callers override only what they need. */
export interface LinkCheckSettings {
  /** Time to open the TCP (and TLS) connection; exceeded → status `CONNECT_TIMEOUT`. */
  connectTimeoutMs: number;
  /** Time to wait for the response headers, and the longest silence while reading a body → `TIMEOUT`. */
  responseTimeoutMs: number;
  /** Hard deadline of one HTTP exchange (connect, headers and the capped body) → `TIMEOUT`. */
  totalTimeoutMs: number;
  /** Redirect hops followed before giving up with `TOO_MANY_REDIRECTS`. */
  maxRedirects: number;
  /** Retries after a 429 or 503 answer (so at most 1 + maxRetries attempts). */
  maxRetries: number;
  /** Longest `Retry-After` honoured; a server asking for more is left `unverified` as busy at once. */
  maxRetryAfterMs: number;
  /** First backoff delay when a 429/503 carries no `Retry-After`; doubled at each retry. */
  retryBaseDelayMs: number;
  /** Bytes of an HTML body read for soft-404 and bot-challenge detection; the rest is not downloaded. */
  maxBodyBytes: number;
  /** Requests in flight at once over all hosts (used when no `HostPoliteness` is passed in). */
  concurrency: number;
  /** Requests in flight at once to one host (used when no `HostPoliteness` is passed in). */
  perHostConcurrency: number;
  /** A desktop Chrome User-Agent: some government sites answer unknown clients differently. */
  userAgent: string;
  /** `--resolve` entries: host names whose connections go to a given address (curl's semantics). */
  resolve: ResolveTable;
  /**
   * Where requests may go besides the public internet: the site's own addresses and the operator's
   * networks. Default: nowhere else.
   */
  reach: ReachRule;
}

export const DEFAULT_LINK_CHECK_SETTINGS: Readonly<LinkCheckSettings> = Object.freeze({
  connectTimeoutMs: 10_000,
  responseTimeoutMs: 20_000,
  totalTimeoutMs: 30_000,
  maxRedirects: 10,
  maxRetries: 2,
  maxRetryAfterMs: 30_000,
  retryBaseDelayMs: 1_000,
  maxBodyBytes: 65_536,
  concurrency: 32,
  perHostConcurrency: 4,
  userAgent:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36',
  resolve: [],
  reach: PUBLIC_ONLY,
});

/** Fills in defaults and rejects values that would make the check hang or do nothing. */
export function resolveLinkCheckSettings(overrides: Partial<LinkCheckSettings> = {}): LinkCheckSettings {
  const settings: LinkCheckSettings = { ...DEFAULT_LINK_CHECK_SETTINGS };
  for (const [key, value] of Object.entries(overrides) as [keyof LinkCheckSettings, unknown][]) {
    if (value !== undefined) Object.assign(settings, { [key]: value });
  }
  const positive: (keyof LinkCheckSettings)[] = [
    'connectTimeoutMs',
    'responseTimeoutMs',
    'totalTimeoutMs',
    'maxBodyBytes',
    'concurrency',
    'perHostConcurrency',
  ];
  const nonNegative: (keyof LinkCheckSettings)[] = [
    'maxRedirects',
    'maxRetries',
    'maxRetryAfterMs',
    'retryBaseDelayMs',
  ];
  for (const key of positive) requireNumber(key, settings[key], 1);
  for (const key of nonNegative) requireNumber(key, settings[key], 0);
  if (typeof settings.userAgent !== 'string' || settings.userAgent.trim() === '') {
    throw new Error('Link check setting userAgent must be a non-empty string');
  }
  return settings;
}

function requireNumber(key: string, value: unknown, min: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw new Error(`Link check setting ${key} must be a finite number >= ${min}, got ${String(value)}`);
  }
}
