import { expect, it } from 'vitest';
import { CHECKS } from '../../checks/index.ts';
import { ruleFromMeta } from '../../reports/html/rules.ts';

it('heads every rule’s column of the sites × rules tables with a short title of at most four Chinese characters (or HTTPS)', () => {
  const long = CHECKS.map((check) => ruleFromMeta(check.meta))
    .filter(
      (rule) => !/^(\p{Script=Han}{1,4}|HTTPS)$/u.test(rule.shortTitle) || rule.shortTitle === rule.title,
    )
    .map((rule) => `${rule.id}: ${rule.shortTitle}`);
  expect(long).toEqual([]);
});
