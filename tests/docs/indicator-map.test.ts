import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../checks/index.ts';

/** The README's section mapping the national indicators to rules, up to the next heading of its level or above. */
async function indicatorMap(): Promise<string> {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.match(/### The national indicators, rule by rule[^\n]*\n([\s\S]*?)\n##? /);
  expect(section, 'the README has the indicator map').not.toBeNull();
  return section![1]!;
}

describe('the README’s map of the national indicators', () => {
  it('names every rule that can carry a single veto, and only rules that exist', async () => {
    const map = await indicatorMap();
    for (const { meta } of CHECKS.filter(({ meta }) => meta.singleVeto !== undefined)) {
      expect(map, meta.id).toContain(`\`${meta.id}\``);
    }
    const ids = new Set(CHECKS.map(({ meta }) => meta.id));
    const named = [...map.matchAll(/`([a-z]+(?:-[a-z]+)+)`/g)].map((m) => m[1]!);
    expect(named.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('has a row for each single-veto indicator, and says what is not judged', async () => {
    const map = await indicatorMap();
    for (const indicator of [
      '站点无法访问',
      '网站不更新',
      '栏目不更新',
      '空白栏目',
      '互动回应差',
      '服务不实用',
      '严重表述错误',
    ]) {
      expect(map).toMatch(new RegExp(`^\\| ${indicator}|^\\| [^|]*${indicator}`, 'm'));
    }
    expect(map).toContain('Not judged');
  });
});
