import { setTimeout as sleep } from 'node:timers/promises';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewSweep } from '../../src/store/store.ts';
import { CHENGDU_SITES, SITES, siteResult } from '../api/support/fixtures.ts';
import { type DashboardApp, dashboardApp } from './support/dashboard-app.ts';

let d: DashboardApp;

const get = (url: string, token?: string) =>
  d.app.inject({ url, headers: token ? { cookie: `gov_inspect_session=${token}` } : {} });

async function create(sweep: Partial<NewSweep> & Pick<NewSweep, 'id' | 'siteIds'>): Promise<void> {
  await d.store.sweeps.create({
    kind: 'adhoc',
    period: '2026Q2',
    now: '2026-05-01T01:00:00.000Z',
    region: null,
    requestedBy: 'test',
    ...sweep,
  });
  // Creation times apart, whatever the clock's resolution: the list is ordered by them.
  await sleep(5);
}

/** The list's rows as text cells, with the link of each. */
async function rows(token: string): Promise<{ cells: string[]; href: string | undefined }[]> {
  const answer = await get('/dashboard/sweeps', token);
  expect(answer.statusCode).toBe(200);
  const $ = load(answer.body);
  return $('table.sweeps tbody tr')
    .toArray()
    .map((row) => ({
      cells: $(row)
        .find('th, td')
        .toArray()
        .map((cell) => $(cell).text()),
      href: $(row).find('th a').attr('href'),
    }));
}

const ALL = SITES.map((site) => site.id);
const BEIJING_TIME = /^\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d$/;

beforeAll(async () => {
  d = await dashboardApp();
  await d.store.sites.replaceAll(SITES);
  await create({ id: 'q2-patrol', kind: 'quarterly-patrol', siteIds: ALL });
  await d.store.sweeps.markRunning('q2-patrol', new Date('2026-04-01T01:00:00.000Z'));
  for (const id of ALL) await d.store.results.record('q2-patrol', siteResult(id));
  await create({ id: 'h1-check', kind: 'semiannual-check', period: '2026H1', siteIds: ALL });
  await d.store.sweeps.markRunning('h1-check', new Date('2026-05-02T02:30:00.000Z'));
  await d.store.results.record('h1-check', siteResult('sc-portal'));
  await create({ id: 'cd-adhoc', siteIds: CHENGDU_SITES, region: '5101' });
  await d.store.sweeps.markRunning('cd-adhoc', new Date('2026-05-10T16:05:00.000Z'));
  await d.store.results.record('cd-adhoc', siteResult('cd-portal', [], { status: 'error' }));
  await create({ id: 'cd-failed', siteIds: ['cd-portal'], region: '5101' });
  await d.store.sweeps.markFailed('cd-failed', '无法加入任务队列', new Date('2026-05-12T08:30:00.000Z'));
  await create({ id: 'my-adhoc', siteIds: ['my-portal'], region: '5107' });
  await create({ id: 'cd-and-my', siteIds: ['cd-portal', 'my-portal'] });
  await d.app.ready();
});
afterAll(() => d.close());

describe('the sweep list', () => {
  it('shows a province user every sweep, newest first, in Chinese, each linking to its page', async () => {
    const list = await rows(d.tokens.province);
    expect(list.map((row) => row.href)).toEqual(
      ['cd-and-my', 'my-adhoc', 'cd-failed', 'cd-adhoc', 'h1-check', 'q2-patrol'].map(
        (id) => `/dashboard/sweeps/${id}`,
      ),
    );
    const byId = (id: string) => list.find((row) => row.href === `/dashboard/sweeps/${id}`)!.cells;
    expect(byId('q2-patrol').slice(0, 6)).toEqual([
      '季度巡查',
      '2026年第二季度',
      '已完成',
      '5 / 5',
      '0',
      '2026年4月1日 09:00',
    ]);
    expect(byId('q2-patrol')[6]).toMatch(BEIJING_TIME);
    expect(byId('h1-check')).toEqual([
      '半年检查',
      '2026年上半年',
      '检查中',
      '1 / 5',
      '0',
      '2026年5月2日 10:30',
      '—',
    ]);
    expect(byId('cd-adhoc')).toEqual([
      '临时检查',
      '2026年第二季度',
      '检查中',
      '1 / 2',
      '1',
      '2026年5月11日 00:05',
      '—',
    ]);
    expect(byId('cd-failed')).toEqual([
      '临时检查',
      '2026年第二季度',
      '未能完成',
      '0 / 1',
      '0',
      '—',
      '2026年5月12日 16:30',
    ]);
    expect(byId('my-adhoc')).toEqual(['临时检查', '2026年第二季度', '排队中', '0 / 1', '0', '—', '—']);
  });

  it('the linked pages open', async () => {
    for (const { href } of await rows(d.tokens.province))
      expect((await get(href!, d.tokens.province)).statusCode).toBe(200);
  });

  it('is linked from the top bar of every signed-in page, not from sign-in', async () => {
    const overview = load((await get('/dashboard/', d.tokens.chengdu)).body);
    expect(overview('header nav a').first().attr('href')).toBe('/dashboard/sweeps');
    expect(overview('header nav a').first().text()).toBe('检查批次');
    expect((await get('/dashboard/login')).body).not.toContain('/dashboard/sweeps');
  });

  it('sends a signed-out visitor to sign-in, keeping the link', async () => {
    const answer = await get('/dashboard/sweeps');
    expect(answer.statusCode).toBe(303);
    expect(answer.headers.location).toBe(`/dashboard/login?next=${encodeURIComponent('/dashboard/sweeps')}`);
    expect((await get('/dashboard/sweeps', 'not-a-token')).statusCode).toBe(303);
  });

  it('shows a city user only the sweeps entirely within its region', async () => {
    expect((await rows(d.tokens.chengdu)).map((row) => row.href)).toEqual([
      '/dashboard/sweeps/cd-failed',
      '/dashboard/sweeps/cd-adhoc',
    ]);
    const luzhou = await get('/dashboard/sweeps', d.tokens.luzhou);
    expect(await rows(d.tokens.luzhou)).toEqual([]);
    expect(luzhou.body).toContain('还没有可以查看的检查批次');
  });

  it('gives a city user no hint of the sweeps beyond its reach', async () => {
    const before = (await get('/dashboard/sweeps', d.tokens.chengdu)).body;
    for (const id of ['q2-patrol', 'h1-check', 'my-adhoc', 'cd-and-my']) expect(before).not.toContain(id);
    expect(before).not.toMatch(/季度巡查|半年检查|排队中/);
    await create({ id: 'my-later', siteIds: ['my-portal'], region: '5107' });
    await create({ id: 'all-later', kind: 'quarterly-patrol', siteIds: ALL });
    expect((await get('/dashboard/sweeps', d.tokens.chengdu)).body).toBe(before);
  });
});
