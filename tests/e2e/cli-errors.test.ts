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
});
