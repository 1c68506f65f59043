import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

const GOOD_SITE = `sites:
  - id: sc-portal
    fullName: 四川省人民政府
    homepage: http://127.0.0.1:9/
    level: province
    kind: portal
    region: "510000"
`;

describe('gov-inspect refuses bad input with exit code 2 and a clear message', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gov-inspect-cli-errors-'));
  });

  it('rejects a bad sites file as a whole, naming each problem and its line, and writes nothing', async () => {
    const sites = join(dir, 'bad.yaml');
    await writeFile(
      sites,
      `${GOOD_SITE}  - id: sc-portal
    fullName: 成都市人民政府
    homepage: ftp://www.chengdu.gov.cn/
    level: town
    kind: portal
    region: "510100"
`,
    );
    const out = join(dir, 'out-bad');
    const run = await runCli(['sweep', '--sites', sites, '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/第 8 行.*id/);
    expect(run.stderr).toMatch(/第 10 行.*homepage/);
    expect(run.stderr).toMatch(/第 11 行.*level.*town/);
    expect(run.stderr).toContain('未导入任何站点');
    expect(existsSync(out)).toBe(false);
  });

  it('rejects a YAML syntax error with its line', async () => {
    const sites = join(dir, 'syntax.yaml');
    await writeFile(sites, 'sites:\n  - id: a\n    fullName: "四川省人民政府\n');
    const run = await runCli(['sweep', '--sites', sites, '--out', join(dir, 'o')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/第 3 行/);
  });

  it('rejects a missing sites file, a bad --now and a bad --max-pages', async () => {
    const good = join(dir, 'good.yaml');
    await writeFile(good, GOOD_SITE);
    const missing = await runCli(['sweep', '--sites', join(dir, 'nope.yaml'), '--out', join(dir, 'o')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.yaml/);
    const badNow = await runCli(['sweep', '--sites', good, '--out', join(dir, 'o'), '--now', 'yesterday']);
    expect(badNow.code).toBe(2);
    expect(badNow.stderr).toContain('--now');
    const badPages = await runCli(['sweep', '--sites', good, '--out', join(dir, 'o'), '--max-pages', '0']);
    expect(badPages.code).toBe(2);
    expect(badPages.stderr).toContain('--max-pages');
  });

  it('rejects missing options and unknown commands', async () => {
    const noSites = await runCli(['sweep', '--out', join(dir, 'o')]);
    expect(noSites.code).toBe(2);
    expect(noSites.stderr).toContain('--sites');
    const unknown = await runCli(['patrol']);
    expect(unknown.code).toBe(2);
  });

  it.each([
    ['a missing file', undefined, /--wording-dictionary：无法读取 .*nope\.json（ENOENT）/],
    ['a file that is no JSON', '{"entries": [', /--wording-dictionary：.*不是有效的 JSON/],
    ['an unknown part', '{"entry": []}', /--wording-dictionary：不认识的字段 entry/],
    [
      'an entry of an unknown grade',
      '{"entries": [{"wrong": "天府新去", "correct": "天府新区", "category": "division", "grade": "轻微"}]}',
      /--wording-dictionary：entries 第 1 条（grade）：等级必须是 严重 或 一般/,
    ],
    [
      'an entry the shipped dictionary has',
      '{"entries": [{"wrong": "卢州市", "correct": "泸州市", "category": "division", "grade": "一般"}]}',
      /--wording-dictionary：entries 第 1 条：系统内置词典已有“卢州市”/,
    ],
    [
      'an exception for a site not in the sites file',
      '{"exceptions": {"cd-portal": ["卢州市大酒店"]}}',
      /--wording-dictionary：exceptions\.cd-portal：站点清单中没有站点 cd-portal/,
    ],
    [
      'an empty exception',
      '{"exceptions": {"sc-portal": [" "]}}',
      /exceptions\.sc-portal 第 1 项应为 1 至 50 个字符的表述/,
    ],
  ])('rejects --wording-dictionary with %s, and writes nothing', async (name, content, message) => {
    const good = join(dir, 'good.yaml');
    await writeFile(good, GOOD_SITE);
    const file = join(dir, content === undefined ? 'nope.json' : `wording-${name.length}.json`);
    if (content !== undefined) await writeFile(file, content);
    const out = join(dir, `out-wording-${name.length}`);
    const run = await runCli(['sweep', '--sites', good, '--out', out, '--wording-dictionary', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });
});
