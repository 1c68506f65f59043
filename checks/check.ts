import type { ArtifactName, Artifacts } from '../crawlers/artifacts.ts';
import type { Site } from '../src/registry/site.ts';
import type { OfficeWording } from './lib/office-wording.ts';

export const OUTCOMES = ['pass', 'fail', 'review', 'not-applicable'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** One problem, on one page, with what an official needs to see it without re-running (contract §3). */
export interface Finding {
  url: string;
  /** broken-links only: the link that is broken. */
  target?: string;
  /** broken-links only: HTTP status or error code. */
  status?: number | string;
  /** One sentence in Simplified Chinese. */
  message: string;
  evidence: Record<string, unknown>;
  /**
   * Added (contract §7), set when a result is made and when it is stored (`identifyFindings`): the
   * finding's stable fingerprint, the same for the same problem found again in a later sweep.
   */
  id?: string;
  /** Added (contract §7): a fingerprint of what the finding rests on; it changes when that evidence does. */
  evidenceDigest?: string;
}

export interface CheckResult {
  outcome: Exclude<Outcome, 'not-applicable'>;
  findings: Finding[];
  /**
   * On a `pass` decided on evidence a person may want to see, which no finding can carry (a pass has
   * none): header-full-name's name read by OCR in a header image.
   */
  evidence?: Record<string, unknown>;
  /**
   * Set on a `fail` that the national indicators treat as a single veto (单项否决): the site is rated
   * 不合格 whatever its score. One Chinese sentence saying why.
   */
  singleVeto?: string;
}

export interface CheckContext {
  site: Site;
  /** "Today" for date-dependent rules; checks never read the clock. */
  now: Date;
  /** The homepage of the portal `site.parent` names, when the registry holds that portal. */
  parentHomepage?: string;
  /** Added (issue 12): the offices' wording entries and this site's exceptions, beside the shipped dictionary. */
  wording?: OfficeWording;
}

/**
 * How a rule's findings are recognised again in a later sweep (contract §7, README "Adjudication").
 * Each part is a path into the finding: `target`, `evidence.item`; `a.*.b` is the set of `b` over the
 * items of the array `a`; a trailing `?` takes only whether the part is there.
 */
export interface FindingIdentity {
  /** Parts that, beside the page URL, tell the rule's findings apart: one problem, one key. */
  key: readonly string[];
  /**
   * What the finding rests on: a change in any of these reopens a decision on it. Volatile evidence
   * (durations, timestamps, screenshot paths, boxes, OCR confidence, counts that grow every day) is
   * left out.
   */
  digest: readonly string[];
}

/**
 * How a rule's single veto (单项否决) stands once findings are decided: the findings that carry it
 * (default: all), and the reason given when a reviewer upholds a `review` finding that would carry it.
 */
export interface SingleVetoRule {
  reason: string;
  carriedBy?: (finding: Finding) => boolean;
}

export interface CheckMeta {
  /** The rule id of contract §4. */
  id: string;
  /** The clause of the standard it enforces, e.g. '4.3.3'. */
  clause: string;
  /** Chinese title, shown in reports. */
  title: string;
  /** One or two Chinese sentences: what the rule asks and how it is judged. */
  description: string;
  /** Which sites the rule applies to, in Chinese, for reports. */
  appliesToText: string;
  appliesTo(site: Site): boolean;
  /** The artifacts `run` reads; if one of them could not be gathered the outcome is `review`. */
  requires: readonly ArtifactName[];
  /** Artifacts `run` reads when they were gathered: one absent or failed is left out, nothing more. */
  optional?: readonly ArtifactName[];
  /** What goes into its findings' `id` and `evidenceDigest` (contract §7). */
  identity: FindingIdentity;
  /** For a rule that fails with a single veto: how the veto stands once its findings are decided. */
  singleVeto?: SingleVetoRule;
}

type Value<K extends ArtifactName> = Extract<Artifacts[K], { ok: true }>['value'];

/**
 * Narrows the artifacts to the successfully gathered values of what a check requires, and of what it
 * reads optionally (those may be absent).
 */
export type Gathered<R extends readonly ArtifactName[], O extends readonly ArtifactName[] = readonly []> = {
  [K in R[number]]: Value<K>;
} & { [K in O[number]]?: Value<K> };

export interface Check<
  R extends readonly ArtifactName[] = readonly ArtifactName[],
  O extends readonly ArtifactName[] = readonly ArtifactName[],
> {
  meta: CheckMeta & { requires: R; optional?: O };
  /** Pure: no I/O, no clock. */
  run(artifacts: Gathered<R, O>, ctx: CheckContext): CheckResult;
}

/** Declares a check with its artifact requirements typed. */
export function defineCheck<
  const R extends readonly ArtifactName[],
  const O extends readonly ArtifactName[] = readonly [],
>(check: Check<R, O>): Check<R, O> {
  return check;
}
