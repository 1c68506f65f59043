import { createHash } from 'node:crypto';
import type { Finding, FindingIdentity } from '../../checks/check.ts';
import { CHECKS } from '../../checks/index.ts';
import { normalizeUrl } from '../../crawlers/url.ts';
import type { CheckReport, SiteResult } from '../results.ts';
import { canonicalJson, readPart } from './finding-parts.ts';

/** Hex digits kept of the SHA-256: 96 bits, ample for every finding a province will ever have. */
const HEX_LENGTH = 24;

/**
 * Parts every rule's digest takes, listed before its own: the findings the check runner writes for
 * any rule when a gatherer failed (which data was missing) or the check itself broke.
 */
export const COMMON_DIGEST_PARTS: readonly string[] = [
  'evidence.missing.*.artifact',
  'evidence.error?',
  'evidence.stack?',
];

const IDENTITIES = new Map(CHECKS.map((check) => [check.meta.id, check.meta.identity] as const));
/** A rule the registry does not hold (removed, or a result from elsewhere): the page and the common parts. */
const NO_IDENTITY: FindingIdentity = { key: [], digest: [] };

export function identityOf(ruleId: string): FindingIdentity {
  return IDENTITIES.get(ruleId) ?? NO_IDENTITY;
}

/**
 * The finding's `id` (contract §7): a fingerprint of the site, the rule, the page URL normalised as the
 * crawler normalises it, and the rule's key parts. `occurrence`
 * (from 2) tells apart findings of one check that share all that, in the order the check gave them.
 */
export function findingId(siteId: string, ruleId: string, finding: Finding, occurrence = 1): string {
  const key = identityOf(ruleId).key.map((part) => normalizedPart(readPart(finding, part)));
  const url = normalizeUrl(finding.url) ?? finding.url;
  return fingerprint(['finding', siteId, ruleId, url, key, ...(occurrence > 1 ? [occurrence] : [])]);
}

/** The finding's `evidenceDigest`: a fingerprint of the common parts and those its rule says it rests on. */
export function evidenceDigest(ruleId: string, finding: Finding): string {
  const parts = [...COMMON_DIGEST_PARTS, ...identityOf(ruleId).digest];
  const values = parts.flatMap((part) => {
    const value = readPart(finding, part);
    return value === undefined ? [] : [[part, normalizedPart(value)] as const];
  });
  return fingerprint(Object.fromEntries(values));
}

/**
 * The result with an `id` and an `evidenceDigest` on every finding, computed afresh (so a result that
 * has them already keeps the same ones). Pure.
 */
export function identifyFindings(result: SiteResult): SiteResult {
  return { ...result, checks: result.checks.map((check) => identifyCheck(result.siteId, check)) };
}

function identifyCheck(siteId: string, check: CheckReport): CheckReport {
  if (check.findings.length === 0) return check;
  const seen = new Map<string, number>();
  const findings = check.findings.map(({ id: _id, evidenceDigest: _digest, ...finding }) => {
    const first = findingId(siteId, check.ruleId, finding);
    const occurrence = (seen.get(first) ?? 0) + 1;
    seen.set(first, occurrence);
    return {
      ...finding,
      id: occurrence === 1 ? first : findingId(siteId, check.ruleId, finding, occurrence),
      evidenceDigest: evidenceDigest(check.ruleId, finding),
    };
  });
  return { ...check, findings };
}

/** URLs among the parts (alone or in a set) as the crawler normalises them: no fragment, no session id. */
function normalizedPart(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalizedPart);
  return typeof value === 'string' && /^https?:\/\//i.test(value) ? (normalizeUrl(value) ?? value) : value;
}

function fingerprint(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, HEX_LENGTH);
}
