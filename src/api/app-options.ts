import type { FindingAction } from '../adjudication/types.ts';
import type { SweepLauncher } from '../service/sweep-launcher.ts';
import type { ResultsStore } from '../store/store.ts';

export interface RateLimitOptions {
  /** Requests allowed per token (or per IP without a token) in each window. Default 300. */
  max: number;
  /** Window length in ms or as '1 minute'. Default one minute. */
  timeWindow: number | string;
}

/** What the API needs from the rest of the service; everything is injected. */
export interface AppOptions {
  store: ResultsStore;
  launcher: SweepLauncher;
  /** Is Redis reachable? Asked before a sweep is queued and by GET /health. */
  queueHealth: () => Promise<boolean>;
  /** Is the database reachable? Default: a primary-key lookup in the store. */
  databaseHealth?: () => Promise<boolean>;
  /** Called (not awaited) after PUT /sites replaced the registry, to reconcile the schedulers. */
  onRegistryChanged?: () => Promise<void> | void;
  /** Awaited (up to the dependency timeout) after appeals or decisions were stored: their webhook events. */
  onFindingActions?: (actions: readonly FindingAction[]) => Promise<void>;
  /** `false` turns rate limiting off. */
  rateLimit?: RateLimitOptions | false;
  /** "Today" of sweeps started through the API. Default: the real clock. */
  now?: () => Date;
  /** How long the queue or a health probe may take before the API answers 503. Default 3000 ms. */
  dependencyTimeoutMs?: number;
}
