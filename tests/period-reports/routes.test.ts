import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import type { ResultsStore } from '../../src/store/store.ts';
import { seededStore } from './support/fixtures.ts';

type Role = 'province' | 'chengdu' | 'mianyang' | 'none' | 'bad';

let store: ResultsStore;
let app: FastifyInstance;
const tokens: Partial<Record<Role, string>> = {};

beforeAll(async () => {
  store = await seededStore();
  tokens.province = (
    await store.tokens.create({ role: 'province', region: null, name: '省政府办公厅' })
  ).token;
  tokens.chengdu = (await store.tokens.create({ role: 'city', region: '510100', name: '成都' })).token;
  tokens.mianyang = (await store.tokens.create({ role: 'city', region: '510700', name: '绵阳' })).token;
  tokens.bad = 'not-a-real-token';
  app = await buildApp({
    store,
    launcher: { launch: async () => {} },
    queueHealth: async () => true,
    log: pino({ level: 'silent' }),
    rateLimit: false,
    now: () => new Date('2026-12-01T02:00:00Z'),
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await store?.close();
});

const get = (role: Role, url: string): Promise<LightMyRequestResponse> => {
  const token = tokens[role];
  return app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });
};

/** The Chinese file name of `filename*=UTF-8''…`. */
function fileName(response: LightMyRequestResponse): string {
  const match = /filename\*=UTF-8''([^;]+)/.exec(String(response.headers['content-disposition']));
  return decodeURIComponent(match?.[1] ?? '');
}

const csvSiteIds = (response: LightMyRequestResponse) =>
  (parse(response.body.replace(/^\uFEFF/, '')) as string[][]).slice(1).map((row) => row[1]);

describe('GET /api/v1/reports/quarterly/:period', () => {
  it('gives the province the whole province’s notice as HTML, shown inline with its own page policy', async () => {
    const response = await get('province', '/api/v1/reports/quarterly/2026Q4');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^inline; filename="quarterly-report-2026Q4\.html"; /,
    );
    expect(fileName(response)).toBe('四川省2026年第四季度政府网站抽查情况通报.html');
    expect(response.headers['content-security-policy']).toContain("style-src 'unsafe-inline'");
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    expect(response.body).toContain('四川省人民政府办公厅关于2026年第四季度全省政府网站抽查情况的通报');
    expect(response.body).toContain('2026年12月1日');
  });

  it('downloads the XLSX and the CSV as attachments with Chinese file names', async () => {
    const xlsx = await get('province', '/api/v1/reports/quarterly/2026Q4?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.headers['content-disposition']).toMatch(/^attachment; /);
    expect(fileName(xlsx)).toBe('四川省2026年第四季度政府网站抽查情况通报.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(xlsx.rawPayload).buffer);
    expect(book.getWorksheet('网站结果')?.rowCount).toBe(1 + 6);

    const csv = await get('province', '/api/v1/reports/quarterly/2026Q4?format=csv&region=510100');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(fileName(csv)).toBe('成都市2026年第四季度政府网站抽查情况通报.csv');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csvSiteIds(csv)).toEqual(['cd-portal', 'cd-jinjiang']);
  });

  it('prints the PDF', async () => {
    const response = await get('province', '/api/v1/reports/quarterly/2026Q4?format=pdf&region=5107');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(fileName(response)).toBe('绵阳市2026年第四季度政府网站抽查情况通报.pdf');
    expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('gives a city token its own region by default, and any part of it', async () => {
    const own = await get('chengdu', '/api/v1/reports/quarterly/2026Q4?format=csv');
    expect(own.statusCode).toBe(200);
    expect(fileName(own)).toBe('成都市2026年第四季度政府网站抽查情况通报.csv');
    expect(csvSiteIds(own)).toEqual(['cd-portal', 'cd-jinjiang']);
    const html = await get('chengdu', '/api/v1/reports/quarterly/2026Q4');
    expect(html.body).toContain('成都市人民政府办公厅关于2026年第四季度全市政府网站抽查情况的通报');
    expect(html.body).not.toContain('绵阳市');
    const district = await get('chengdu', '/api/v1/reports/quarterly/2026Q4?format=csv&region=510104');
    expect(csvSiteIds(district)).toEqual(['cd-jinjiang']);
    expect(
      csvSiteIds(await get('chengdu', '/api/v1/reports/quarterly/2026Q4?format=csv&region=5101')),
    ).toEqual(['cd-portal', 'cd-jinjiang']);
  });

  it('refuses a city token another region or the whole province (403)', async () => {
    for (const region of ['510700', '5107', '51', '510000']) {
      const response = await get('chengdu', `/api/v1/reports/quarterly/2026Q4?region=${region}`);
      expect(response.statusCode, region).toBe(403);
      expect(response.json().error).toMatchObject({
        code: 'forbidden',
        message: '此令牌只能查看本地区的通报',
      });
    }
    expect((await get('mianyang', '/api/v1/reports/quarterly/2026Q4?region=510100')).statusCode).toBe(403);
  });

  it('needs a valid token (401)', async () => {
    for (const role of ['none', 'bad'] as const) {
      const response = await get(role, '/api/v1/reports/quarterly/2026Q4?format=pdf');
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
    }
  });

  it('refuses bad periods, formats, regions and unknown parameters (400)', async () => {
    for (const url of [
      '/api/v1/reports/quarterly/2026H2',
      '/api/v1/reports/quarterly/2026Q5',
      '/api/v1/reports/quarterly/26Q4',
      '/api/v1/reports/semiannual/2026Q4',
      '/api/v1/reports/semiannual/2026H3',
      '/api/v1/reports/quarterly/2026Q4?format=docx',
      '/api/v1/reports/quarterly/2026Q4?region=chengdu',
      '/api/v1/reports/quarterly/2026Q4?regoin=510100',
    ]) {
      const response = await get('province', url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.code, url).toBe('invalid-request');
    }
  });
});

describe('GET /api/v1/reports/semiannual/:period', () => {
  it('gives the half-year check’s notice', async () => {
    const response = await get('province', '/api/v1/reports/semiannual/2026H2?format=html');
    expect(response.statusCode).toBe(200);
    expect(fileName(response)).toBe('四川省2026年下半年政府网站检查情况通报.html');
    expect(response.body).toContain('四川省人民政府办公厅关于2026年下半年全省政府网站检查情况的通报');
    expect(response.body).toContain('上期（2026年上半年）检查网站 2 个');
  });
});
