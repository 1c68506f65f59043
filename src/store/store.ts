import type { Finding, Outcome } from '../../checks/check.ts';
import type { HomepageAvailability, HomepageProbe } from '../../crawlers/artifacts.ts';
import type { ProbeWindow } from '../../crawlers/homepage-probe/summarize.ts';
import type { FindingAction, Verdict } from '../adjudication/types.ts';
import type { Site } from '../registry/site.ts';
import type { SiteResult } from '../results.ts';
import type { NoticesRepository } from './notices-repository.ts';
import type { WordingRepository } from './wording-repository.ts';

/** The inspection plans of clause 4.6.1, and a sweep started by hand. */
export const SWEEP_KINDS = ['quarterly-patrol', 'semiannual-check', 'adhoc'] as const;
export type SweepKind = (typeof SWEEP_KINDS)[number];

export type SweepState = 'queued' | 'running' | 'done' | 'failed';

/** A sweep as the API reports it (contract §6 `GET /sweeps/:id`), plus what the service needs. */
export interface SweepRecord {
  id: string;
  kind: SweepKind;
  /** '2026Q4' for quarterly patrols and ad-hoc sweeps, '2026H2' for semi-annual checks. */
  period: string;
  state: SweepState;
  total: number;
  /** Sites with a stored result (any status). */
  done: number;
  /** Sites whose result is `error` (the inspection itself broke after its retries). */
  failed: number;
  siteIds: string[];
  /** "Today" for the sweep's date rules (ISO). */
  now: string;
  /** The region the sweep was limited to, if any ('5101'). */
  region: string | null;
  /** Who started it: a token name, or 'scheduler:<plan id>'. */
  requestedBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Why the sweep failed to start (e.g. the queue was unreachable). */
  error: string | null;
}

export interface NewSweep {
  id: string;
  kind: SweepKind;
  period: string;
  siteIds: string[];
  now: string;
  region: string | null;
  requestedBy: string;
}

/** One site's result as stored, with the periods it counts for. */
export interface StoredResult {
  sweepId: string;
  siteId: string;
  /** '2026Q4' */
  quarter: string;
  /** '2026H2' */
  halfYear: string;
  result: SiteResult;
  storedAt: string;
}

/**
 * A stored result without its findings: its score and each check's outcome. What trends and
 * period-to-period comparisons read, at a fraction of a whole result's size.
 */
export interface StoredOutcomes extends Omit<StoredResult, 'result'> {
  result: ResultOutcomes;
}

export interface ResultOutcomes {
  score: number;
  checks: { ruleId: string; outcome: Outcome }[];
}

export type TokenRole = 'province' | 'city';

export interface TokenRecord {
  id: string;
  role: TokenRole;
  /** 6-digit region code for city tokens, null for province tokens. */
  region: string | null;
  name: string | null;
  createdAt: string;
}

export interface SitesRepository {
  /** Replaces the whole registry in one transaction (contract §6 `PUT /sites`: all or nothing). */
  replaceAll(sites: readonly Site[]): Promise<void>;
  /** In registry order. */
  list(): Promise<Site[]>;
  get(id: string): Promise<Site | undefined>;
}

export interface SweepsRepository {
  create(sweep: NewSweep): Promise<SweepRecord>;
  get(id: string): Promise<SweepRecord | undefined>;
  /** The `limit` most recently created sweeps, newest first. */
  latest(limit: number): Promise<SweepRecord[]>;
  /** queued → running (first site started); idempotent. */
  markRunning(id: string, at: Date): Promise<void>;
  /** The sweep could not be started or completed; `error` says why. */
  markFailed(id: string, error: string, at: Date): Promise<void>;
}

