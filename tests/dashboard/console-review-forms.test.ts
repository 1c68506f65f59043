import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITES, siteResult } from '../api/support/fixtures.ts';
import { type DashboardApp, dashboardApp } from './support/dashboard-app.ts';
import { ownPage, postForm } from './support/forms.ts';

let d: DashboardApp;
/** Chengdu's two sites fail the annual report alike; the province portal lacks its gazette column. */
const ids: Record<string, string> = {};

beforeAll(async () => {
  d = await dashboardApp();
  await d.store.sites.replaceAll(SITES);
  await d.store.sweeps.create({
    id: 'q2',
    kind: 'quarterly-patrol',
    period: '2026Q2',
    siteIds: SITES.map((site) => site.id),
    now: '2026-05-01T01:00:00.000Z',
    region: null,
    requestedBy: 'scheduler:quarterly-patrol',
  });
  await d.store.results.record('q2', siteResult('cd-portal', ['annual-report']));
  await d.store.results.record('q2', siteResult('cd-jinjiang', ['annual-report']));
  await d.store.results.record('q2', siteResult('sc-portal', ['gazette-column']));
  for (const siteId of ['cd-portal', 'cd-jinjiang', 'sc-portal']) {
    const [stored] = await d.store.results.forSite(siteId, 1);
    ids[siteId] = stored!.result.checks.flatMap((check) => check.findings)[0]!.id!;
  }
});
afterAll(() => d.close());

const get = (url: string, token: string) => d.app.inject({ url, headers: ownPage(token) });
const alertOf = (html: string) => load(html)('.alert').text();

describe('本地区问题 (a city office)', () => {
  it('lists only its region’s findings of the period, with an appeal form on a failing one', async () => {
    const answer = await get('/dashboard/findings?period=2026Q2', d.tokens.chengdu);
    expect(answer.statusCode).toBe(200);
    const $ = load(answer.body);
    expect(
      $('main h2 a')
        .map((_, a) => $(a).text())
        .get(),
    ).toEqual(['cd-portal 人民政府', 'cd-jinjiang 人民政府']);
    expect($('form.appeal')).toHaveLength(2);
    expect($(`#finding-${ids['cd-portal']} .finding-state`).text()).toBe('未申诉');
  });

  it('answers a malformed filter with the not-found page', async () => {
    for (const query of ['period=2026Q9', 'region=51', 'ruleId=no-such-rule', 'state=closed'])
      expect((await get(`/dashboard/findings?${query}`, d.tokens.chengdu)).statusCode, query).toBe(404);
  });

  it('asks for a reason; a second appeal is refused with the API’s message, and nothing is written', async () => {
    const url = `/dashboard/findings/${ids['cd-portal']}/appeals`;
    const empty = await postForm(d.app, d.tokens.chengdu, url, { reason: '  ', period: '2026Q2' });
    expect(empty.statusCode).toBe(400);
    expect(alertOf(empty.body)).toBe('请填写申诉理由。');

    const made = await postForm(d.app, d.tokens.chengdu, url, {
      reason: '年度报表在信息公开栏目',
      period: '2026Q2',
    });
    expect(made.statusCode).toBe(303);
    expect(made.headers.location).toBe(
      `/dashboard/findings?period=2026Q2&appealed=1#finding-${ids['cd-portal']}`,
    );

    const again = await postForm(d.app, d.tokens.chengdu, url, { reason: '再次申诉', period: '2026Q2' });
    expect(again.statusCode).toBe(409);
    expect(alertOf(again.body)).toBe('未能提交申诉：该问题已提出申诉，正在等待复核。');
    expect(await d.store.adjudication.history(ids['cd-portal']!)).toHaveLength(1);
  });

  it('cannot appeal another region’s finding: the API does not know it (404)', async () => {
    const answer = await postForm(d.app, d.tokens.luzhou, `/dashboard/findings/${ids['sc-portal']}/appeals`, {
      reason: '不是本地区的问题',
      period: '2026Q2',
    });
    expect(answer.statusCode).toBe(404);
    expect(alertOf(answer.body)).toContain('未能提交申诉：');
    expect(await d.store.adjudication.history(ids['sc-portal']!)).toEqual([]);
  });
});

describe('复核 (the province)', () => {
  it('groups findings with the same evidence into one form, and shows an appeal’s reason', async () => {
    const answer = await get('/dashboard/review?period=2026Q2&region=5101', d.tokens.province);
    const $ = load(answer.body);
    expect($('section.queue-group')).toHaveLength(1);
    expect($('section.queue-group h2').text()).toContain('2 个问题证据相同');
    expect($('input[name=finding]')).toHaveLength(2);
    expect($(`#finding-${ids['cd-portal']} .appeal-reason`).text()).toContain('年度报表在信息公开栏目');
  });

  it('asks for a finding and a reason before calling the API', async () => {
    const none = await postForm(d.app, d.tokens.province, '/dashboard/review/decisions', {
      verdict: 'upheld',
      reason: '属实',
      period: '2026Q2',
    });
    expect(none.statusCode).toBe(400);
    expect(alertOf(none.body)).toBe('请至少勾选一个问题。');
    const blank = await postForm(d.app, d.tokens.province, '/dashboard/review/decisions', {
      finding: ids['sc-portal']!,
      verdict: 'upheld',
      reason: ' ',
      period: '2026Q2',
    });
    expect(blank.statusCode).toBe(400);
    expect(alertOf(blank.body)).toBe('请填写认定理由。');
  });

  it('refuses evidence that changed since the page was shown, naming the site; nothing is decided', async () => {
    const answer = await postForm(d.app, d.tokens.province, '/dashboard/review/decisions', {
      finding: [`${ids['cd-jinjiang']}`, `${ids['cd-portal']}:${'0'.repeat(24)}`],
      verdict: 'overturned',
      reason: '已公开',
      period: '2026Q2',
      region: '5101',
    });
    expect(answer.statusCode).toBe(409);
    expect(alertOf(answer.body)).toMatch(/^未能认定：cd-portal 人民政府：/);
    expect(load(answer.body)('select[name=region] option[selected]').attr('value')).toBe('5101');
    expect(await d.store.adjudication.history(ids['cd-jinjiang']!)).toEqual([]);
  });

  it('decides, comes back to the same filter with the count, and the queue no longer lists them', async () => {
    const answer = await postForm(d.app, d.tokens.province, '/dashboard/review/decisions', {
      finding: [ids['cd-portal']!, ids['cd-jinjiang']!],
      verdict: 'overturned',
      outcome: 'fail',
      reason: '年度报表已在信息公开栏目公开',
      period: '2026Q2',
      region: '5101',
    });
    expect(answer.statusCode).toBe(303);
    const back = answer.headers.location as string;
    expect(back).toBe(
      '/dashboard/review?period=2026Q2&region=5101&decided=2&verdict=overturned&outcome=fail',
    );
    const queue = load((await get(back, d.tokens.province)).body);
    expect(queue('.success').text()).toBe('已核减 2 个问题，已记入复核记录。');
    expect(queue('.queue-item')).toHaveLength(0);
    // The city office sees the answer in its list.
    const city = load((await get('/dashboard/findings?period=2026Q2', d.tokens.chengdu)).body);
    expect(city(`#finding-${ids['cd-portal']} .finding-state`).text()).toBe('已核减');
    expect(city(`#finding-${ids['cd-portal']} .history-log li`)).toHaveLength(2);
  });
});
