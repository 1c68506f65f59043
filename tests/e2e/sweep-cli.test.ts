import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { CHECKS } from '../../checks/index.ts';
import { type ServedDemo, serveDemoSites } from '../../demo/serve-demo.ts';
import { evidenceKeyLabel } from '../../reports/html/evidence-labels.ts';
import type { SweepResults } from '../../src/results.ts';
import { runCli } from '../support/cli.ts';

/** Every rule, in contract order (tests/checks/registry.test.ts holds CHECKS to that order). */
const RULES = CHECKS.map((check) => check.meta.id);
const NOW = '2026-11-25T10:00:00+08:00';

describe('gov-inspect sweep over the demo sites', () => {
  let demo: ServedDemo;
  let dir: string;
  let results: SweepResults;
  let stdout: string;

  beforeAll(async () => {
    // Real-looking host names pointed at loopback, as an operator behind split DNS would run it.
    demo = await serveDemoSites({ today: new Date(NOW), namedHosts: true });
    dir = await mkdtemp(join(tmpdir(), 'gov-inspect-e2e-'));
    await writeFile(join(dir, 'sites.yaml'), stringify({ sites: demo.sites }));
    const run = await runCli(
      [
        'sweep',
        '--sites',
        join(dir, 'sites.yaml'),
        '--out',
        join(dir, 'out'),
        '--now',
        NOW,
        '--request-timeout',
        '3',
        ...demo.resolve.flatMap((e) => ['--resolve', `${e.host}:${e.port}:${e.address}`]),
      ],
      { cwd: dir },
    );
    expect(run.stderr).not.toMatch(/内部错误/);
    expect(run.code).toBe(0);
    stdout = run.stdout;
    results = JSON.parse(await readFile(join(dir, 'out', 'results.json'), 'utf8'));
  }, 240_000);

  afterAll(async () => {
    await demo?.close();
  });

  it('writes the sweep header per contract §3', () => {
    expect(results.sweep.period).toBe('2026Q4');
    expect(results.sweep.now).toBe('2026-11-25T02:00:00.000Z');
    expect(results.sites.map((s) => s.siteId)).toEqual(demo.sites.map((s) => s.id));
    expect(stdout).toContain('report.html');
  });

  it('gives every site one entry per rule, in contract order', () => {
    for (const site of results.sites) expect(site.checks.map((c) => c.ruleId)).toEqual(RULES);
  });

  it('judges every rule of every demo site as its answer key says', () => {
    for (const { site, expected } of demo.demos) {
      const result = results.sites.find((r) => r.siteId === site.id)!;
      expect(result.status, site.id).toBe(expected.status);
      if (!expected.outcomes) continue;
      const outcomes = Object.fromEntries(result.checks.map((c) => [c.ruleId, c.outcome]));
      expect(outcomes, site.id).toEqual(expected.outcomes);
    }
  });

  it('reports exactly the broken links, with no false ones', () => {
    const broken = (siteId: string) =>
      results.sites
        .find((r) => r.siteId === siteId)!
        .checks.find((c) => c.ruleId === 'broken-links')!
        .findings.map((f) => `${new URL(f.target!).pathname} ${f.status}`)
        .sort();
    expect(broken('cd-portal')).toEqual(
      ['/ ECONNREFUSED', '/cdweb/xw/gone.html 200', '/cdweb/xw/old.html 404'].sort(),
    );
    expect(broken('edu-dept')).toEqual(
      ['/loop/a REDIRECT_LOOP', '/lsgd/2018/tzgg.html 404', '/slow TIMEOUT'].sort(),
    );
    for (const id of ['sc-portal', 'hj-county']) expect(broken(id), id).toEqual([]);
  });

  it('says why a link could not be verified instead of calling it broken', () => {
    const fgw = results.sites
      .find((r) => r.siteId === 'fgw-dept')!
      .checks.find((c) => c.ruleId === 'broken-links')!;
    expect(fgw.findings).toHaveLength(1);
    expect(new URL(fgw.findings[0]!.url).pathname).toBe('/');
    expect(fgw.findings[0]!.message).toMatch(/防护|拦截/);
  });

  it('scores per contract §5 and marks the unreachable site', () => {
    const byId = Object.fromEntries(results.sites.map((s) => [s.siteId, s]));
    // sc-portal: served over plain HTTP only, so https-security fails (10): 100 - 10 = 90.
    expect(byId['sc-portal']!.score).toBe(90);
    expect(byId['xx-county']!.status).toBe('unreachable');
    expect(byId['xx-county']!.reason).toMatch(/无法访问/);
    // cd-portal: six failing rules (gazette-column, archive-label, annual-report, footer-identifiers,
    // column-domain, https-security: 60) and three broken links on the homepage (3): 100 - 60 - 3 = 37.
    expect(byId['cd-portal']!.score).toBe(37);
    // edu-dept: six failing rules (archive-label, annual-report, error-report-entry, site-domain,
    // https-security, wording-errors: 60), two broken links on the homepage (2), one on the archive
    // index (0.1): 100 - 60 - 2 - 0.1 = 37.9.
    expect(byId['edu-dept']!.score).toBe(37.9);
    // hj-county: five failing rules (header-full-name, site-functions, content-freshness, https-security,
    // interaction-response).
    expect(byId['hj-county']!.score).toBe(50);
  });

  it('rates a site whose homepage went unupdated, that offers no 办事服务, or with a 暗链, 不合格 whatever its score, and the others 合格', () => {
    const byId = Object.fromEntries(results.sites.map((s) => [s.siteId, s]));
    expect(byId['hj-county']!.qualified).toBe(false);
    expect(byId['hj-county']!.vetoes).toEqual([
      { ruleId: 'content-freshness', reason: expect.stringContaining('单项否决') },
      { ruleId: 'interaction-response', reason: expect.stringContaining('互动回应差') },
    ]);
    // gl-county offers no 办事服务 at all (服务不实用); hj-county's missing 解读回应 vetoes nothing.
    expect(byId['gl-county']!.qualified).toBe(false);
    expect(byId['gl-county']!.vetoes).toEqual([
      { ruleId: 'site-functions', reason: expect.stringContaining('“未提供办事服务”，单项否决') },
    ]);
    expect(byId['fgw-dept']!.qualified).toBe(false);
    // Its 信息公开 grid also holds 5 blank columns and 10 a year stale.
    expect(byId['fgw-dept']!.vetoes).toEqual([
      { ruleId: 'hidden-links', reason: expect.stringContaining('博彩') },
      { ruleId: 'blank-columns', reason: expect.stringContaining('空白栏目') },
      { ruleId: 'long-unupdated-columns', reason: expect.stringContaining('应更新但长期未更新') },
    ]);
    for (const id of ['sc-portal', 'cd-portal', 'edu-dept']) {
      expect(byId[id]!.qualified, id).toBe(true);
    }
    expect(byId['xx-county']!.qualified).toBeNull();
    expect(stdout).toMatch(
      /合江县人民政府（hj-county）得分 50；不合格（单项否决：「网站及栏目内容及时更新」「互动交流渠道有效、留言及时回应」）/,
    );
    expect(stdout).toMatch(
      /古蔺县人民政府（gl-county）得分 70；不合格（单项否决：「网站具备信息发布、解读回应、互动交流和办事服务功能」）/,
    );
  });

  it('lists hj-county’s notice dated three days ahead, on its list and its article, and not the deadline in its text', () => {
    const hj = results.sites.find((s) => s.siteId === 'hj-county')!;
    const future = hj.checks.find((c) => c.ruleId === 'future-dates')!;
    expect(future.findings.map((f) => f.evidence)).toEqual([
      expect.objectContaining({
        entryTitle: '关于开展冬季森林防火检查的通知',
        entryUrl: expect.stringMatching(/\/tzgg\/1\.html$/),
        date: '2026-11-28',
        daysAhead: 3,
        articleDateText: '2026-11-28',
      }),
    ]);
    expect(future.singleVeto).toBeUndefined();
  });

  it('finds hj-county’s letter unanswered for four months in its 县长信箱, and reads the other sites’ letter boxes', () => {
    const hj = results.sites.find((s) => s.siteId === 'hj-county')!;
    const interaction = hj.checks.find((c) => c.ruleId === 'interaction-response')!;
    expect(interaction.findings.map((f) => f.evidence)).toEqual([
      expect.objectContaining({
        problem: 'overdue',
        letterTitle: '咨询农村危房改造补助标准',
        state: '办理中',
        waitDays: 122,
        channel: expect.objectContaining({ label: '县长信箱' }),
      }),
    ]);
    // gl-county's letter box lives on another host, outside its WAF: seeded and read all the same.
    const gl = results.sites.find((s) => s.siteId === 'gl-county')!;
    expect(gl.checks.find((c) => c.ruleId === 'interaction-response')!.outcome).toBe('pass');
  });

  it('finds fgw-dept’s blank and year-stale columns deep in its 信息公开 grid, and only those', () => {
    const fgw = results.sites.find((s) => s.siteId === 'fgw-dept')!;
    const columns = (ruleId: string) =>
      fgw.checks
        .find((c) => c.ruleId === ruleId)!
        .findings.map((f) => `${f.evidence.parent}/${f.evidence.column}`);
    expect(columns('blank-columns')).toEqual(
      ['重大建设项目', '公共资源配置', '价格收费', '审计信息', '国有企业信息'].map((c) => `政务公开/${c}`),
    );
    expect(columns('long-unupdated-columns')).toEqual(
      [
        '人事任免',
        '公务员招录',
        '事业单位招聘',
        '发展规划',
        '年度计划',
        '统计数据',
        '统计公报',
        '部门预算',
        '部门决算',
        '财政资金',
      ].map((c) => `政务公开/${c}`),
    );
  });

  it('judges the domain rules on the real host names the sites were registered under', () => {
    const edu = results.sites.find((s) => s.siteId === 'edu-dept')!;
    const domain = edu.checks.find((c) => c.ruleId === 'site-domain')!;
    expect(domain.findings.map((f) => f.evidence)).toEqual([{ host: 'www.scedu.net', expected: '*.gov.cn' }]);
    const https = results.sites
      .find((s) => s.siteId === 'sc-portal')!
      .checks.find((c) => c.ruleId === 'https-security')!;
    expect(https.findings.map((f) => f.message).join('\n')).toMatch(/没有跳转到本网站的 HTTPS 地址/);
  });

  it('finds the wording error on edu-dept’s news article, marked in its sentence, with no veto', () => {
    const edu = results.sites.find((s) => s.siteId === 'edu-dept')!;
    const wording = edu.checks.find((c) => c.ruleId === 'wording-errors')!;
    expect(wording.singleVeto).toBeUndefined();
    expect(wording.findings.map((f) => [new URL(f.url).pathname, f.evidence.sentence])).toEqual([
      ['/jyyw/1.html', '会议总结了全年工作，要求各地按照【政府信息公开法】做好教育信息公开。'],
    ]);
  });

  it('reads the name edu-dept draws only in its banner image with OCR, and keeps what it read', () => {
    const edu = results.sites.find((s) => s.siteId === 'edu-dept')!;
    const header = edu.checks.find((c) => c.ruleId === 'header-full-name')!;
    expect(header.outcome).toBe('pass');
    const ocr = (header.evidence as { ocr: { text: string; confidence: number } }).ocr;
    expect(ocr.text.replace(/\s/g, '')).toContain('四川省教育厅');
    expect(ocr.confidence).toBeGreaterThanOrEqual(80);
  });

  it('names every evidence key it wrote in Chinese for the report', () => {
    const keys = new Set(
      results.sites.flatMap((site) =>
        site.checks.flatMap((check) => [
          ...Object.keys(check.evidence ?? {}),
          ...check.findings.flatMap((finding) => Object.keys(finding.evidence)),
        ]),
      ),
    );
    const unnamed = [...keys].filter((key) => evidenceKeyLabel(key) === key);
    expect(unnamed).toEqual([]);
  });

  it('writes a self-contained Chinese report with the header screenshots', async () => {
    const html = await readFile(join(dir, 'out', 'report.html'), 'utf8');
    expect(html).toContain('四川省人民政府');
    expect(html).toContain('data:image/png;base64,');
    expect(existsSync(join(dir, 'out', 'evidence', 'sc-portal', 'header.png'))).toBe(true);
  });

  it('leaves no crawlee storage folder behind', () => {
    expect(existsSync(join(dir, 'storage'))).toBe(false);
  });
});