export interface ResultsRepository {
  /**
   * Stores one site's result of a sweep, once: a redelivered result for the same (sweep, site) is
   * ignored and `false` returned. Its findings are stored with their `id` and `evidenceDigest`
   * (computed afresh) and each id's site noted. In the same transaction the sweep's `done`/`failed` counters move,
   * and the sweep becomes `done` when every site has a result.
   */
  record(sweepId: string, result: SiteResult): Promise<boolean>;
  /** For each site, its latest result whose quarter ('2026Q4') or half-year ('2026H2') is `period`. */
  latestInPeriod(period: string): Promise<StoredResult[]>;
  /** The same results as `latestInPeriod`, without their findings (built by the database, not read whole). */
  latestOutcomesInPeriod(period: string): Promise<StoredOutcomes[]>;
  /** A site's results, newest first. */
  forSite(siteId: string, limit?: number): Promise<StoredResult[]>;
  /** The results a sweep has so far, in the order they were stored. */
  forSweep(sweepId: string): Promise<StoredResult[]>;
  /**
   * Deletes the results stored before `before` that nothing reads any more, and the sweeps made before
   * it left with none. Kept whatever their age: each site's latest result; its latest in each of
   * `periods` ('2026Q4', '2026H2'), in each period with a finalised notice and in the period before
   * that; every result an appeal or decision was made on.
   */
  trim(before: Date, periods: readonly string[]): Promise<TrimmedResults>;
}

/** What `ResultsRepository.trim` deleted. */
export interface TrimmedResults {
  results: { sweepId: string; siteId: string }[];
  sweeps: string[];
}

export interface TokensRepository {
  /** Makes a token; the plaintext is returned once and only its hash is stored. */
  create(input: {
    role: TokenRole;
    region: string | null;
    name: string | null;
  }): Promise<{ token: string; record: TokenRecord }>;
  /** The token's record, or undefined for an unknown token (compared by hash). */
  verify(token: string): Promise<TokenRecord | undefined>;
  /** Every token's record (never a token), oldest first. */
  list(): Promise<TokenRecord[]>;
  /** Deletes the token, which ends its sessions; false when there was none. */
  revoke(id: string): Promise<boolean>;
}

