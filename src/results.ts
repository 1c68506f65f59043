import type { Finding, Outcome } from '../checks/check.ts';

/** The results of one rule for one site (contract §3). */
export interface CheckReport {
  ruleId: string;
  outcome: Outcome;
  findings: Finding[];
  /** Added: on a `fail` the national indicators treat as a single veto (单项否决), why, in Chinese. */
  singleVeto?: string;
  /** Added: on a `pass` decided on evidence worth seeing (header-full-name read by OCR), that evidence. */
  evidence?: Record<string, unknown>;
}

export type SiteStatus = 'done' | 'unreachable' | 'error';

/** The result of inspecting one site (contract §3 `sites[]`). */
export interface SiteResult {
  siteId: string;
  status: SiteStatus;
  pagesCrawled: number;
  linksChecked: number;
  score: number;
  /**
   * Added: the rating beside the score. `false` (不合格) when a rule failed with a single veto
   * (`vetoes`), whatever the score; `true` (合格) otherwise; `null` when the site could not be
   * inspected (`unreachable`, `error`). Absent from results stored before ratings existed.
   */
  qualified?: boolean | null;
  /** Added: the rules whose failure vetoed the site, with why. Empty unless `qualified` is false. */
  vetoes?: { ruleId: string; reason: string }[];
  checks: CheckReport[];
  /** Added: when the inspection started and ended, and how long it took. */
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** Added: for `unreachable` and `error`, why, in Chinese. */
  reason?: string;
  /**
   * Added (issue 13): present when the crawl stopped at its page budget with pages left unvisited: that
   * budget. Those pages were not checked.
   */
  maxPagesReached?: number;
  /** Added: the homepage's TLS certificate problem (e.g. CERT_HAS_EXPIRED), recorded rather than ignored. */
  tlsError?: string;
  /** Added: the site's registered full name and homepage, so a result can be read on its own. */
  fullName: string;
  homepage: string;
}

export interface SweepInfo {
  id: string;
  startedAt: string;
  finishedAt: string;
  now: string;
  /** The quarter `now` falls in, Asia/Shanghai: '2026Q4'. */
  period: string;
}

/** `results.json` (contract §3). */
export interface SweepResults {
  sweep: SweepInfo;
  sites: SiteResult[];
}
