import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../checks/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONTRACT_RULES = [
  'header-full-name',
  'gazette-column',
  'archive-label',
  'annual-report',
  'broken-links',
];
/** Rules added after the contract's five (issue 5), in the order they were added. */
const ADDED_RULES = [
  'footer-identifiers',
  'error-report-entry',
  'site-functions',
  'column-domain',
  'site-domain',
  'content-freshness',
  'homepage-availability',
  'https-security',
  'wording-errors',
  'future-dates',
  'hidden-links',
  'interaction-response',
  'blank-columns',
  'long-unupdated-columns',
];
const ARTIFACTS = ['renderedHomepage', 'siteCrawl', 'linkStatuses', 'transport', 'availability'];
/**
 * A clause of the standard ('4.3.3', '4.8.2 c)'), a range of them, the mark of a rule beyond it, or an
 * item of the national indicators a rule judges without a clause of the standard.
 */
const CLAUSE = /^(\d+(\.\d+)+( [a-z]\))?(–\d+(\.\d+)+)?|标准外建议项|检查指标：.+)$/;
/** Rules judged on the registry entry alone, which need no gathered artifact. */
const REGISTRY_ONLY = ['site-domain'];

describe('CHECKS registry', () => {
  it('holds the five rules of contract §4 first, in order, then the added rules', () => {
    expect(CHECKS.map((check) => check.meta.id)).toEqual([...CONTRACT_RULES, ...ADDED_RULES]);
  });

  describe.each(CHECKS.map((check) => [check.meta.id, check] as const))('%s', (id, check) => {
    it('lives in checks/<id>.ts and has its table test in tests/checks/<id>.test.ts', () => {
      expect(existsSync(`${ROOT}checks/${id}.ts`), `checks/${id}.ts`).toBe(true);
      expect(existsSync(`${ROOT}tests/checks/${id}.test.ts`), `tests/checks/${id}.test.ts`).toBe(true);
    });

    it('has every metadata field filled', () => {
      const { meta } = check;
      for (const field of ['id', 'clause', 'title', 'description', 'appliesToText'] as const) {
        expect(meta[field].trim(), field).not.toBe('');
      }
      expect(meta.clause).toMatch(CLAUSE);
      expect(typeof meta.appliesTo).toBe('function');
      if (!REGISTRY_ONLY.includes(id)) expect(meta.requires.length).toBeGreaterThan(0);
      for (const artifact of meta.requires) expect(ARTIFACTS).toContain(artifact);
    });
  });
});
