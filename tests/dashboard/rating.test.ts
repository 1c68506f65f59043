import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateSite } from '../../src/inspection/rating.ts';
import type { SiteResult } from '../../src/results.ts';
import { SITES, siteResult } from '../api/support/fixtures.ts';
import { type DashboardApp, dashboardApp } from './support/dashboard-app.ts';

const VETO = '首页信息超过2周未更新（网站不更新），按国家检查指标单项否决。';
let d: DashboardApp;

const get = async (url: string) => {
  const answer = await d.app.inject({ url, headers: { cookie: `gov_inspect_session=${d.tokens.province}` } });
  expect(answer.statusCode, url).toBe(200);
  return answer.body;
};

/** A result rated as the inspection rates it; `stale` fails content-freshness with its single veto. */
function rated(siteId: string, options: { stale?: boolean; status?: SiteResult['status'] } = {}): SiteResult {
  const base = siteResult(siteId, [], { status: options.status ?? 'done' });
  const freshness = options.stale
    ? {
        ruleId: 'content-freshness',
        outcome: 'fail' as const,
        findings: [{ url: base.homepage, message: '首页超过2周未更新（网站不更新）。', evidence: {} }],
        singleVeto: VETO,
      }
    : { ruleId: 'content-freshness', outcome: 'pass' as const, findings: [] };
  const checks = [...base.checks, freshness];
  return { ...base, checks, score: options.stale ? 90 : 100, ...rateSite(base.status, checks) };
}

/** The table row that names `name`, from its <tr> to its </tr>. */
function rowOf(html: string, name: string): string {
  const at = html.indexOf(name);
  expect(at, name).toBeGreaterThan(-1);
  return html.slice(html.lastIndexOf('<tr>', at), html.indexOf('</tr>', at));
}

beforeAll(async () => {
  d = await dashboardApp();
  await d.store.sites.replaceAll(SITES);
  const sweep = (id: string, now: string) =>
    d.store.sweeps.create({
      id,
      kind: 'quarterly-patrol',
      period: id,
      siteIds: SITES.map((site) => site.id),
      now,
      region: null,
      requestedBy: 'scheduler:quarterly-patrol',
    });
  await sweep('q1', '2026-02-01T01:00:00.000Z');
  await d.store.results.record('q1', rated('cd-portal'));
  await sweep('q2', '2026-05-01T01:00:00.000Z');
  await d.store.results.record('q2', rated('sc-portal'));
  await d.store.results.record('q2', rated('cd-portal', { stale: true }));
  await d.store.results.record('q2', rated('cd-jinjiang', { status: 'unreachable' }));
  // Stored before ratings existed: no `qualified` at all.
  await d.store.results.record('q2', siteResult('my-portal'));
  await d.app.ready();
});
afterAll(() => d.close());

describe('the rating beside the score', () => {
  it('overview: counts the 不合格 sites and rates each site in the ranking', async () => {
    const html = await get('/dashboard/');
    expect(html).toContain(
      '<div class="stat"><span>评定不合格</span><b>1</b><small>复核后 1；单项否决，不论得分</small></div>',
    );
    expect(html).toContain(
      '<th>得分</th><th>评定</th><th>复核后得分</th><th>复核后评定</th><th>核减</th><th>状态</th>',
    );
    const veto = VETO.replace(/。$/, '');
    expect(rowOf(html, 'cd-portal 人民政府')).toContain(
      `<td class="num score">90</td><td><span class="rating unqualified" title="单项否决：${veto}">不合格</span></td>`,
    );
    expect(rowOf(html, 'sc-portal 人民政府')).toContain('<span class="rating qualified">合格</span>');
    expect(rowOf(html, 'cd-jinjiang 人民政府')).toContain('<span class="rating unrated">未评定</span>');
    expect(rowOf(html, 'my-portal 人民政府')).toContain('<span class="rating unrated">未评定</span>');
  });

  it('site page: the veto reason with the latest result, and the rating of each result in the history', async () => {
    const html = await get('/dashboard/sites/cd-portal');
    expect(html).toContain('<dt>评定</dt><dd>不合格（单项否决，不论得分多少）');
    expect(html).toContain(`${VETO.replace(/。$/, '')}</li></ul>`);
    expect(html).toContain('<span class="veto-tag">单项否决</span>');
    const history = html.slice(html.indexOf('<table class="history">'));
    expect(history).toContain(
      '<th>得分</th><th>评定</th><th>复核后得分</th><th>复核后评定</th><th>核减</th><th>状态</th>',
    );
    // Each result's rating, automated and after review (nothing decided: the same).
    const ratings = history.match(/<span class="rating (\w+)"/g);
    expect(ratings).toEqual([
      '<span class="rating unqualified"',
      '<span class="rating unqualified"',
      '<span class="rating qualified"',
      '<span class="rating qualified"',
    ]);
  });

  it('sweep page and its progress.json: the rating of each result that arrived', async () => {
    const html = await get('/dashboard/sweeps/q2');
    expect(html).toContain('<th>得分</th><th>评定</th><th>状态</th>');
    expect(rowOf(html, 'cd-portal 人民政府')).toContain('<span class="rating unqualified" title="单项否决：');
    expect(rowOf(html, 'sc-portal 人民政府')).toContain('<span class="rating qualified">合格</span>');
    const progress = JSON.parse(await get('/dashboard/sweeps/q2/progress.json')) as {
      results: { siteId: string; rating: { text: string; css: string; title?: string } }[];
    };
    const rating = Object.fromEntries(progress.results.map((r) => [r.siteId, r.rating]));
    expect(rating).toEqual({
      'sc-portal': { text: '合格', css: 'qualified' },
      'cd-portal': { text: '不合格', css: 'unqualified', title: `单项否决：${VETO.replace(/。$/, '')}` },
      'cd-jinjiang': { text: '未评定', css: 'unrated' },
      'my-portal': { text: '未评定', css: 'unrated' },
    });
  });
});