/** The events a webhook subscription can ask for (contract §6, issue 4; the finding events, issue 10). */
export const WEBHOOK_EVENTS = [
  'violation.detected',
  'violation.resolved',
  'sweep.completed',
  'finding.appealed',
  'finding.decided',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

/** A webhook subscription as the API shows it: never with its secret. */
export interface WebhookSubscription {
  id: string;
  url: string;
  events: WebhookEventType[];
  /** 6-digit division code: only events of sites within it; null for every site. */
  region: string | null;
  createdAt: string;
  createdBy: string;
}

export interface NewWebhookSubscription {
  url: string;
  /** 'whsec_' + base64 of the key. */
  secret: string;
  events: WebhookEventType[];
  region: string | null;
  createdBy: string;
}

export type WebhookDeliveryState = 'pending' | 'delivered' | 'failed';

/** One event for one subscription, and how its attempts went; `id` is the `webhook-id` header. */
export interface WebhookDelivery {
  id: string;
  subscriptionId: string;
  eventType: WebhookEventType;
  payload: unknown;
  state: WebhookDeliveryState;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  redeliveries: number;
  createdAt: string;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
}

export interface WebhooksRepository {
  create(subscription: NewWebhookSubscription & { id: string }): Promise<WebhookSubscription>;
  /** Oldest first. */
  list(): Promise<WebhookSubscription[]>;
  get(id: string): Promise<WebhookSubscription | undefined>;
  /** The signing secret, for the delivery worker only. */
  secretOf(id: string): Promise<string | undefined>;
  /** Deletes the subscription and its delivery log; false when there was none. */
  delete(id: string): Promise<boolean>;
  /** Logs a delivery as pending, once: false when a delivery with this id exists already. */
  recordDelivery(delivery: {
    id: string;
    subscriptionId: string;
    eventType: WebhookEventType;
    payload: unknown;
  }): Promise<boolean>;
  getDelivery(id: string): Promise<WebhookDelivery | undefined>;
  /** Logs one attempt: attempts + 1, its HTTP status or error, and the state it leaves. */
  recordAttempt(
    id: string,
    attempt: { status: number | null; error: string | null; state: WebhookDeliveryState },
  ): Promise<void>;
  /** Back to pending for another round of attempts (redeliveries + 1); undefined when unknown. */
  requeue(id: string): Promise<WebhookDelivery | undefined>;
  /** A subscription's deliveries, newest first. */
  deliveries(subscriptionId: string, limit?: number): Promise<WebhookDelivery[]>;
  /** Deliveries still pending, oldest first (re-queued at worker start so none is lost). */
  pendingDeliveries(limit?: number): Promise<WebhookDelivery[]>;
}

/** One site's homepage probe, as a probe round records it. */
export interface SiteProbe extends HomepageProbe {
  siteId: string;
}

export interface ProbesRepository {
  /** Stores a round's probes; a probe stored already (same site, same instant) is ignored. */
  record(probes: readonly SiteProbe[]): Promise<void>;
  /**
   * The homepage availability over `window` ('scheduled-probes') of each listed site probed in it; a
   * site with no probe in the window is absent.
   */
  availability(siteIds: readonly string[], window: ProbeWindow): Promise<Map<string, HomepageAvailability>>;
  /** Deletes the probes of the Asia/Shanghai days before the day of `before`; returns how many. */
  prune(before: Date): Promise<number>;
}

/** Who appeals or decides: a token. */
export interface Actor {
  /** The token's name, or its id when it has none. */
  name: string;
  role: TokenRole;
  region: string | null;
  tokenId: string | null;
}

/** A finding where it stands now: in its site's latest result (of a period, when one is asked for). */
export interface LocatedFinding {
  /** With its `id` and `evidenceDigest`. */
  finding: Finding;
  ruleId: string;
  /** The automated outcome of its check. */
  outcome: Outcome;
  stored: StoredResult;
  /** The period an appeal or decision on it is made for: the one asked for, else its sweep's. */
  period: string;
}

/** One finding of a request, with the digest of the evidence the caller saw (optional). */
export interface FindingRef {
  id: string;
  evidenceDigest?: string;
}

export interface AppealRequest {
  finding: FindingRef;
  /** The period whose latest result is appealed; default: the site's latest result. */
  period?: string;
  reason: string;
  by: Actor;
  at: Date;
}

export interface DecisionRequest {
  /** One or more findings decided alike, with one reason (the review queue's bulk decision). */
  findings: readonly FindingRef[];
  period?: string;
  verdict: Verdict;
  reason: string;
  /** 'YYYY-MM-DD'; default: the end of the period after the one the decision is made in. */
  until?: string;
  by: Actor;
  at: Date;
}

/**
 * Appeals and decisions (contract §7), append-only. `appeal` and `decide` check the finding's state and
 * write in one transaction, under a lock per finding: they throw `AdjudicationError` (and write nothing)
 * for an unknown finding, one not in its site's latest result, evidence changed since the caller saw
 * it, an appeal of a check that did not fail, a finding appealed or decided already.
 */
export interface AdjudicationRepository {
  /** The site a finding id belongs to, whether or not its latest result still holds it. */
  siteOf(findingId: string): Promise<string | undefined>;
  locate(findingId: string, period?: string): Promise<LocatedFinding | undefined>;
  appeal(request: AppealRequest): Promise<FindingAction>;
  /** All or nothing: every finding decided, or none. */
  decide(request: DecisionRequest): Promise<FindingAction[]>;
  /** Every appeal and decision on the id, oldest first. */
  history(findingId: string): Promise<FindingAction[]>;
  /** Every appeal and decision on the findings of these sites, oldest first. */
  actionsForSites(siteIds: readonly string[]): Promise<FindingAction[]>;
}

/** The durable results store: PostgreSQL, or the embedded PGlite when no DATABASE_URL is set. */
export interface ResultsStore {
  sites: SitesRepository;
  sweeps: SweepsRepository;
  results: ResultsRepository;
  tokens: TokensRepository;
  webhooks: WebhooksRepository;
  probes: ProbesRepository;
  adjudication: AdjudicationRepository;
  /** Finalised period notices (定稿). */
  notices: NoticesRepository;
  /** The offices' wording-error entries and sites' exceptions (issue 12). */
  wording: WordingRepository;
  close(): Promise<void>;
}
