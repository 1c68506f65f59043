import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import type { ResultsStore } from '../../src/store/store.ts';
import { seededStore } from './support/fixtures.ts';

type Role = 'province' | 'chengdu' | 'mianyang';

let store: ResultsStore;
let app: FastifyInstance;
let clock = new Date('2026-12-01T02:00:00Z');
const tokens = {} as Record<Role, string>;

beforeAll(async () => {
  store = await seededStore();
  tokens.province = (
    await store.tokens.create({ role: 'province', region: null, name: '省政府办公厅' })
  ).token;
  tokens.chengdu = (await store.tokens.create({ role: 'city', region: '510100', name: '成都' })).token;
  tokens.mianyang = (await store.tokens.create({ role: 'city', region: '510700', name: '绵阳' })).token;
  app = await buildApp({
    store,
    launcher: { launch: async () => {} },
    queueHealth: async () => true,
    log: pino({ level: 'silent' }),
    rateLimit: false,
    now: () => clock,
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await store?.close();
});

const call = (role: Role, options: InjectOptions): Promise<LightMyRequestResponse> =>
  app.inject({ ...options, headers: { authorization: `Bearer ${tokens[role]}`, ...options.headers } });
const get = (role: Role, url: string) => call(role, { method: 'GET', url });
const finalise = (role: Role, payload: object = {}, kind = 'quarterly/2026Q4') =>
  call(role, { method: 'POST', url: `/api/v1/reports/${kind}/finalise`, payload });
const sha256 = (body: Buffer) => createHash('sha256').update(body).digest('hex');
const Q4 = '/api/v1/reports/quarterly/2026Q4';

/** Chengdu portal's broken links of 2026Q4, with their ids. */
async function chengduLinks(): Promise<{ id: string; url: string }[]> {
  const answer = await get('province', '/api/v1/findings?period=2026Q4&siteId=cd-portal&ruleId=broken-links');
  return answer.json().findings;
}

describe('finalised period notices (定稿)', () => {
  const kept: Record<string, Buffer> = {};

  it('stores version 1 with its date, content hash and counts, and serves it with the hash in a header', async () => {
    const answer = await finalise('province');
    expect(answer.statusCode, answer.body).toBe(201);
    const version = answer.json();
    expect(version).toMatchObject({
      kind: 'quarterly',
      period: '2026Q4',
      region: null,
      version: 1,
      finalisedAt: '2026-12-01T02:00:00.000Z',
      finalisedBy: '省政府办公厅',
      counts: { findings: 17, reviewed: 0, appealed: 0, struckOff: 0 },
    });
    expect(version.contentHash).toMatch(/^[0-9a-f]{64}$/);

    const json = await get('province', `${Q4}/versions/1?format=json`);
    expect(json.statusCode).toBe(200);
    expect(json.headers['x-content-sha256']).toBe(version.contentHash);
    expect(sha256(json.rawPayload)).toBe(version.contentHash);
    expect(json.json()).toMatchObject({ version: 1, notice: { period: '2026Q4', counts: { findings: 17 } } });

    const html = await get('province', `${Q4}/versions/1`);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.headers['x-content-sha256']).toBe(version.contentHash);
    expect(html.headers['content-disposition']).toMatch(
      /^inline; filename="quarterly-report-2026Q4-v1\.html"/,
    );
    expect(html.body).toContain(
      `定稿第 1 版 · 2026年12月1日定稿 · 内容校验码（SHA-256）：<code>${version.contentHash}</code>`,
    );
    for (const format of ['html', 'csv', 'xlsx'])
      kept[format] = (await get('province', `${Q4}/versions/1?format=${format}`)).rawPayload;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(kept.xlsx! as unknown as ArrayBuffer);
    const overview = book
      .getWorksheet('总体情况')!
      .getSheetValues()
      .map((r) => (r as unknown[])?.slice(1, 3));
    expect(overview).toContainEqual(['内容校验码（SHA-256）', version.contentHash]);
  });

  it('answers version 1 again when nothing changed since, whatever the date', async () => {
    clock = new Date('2026-12-05T02:00:00Z');
    const again = await finalise('province');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ version: 1, finalisedAt: '2026-12-01T02:00:00.000Z' });
    expect((await get('province', `${Q4}/versions`)).json().versions).toHaveLength(1);
  });

  it('serves version 1 unchanged after a decision, and makes version 2 showing it struck off', async () => {
    const [link] = await chengduLinks();
    const decided = await call('province', {
      method: 'POST',
      url: `/api/v1/findings/${link!.id}/decisions`,
      payload: { verdict: 'overturned', reason: '人工核实该附件可以下载', period: '2026Q4' },
    });
    expect(decided.statusCode, decided.body).toBe(201);
    // The live notice follows the decision at once.
    expect((await get('province', Q4)).body).toContain('以下问题予以核减');

    for (const format of ['html', 'csv', 'xlsx']) {
      const served = await get('province', `${Q4}/versions/1?format=${format}`);
      expect(served.rawPayload.equals(kept[format]!), format).toBe(true);
    }

    clock = new Date('2026-12-08T02:00:00Z');
    const second = await finalise('province');
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({
      version: 2,
      finalisedAt: '2026-12-08T02:00:00.000Z',
      counts: { reviewed: 1, overturned: 1, struckOff: 1 },
    });
    const html = (await get('province', `${Q4}/versions/2`)).body;
    expect(html).toContain('定稿第 2 版 · 2026年12月8日定稿');
    expect(html).toMatch(/以下问题予以核减[\s\S]*成都市人民政府：“无失效链接”1 条/);
    expect(html).toContain('失效链接 11 条（其中首页 2 条）');
    const listed = (await get('province', `${Q4}/versions`)).json().versions;
    expect(listed.map((v: { version: number; contentHash: string }) => v.version)).toEqual([1, 2]);
    expect(listed[0].contentHash).not.toBe(listed[1].contentHash);
  });

  it('prints the PDF of a version from its stored HTML', async () => {
    const pdf = await get('province', `${Q4}/versions/1?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);

  it('gives city tokens their own region’s versions only, and finalising to the province alone', async () => {
    const chengdu = await finalise('province', { region: '510100' });
    expect(chengdu.statusCode).toBe(201);
    expect(chengdu.json()).toMatchObject({ region: '510100', version: 1 });

    const own = await get('chengdu', `${Q4}/versions`);
    expect(own.json().versions.map((v: { region: string }) => v.region)).toEqual(['510100']);
    expect((await get('chengdu', `${Q4}/versions/1?format=csv`)).body).toContain('成都市人民政府');
    expect((await get('chengdu', `${Q4}/versions/1?format=csv`)).body).not.toContain('绵阳市人民政府');
    expect((await get('chengdu', `${Q4}/versions?region=51`)).statusCode).toBe(403);
    expect((await get('mianyang', `${Q4}/versions/1?region=510100`)).statusCode).toBe(403);
    expect((await get('mianyang', `${Q4}/versions`)).json().versions).toEqual([]);
    expect((await get('mianyang', `${Q4}/versions/1`)).statusCode).toBe(404);
    expect((await finalise('chengdu')).statusCode).toBe(403);
    expect((await finalise('chengdu', { region: '510100' })).statusCode).toBe(403);
  });

  it.each([
    {
      name: 'a region that is no code',
      request: () => finalise('province', { region: '成都' }),
      field: 'region',
    },
    { name: 'an unknown field', request: () => finalise('province', { scope: 'province' }), field: 'scope' },
    { name: 'a bad period', request: () => finalise('province', {}, 'quarterly/2026H2'), field: 'period' },
    { name: 'a bad version', request: () => get('province', `${Q4}/versions/first`), field: 'version' },
    {
      name: 'an unknown format',
      request: () => get('province', `${Q4}/versions/1?format=doc`),
      field: 'format',
    },
    {
      name: 'a bad region query',
      request: () => get('province', `${Q4}/versions?region=5101x`),
      field: 'region',
    },
  ])('answers 400 naming the field for $name', async ({ request, field }) => {
    const answer = await request();
    expect(answer.statusCode, answer.body).toBe(400);
    expect(answer.json().error.field).toBe(field);
  });

  it('refuses a period with no result, storing nothing', async () => {
    const answer = await finalise('province', {}, 'quarterly/2025Q1');
    expect(answer.statusCode).toBe(409);
    expect(answer.json().error.message).toContain('没有检查结果');
    expect((await get('province', '/api/v1/reports/quarterly/2025Q1/versions')).json().versions).toEqual([]);
    expect((await get('province', `${Q4}/versions/9`)).statusCode).toBe(404);
  });
});

describe('GET /api/v1/results/quarterly/:period with decisions', () => {
  it('serves each site’s automated values with adjudicated beside them, and the decided totals', async () => {
    const answer = await get('province', '/api/v1/results/quarterly/2026Q4');
    expect(answer.statusCode).toBe(200);
    const report = answer.json();
    const cd = report.sites.find((s: { siteId: string }) => s.siteId === 'cd-portal');
    expect(cd.score).toBe(96.1);
    expect(cd.checks.find((c: { ruleId: string }) => c.ruleId === 'broken-links')).toMatchObject({
      outcome: 'fail',
      findings: expect.any(Array),
    });
    expect(cd.adjudicated).toMatchObject({
      score: 97.1,
      qualified: expect.anything(),
      checks: expect.arrayContaining([{ ruleId: 'broken-links', outcome: 'fail' }]),
      counts: { reviewed: 1, overturned: 1, struckOff: 1 },
    });
    const chengdu = report.regions.find((r: { region: string }) => r.region === '5101');
    expect(chengdu.counts).toMatchObject({ struckOff: 1 });
    expect(chengdu.averageScore).toBeGreaterThan(chengdu.automatedAverageScore);
    expect(report.counts).toMatchObject({ reviewed: 1, struckOff: 1 });
  });
});
