import type { Outcome } from '../../checks/check.ts';
import type { TokenRole } from '../store/store.ts';

/** Contract §7: undecided, disputed by a city office, confirmed, or found to be no violation. */
export const FINDING_STATES = ['open', 'appealed', 'upheld', 'overturned'] as const;
export type FindingState = (typeof FINDING_STATES)[number];

export const VERDICTS = ['upheld', 'overturned'] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * One appeal or decision on a finding, as made; kept for ever, never edited (contract §7's history:
 * who, when, what, why).
 */
export interface FindingAction {
  id: string;
  findingId: string;
  siteId: string;
  ruleId: string;
  /** An appeal (申诉), or a decision's verdict. */
  what: 'appeal' | Verdict;
  /** The reason given, in the caller's words. */
  why: string;
  /** The token's name (its id when it has none). */
  who: string;
  role: TokenRole;
  /** A city token's region; null for the province. */
  region: string | null;
  /** When it was made (ISO). */
  when: string;
  /** Decisions: the last day (Asia/Shanghai, 'YYYY-MM-DD') of the results it carries forward to. */
  until?: string;
  /** The evidence it was made on: it applies only to findings with this digest. */
  evidenceDigest: string;
  /** The result it was made on, and that result's period: it applies from that period on. */
  sweepId: string;
  period: string;
  /** Decisions made together with one reason share a batch id. */
  batchId?: string;
}

/** A decision beside a finding: in force, or an earlier one no longer applying (expired, other evidence). */
export type DecisionView = FindingAction & {
  inForce: boolean;
  /** Made on an earlier result than the one shown, and carried forward to it. */
  carriedForward: boolean;
};

/** Where a finding stands in one result, from its history. */
export interface FindingStatus {
  state: FindingState;
  /** The appeal on this evidence, awaiting a decision or answered by one. */
  appeal?: FindingAction;
  /** The decision in force; when the finding is `open` again, the earlier decision shown beside it. */
  decision?: DecisionView;
}

/** How many findings of a result (or a group of results) people have looked at. */
export interface AdjudicationCounts {
  findings: number;
  /** Undecided and not appealed. */
  open: number;
  /** Appealed on their present evidence (申诉), answered or not. */
  appealed: number;
  /** Appealed and awaiting a decision. */
  appealsPending: number;
  /** Decided by a reviewer (复核): upheld or overturned. */
  reviewed: number;
  upheld: number;
  overturned: number;
  /** Overturned findings of failing checks: struck off (核减). */
  struckOff: number;
}

/** Contract §7 `adjudicated`: the site's values with the decisions in force applied. */
export interface AdjudicatedValues {
  score: number;
  qualified: boolean | null;
  /** Added: the single vetoes that still stand. */
  vetoes: { ruleId: string; reason: string }[];
  checks: { ruleId: string; outcome: Outcome }[];
  /** Added: the counts notices and dashboards show. */
  counts: AdjudicationCounts;
}
