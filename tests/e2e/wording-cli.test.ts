import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { SiteResult, SweepResults } from '../../src/results.ts';
import { runCli } from '../support/cli.ts';
import { countySite } from '../support/county-site.ts';
import { type RunningServer, startServer } from '../support/http-server.ts';

const HOMEPAGE = `<!doctype html><html><head><meta charset="utf-8"><title>示例县人民政府</title></head>
<body><header><h1>示例县人民政府</h1></header>
<p>天府新去招商推介会在卢州市大酒店举行。</p></body></html>`;

describe('gov-inspect sweep --wording-dictionary', () => {
  let dir: string;
  let server: RunningServer;
  let results: SweepResults;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gov-inspect-wording-cli-'));
    server = await startServer((req, res) => {
      if (req.url === '/a/' || req.url === '/b/')
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(HOMEPAGE);
      else res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>404 页面不存在</h1>');
    });
    const sites = [
      countySite('with-exception', `${server.origin}/a/`),
      countySite('without', `${server.origin}/b/`),
    ];
    await writeFile(join(dir, 'sites.yaml'), stringify({ sites }));
    await writeFile(
      join(dir, 'wording.json'),
      JSON.stringify({
        entries: [{ wrong: '天府新去', correct: '天府新区', category: 'division', grade: '一般' }],
        exceptions: { 'with-exception': ['卢州市大酒店'] },
      }),
    );
    const run = await runCli(
      [
        'sweep',
        '--sites',
        'sites.yaml',
        '--out',
        'out',
        '--now',
        '2026-11-25T10:00:00+08:00',
        '--max-pages',
        '1',
        '--request-timeout',
        '3',
        '--wording-dictionary',
        'wording.json',
      ],
      { cwd: dir },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    results = JSON.parse(await readFile(join(dir, 'out', 'results.json'), 'utf8'));
  }, 120_000);

  afterAll(() => server.close());

  const found = (siteId: string) =>
    (results.sites.find((r) => r.siteId === siteId) as SiteResult).checks
      .find((c) => c.ruleId === 'wording-errors')!
      .findings.map((f) => [f.evidence.wrong, f.evidence.source]);

  it('finds the file’s entry on every site and the shipped 卢州市 only where no exception covers it', () => {
    expect(found('with-exception')).toEqual([['天府新去', 'office']]);
    expect(found('without')).toEqual([
      ['天府新去', 'office'],
      ['卢州市', 'shipped'],
    ]);
  });

  it('names the source in the report', async () => {
    const html = await readFile(join(dir, 'out', 'report.html'), 'utf8');
    expect(html).toContain('<dt>来源</dt><dd>管理单位增补的词条</dd>');
    expect(html).toContain('<dt>来源</dt><dd>系统内置错敏字词典</dd>');
  });
});
