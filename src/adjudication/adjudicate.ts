import type { Finding } from '../../checks/check.ts';
import { CHECKS } from '../../checks/index.ts';
import { normalizeUrl } from '../../crawlers/url.ts';
import { rateSite } from '../inspection/rating.ts';
import { scoreSite } from '../inspection/score.ts';
import type { CheckReport, SiteResult } from '../results.ts';
import type { AdjudicatedValues, AdjudicationCounts, FindingStatus } from './types.ts';

const VETO_RULES = new Map(
  CHECKS.flatMap((check) => (check.meta.singleVeto ? [[check.meta.id, check.meta.singleVeto]] : [])),
);
const OPEN: FindingStatus = { state: 'open' };

/**
 * A site result's values with the decisions in force applied (contract §7 `adjudicated`). A check is
 * `pass` when every finding of it is overturned, `fail` when a finding is upheld or, in a check that
 * failed, a finding is not overturned, `review` while undecided findings of a `review` check remain;
 * `pass` and `not-applicable` stay. The score and rating are recomputed with the inspection's own
 * code over the findings that still fail; when no decision changes anything they are the automated
 * ones. A single veto stands while a finding that carries it still fails. Pure.
 */
export function adjudicate(
  result: SiteResult,
  statusOf: (finding: Finding) => FindingStatus | undefined,
): AdjudicatedValues {
  const state = (finding: Finding) => (statusOf(finding) ?? OPEN).state;
  const checks = result.checks.map((check) => adjudicateCheck(check, state));
  const changed = checks.some((check, i) => !sameCheck(check, result.checks[i]!));
  const counts = countFindings(result, (finding) => statusOf(finding) ?? OPEN);
  const outcomes = checks.map(({ ruleId, outcome }) => ({ ruleId, outcome }));
  if (!changed) {
    // Results stored before ratings existed have none: rated as the inspection rates them now.
    const rated = rateSite(result.status, result.checks);
    const qualified = result.qualified !== undefined ? result.qualified : (rated.qualified ?? null);
    const vetoes = result.vetoes ?? rated.vetoes ?? [];
    return { score: result.score, qualified, vetoes, checks: outcomes, counts };
  }
  const homepage = normalizeUrl(result.homepage) ?? result.homepage;
  // An unreachable or broken inspection scores 0 whatever is decided: nothing was measured.
  const score = result.status === 'done' ? scoreSite(checks, [homepage, result.homepage]) : result.score;
  const { qualified, vetoes } = rateSite(result.status, checks);
  return { score, qualified: qualified ?? null, vetoes: vetoes ?? [], checks: outcomes, counts };
}

/** The check as decided: its outcome, the findings that still make it fail, the veto that still stands. */
function adjudicateCheck(check: CheckReport, state: (finding: Finding) => string): CheckReport {
  if (check.outcome !== 'fail' && check.outcome !== 'review') return check;
  if (check.findings.length === 0) return check;
  const failing = check.findings.filter(
    (finding) => state(finding) === 'upheld' || (check.outcome === 'fail' && state(finding) !== 'overturned'),
  );
  const { ruleId } = check;
  if (check.findings.every((finding) => state(finding) === 'overturned')) {
    return { ruleId, outcome: 'pass', findings: [] };
  }
  if (failing.length === 0) return { ruleId, outcome: 'review', findings: check.findings };
  const singleVeto = vetoOf(check, failing, state);
  return { ruleId, outcome: 'fail', findings: failing, ...(singleVeto ? { singleVeto } : {}) };
}

function vetoOf(check: CheckReport, failing: readonly Finding[], state: (finding: Finding) => string) {
  const rule = VETO_RULES.get(check.ruleId);
  const carries = (finding: Finding) => rule?.carriedBy?.(finding) ?? true;
  if (check.singleVeto !== undefined && failing.some(carries)) return check.singleVeto;
  if (rule !== undefined && failing.some((finding) => state(finding) === 'upheld' && carries(finding))) {
    return rule.reason;
  }
  return undefined;
}

function sameCheck(adjudicated: CheckReport, automated: CheckReport): boolean {
  return (
    adjudicated.outcome === automated.outcome &&
    adjudicated.findings.length === automated.findings.length &&
    adjudicated.singleVeto === automated.singleVeto
  );
}

function countFindings(
  result: SiteResult,
  statusOf: (finding: Finding) => FindingStatus,
): AdjudicationCounts {
  const counts: AdjudicationCounts = {
    findings: 0,
    open: 0,
    appealed: 0,
    appealsPending: 0,
    reviewed: 0,
    upheld: 0,
    overturned: 0,
    struckOff: 0,
  };
  for (const check of result.checks) {
    for (const finding of check.findings) {
      const status = statusOf(finding);
      counts.findings += 1;
      if (status.appeal !== undefined) counts.appealed += 1;
      if (status.state === 'open') counts.open += 1;
      else if (status.state === 'appealed') counts.appealsPending += 1;
      else {
        counts.reviewed += 1;
        counts[status.state] += 1;
        if (status.state === 'overturned' && check.outcome === 'fail') counts.struckOff += 1;
      }
    }
  }
  return counts;
}
