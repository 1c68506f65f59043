import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import { dashboardRoutes, MissingDashboardAccessError } from '../../src/dashboard/dashboard-routes.ts';
import { safeNext } from '../../src/dashboard/session.ts';
import { SITES, siteResult } from '../api/support/fixtures.ts';
import { RecordingLauncher } from '../api/support/launchers.ts';
import { type DashboardApp, dashboardApp } from './support/dashboard-app.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const EVIL = '<script>alert(1)</script>';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
let d: DashboardApp;

const cookie = (token: string) => ({ cookie: `gov_inspect_session=${token}` });
const get = (url: string, token?: string) => d.app.inject({ url, headers: token ? cookie(token) : {} });

beforeAll(async () => {
  d = await dashboardApp();
  const sites = SITES.map((site) => (site.id === 'my-portal' ? { ...site, fullName: `绵阳${EVIL}` } : site));
  await d.store.sites.replaceAll(sites);
  await d.store.sweeps.create({
    id: 'q2',
    kind: 'quarterly-patrol',
    period: '2026Q2',
    siteIds: sites.map((s) => s.id),
    now: '2026-05-01T01:00:00.000Z',
    region: null,
    requestedBy: 'scheduler:quarterly-patrol',
  });
  for (const site of sites) {
    await d.store.results.record('q2', siteResult(site.id, [], { fullName: site.fullName }));
    await mkdir(join(d.artifactDir, 'q2', 'evidence', site.id), { recursive: true });
    await writeFile(join(d.artifactDir, 'q2', 'evidence', site.id, 'header.png'), PNG);
  }
  await d.app.ready();
});
afterAll(() => d.close());

describe('sign-in', () => {
  it('sends a page without a session to sign-in, keeping the link', async () => {
    const answer = await get('/dashboard/sites/cd-portal?x=1');
    expect(answer.statusCode).toBe(303);
    expect(answer.headers.location).toBe(
      `/dashboard/login?next=${encodeURIComponent('/dashboard/sites/cd-portal?x=1')}`,
    );
    expect((await get('/dashboard/', 'not-a-token')).statusCode).toBe(303);
  });

  it('sets an HttpOnly, SameSite=Strict cookie on /dashboard for a valid token and goes to next', async () => {
    const answer = await d.app.inject({
      method: 'POST',
      url: '/dashboard/login',
      headers: { origin: 'http://localhost:80', host: 'localhost:80', ...FORM },
      payload: `token=${d.tokens.chengdu}&next=${encodeURIComponent('/dashboard/sites/cd-portal')}`,
    });
    expect(answer.statusCode).toBe(303);
    expect(answer.headers.location).toBe('/dashboard/sites/cd-portal');
    const setCookie = String(answer.headers['set-cookie']);
    expect(setCookie).toMatch(/^gov_inspect_session=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\/dashboard/);
    expect(setCookie).not.toMatch(/Secure/); // plain HTTP here; Secure when the request is https
  });

  it('refuses an unknown token with the form again', async () => {
    const answer = await d.app.inject({
      method: 'POST',
      url: '/dashboard/login',
      headers: { origin: 'http://localhost:80', host: 'localhost:80', ...FORM },
      payload: 'token=wrong&next=%2Fdashboard%2F',
    });
    expect(answer.statusCode).toBe(401);
    expect(answer.body).toContain('令牌无效');
    expect(answer.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a form posted from another site, or with no origin at all (CSRF)', async () => {
    for (const headers of [{ origin: 'http://evil.example' }, { referer: 'http://evil.example/x' }, {}]) {
      const answer = await d.app.inject({
        method: 'POST',
        url: '/dashboard/login',
        headers: { host: 'localhost:80', ...FORM, ...headers },
        payload: `token=${d.tokens.province}`,
      });
      expect(answer.statusCode).toBe(403);
      expect(answer.headers['set-cookie']).toBeUndefined();
    }
  });

  it('only ever redirects to a dashboard path on this site', () => {
    expect(safeNext('/dashboard/sites/a?b=1')).toBe('/dashboard/sites/a?b=1');
    for (const next of [
      'https://evil.example/',
      '//evil.example/dashboard',
      '/\\evil.example',
      '/api/v1/sites',
      'javascript:alert(1)',
      '/dashboard/../api',
      undefined,
    ]) {
      expect(safeNext(next)).toBe('/dashboard/');
    }
  });

  it('logs out by clearing the cookie', async () => {
    const answer = await d.app.inject({
      method: 'POST',
      url: '/dashboard/logout',
      headers: { host: 'localhost:80', origin: 'http://localhost:80', ...cookie(d.tokens.province) },
    });
    expect(answer.statusCode).toBe(303);
    expect(answer.headers.location).toBe('/dashboard/login');
    expect(String(answer.headers['set-cookie'])).toMatch(/gov_inspect_session=;.*Expires=Thu, 01 Jan 1970/);
  });
});

describe('reach', () => {
  it('shows a city token only its own region, and 404s for the rest', async () => {
    const overview = await get('/dashboard/', d.tokens.chengdu);
    expect(overview.statusCode).toBe(200);
    expect(overview.body).toContain('cd-portal 人民政府');
    expect(overview.body).not.toContain('my-portal');
    expect(overview.body).not.toContain('sc-portal');
    expect((await get('/dashboard/sites/cd-jinjiang', d.tokens.chengdu)).statusCode).toBe(200);
    for (const url of [
      '/dashboard/sites/my-portal',
      '/dashboard/sites/no-such-site',
      '/dashboard/evidence/q2/my-portal/header.png',
      '/dashboard/sweeps/q2',
      '/dashboard/sweeps/q2/progress.json',
      '/dashboard/?region=5107',
    ]) {
      const answer = await get(url, d.tokens.chengdu);
      expect(answer.statusCode, url).toBe(404);
      expect(answer.body, url).not.toContain('绵阳');
    }
    expect((await get('/dashboard/evidence/q2/cd-portal/header.png', d.tokens.chengdu)).statusCode).toBe(200);
  });

  it('lets the province see every site and narrow the overview to one region', async () => {
    const all = await get('/dashboard/', d.tokens.province);
    expect(all.body).toContain('cd-portal 人民政府');
    expect(all.body).toContain('sc-portal 人民政府');
    const mianyang = await get('/dashboard/?region=5107', d.tokens.province);
    expect(mianyang.body).toContain('绵阳市政府网站检查概览');
    expect(mianyang.body).not.toContain('cd-portal 人民政府');
    expect((await get('/dashboard/sweeps/q2', d.tokens.province)).statusCode).toBe(200);
    expect((await get('/dashboard/evidence/q2/my-portal/header.png', d.tokens.province)).statusCode).toBe(
      200,
    );
  });

  it('never serves a file outside the evidence folder', async () => {
    for (const url of [
      '/dashboard/evidence/../q2/cd-portal/header.png',
      '/dashboard/evidence/%2E%2E/cd-portal/header.png',
      '/dashboard/evidence/q2%2F..%2F..%2Fdata/cd-portal/header.png',
      '/dashboard/evidence/q2/..%2Fcd-portal/header.png',
      '/dashboard/evidence/q2/CD-PORTAL/header.png',
    ]) {
      expect((await get(url, d.tokens.province)).statusCode, url).toBe(404);
    }
  });
});

describe('pages', () => {
  it('escapes site text and sets the dashboard policy and the API security headers', async () => {
    const answer = await get('/dashboard/sites/my-portal', d.tokens.province);
    expect(answer.body).not.toContain(EVIL);
    expect(answer.body).toContain('&lt;script&gt;');
    expect(answer.body).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(answer.headers['content-security-policy']).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    );
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['strict-transport-security']).toBeDefined();
    // The API keeps its own, stricter policy.
    const api = await d.app.inject({
      url: '/api/v1/sites',
      headers: { authorization: `Bearer ${d.tokens.province}` },
    });
    expect(api.headers['content-security-policy']).toContain("default-src 'none'");
    expect(api.headers['content-security-policy']).not.toContain("script-src 'self'");
  });

  it('serves Chart.js from node_modules and answers 404 pages in Chinese', async () => {
    const chart = await get('/dashboard/assets/chart.js');
    expect(chart.statusCode).toBe(200);
    expect(chart.body).toContain('Chart.js v4');
    const missing = await get('/dashboard/no-such-page', d.tokens.province);
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('页面不存在');
  });

  it('passes report downloads to the API with the viewer’s own token', async () => {
    const answer = await get('/dashboard/reports/quarterly/2026Q2?format=csv', d.tokens.province);
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/csv/);
    expect(answer.headers['content-disposition']).toMatch(/attachment/);
    // A city viewer gets its own region's notice: the API decides with the viewer's token, not ours.
    const city = await get('/dashboard/reports/quarterly/2026Q2?format=csv', d.tokens.chengdu);
    expect(city.statusCode).toBe(200);
    const regions = city.body
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((row) => row.split(',')[3]);
    expect(regions.length).toBeGreaterThan(0);
    for (const region of regions) expect(region).toMatch(/^5101/);
    // The province viewing one city downloads that city's notice.
    const chosen = await get('/dashboard/reports/quarterly/2026Q2?format=csv&region=5101', d.tokens.province);
    expect(chosen.statusCode).toBe(200);
    const chosenRegions = chosen.body
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((row) => row.split(',')[3]);
    expect(chosenRegions.length).toBeGreaterThan(0);
    for (const region of chosenRegions) expect(region).toMatch(/^5101/);
    expect((await get('/dashboard/reports/quarterly/2026H2?format=pdf', d.tokens.province)).statusCode).toBe(
      404,
    );
    expect((await get('/dashboard/reports/quarterly/2026Q2?format=exe', d.tokens.province)).statusCode).toBe(
      404,
    );
  });
});

describe('deny by default', () => {
  const log = pino({ level: 'silent' });
  const appWith = async (extra: (app: FastifyInstance) => void) => {
    const app = await buildApp({
      store: d.store,
      launcher: new RecordingLauncher(),
      queueHealth: async () => true,
      log,
    });
    await app.register(dashboardRoutes, { store: d.store, artifactDir: d.artifactDir, log });
    // Not awaited: a refused route then fails ready(), as it fails listen() in serve.
    void app.register(async (scope) => extra(scope));
    // Wrapped: a Fastify instance is thenable, and returning it would await its loading here.
    return { app };
  };

  it('refuses to start when a route under /dashboard declares no access rule, or an unknown one', async () => {
    for (const config of [{}, { dashboard: 'everyone' }]) {
      const { app } = await appWith((scope) => {
        scope.get('/dashboard/forgotten', { config: config as object }, async () => 'secret');
      });
      await expect(app.ready()).rejects.toThrow(MissingDashboardAccessError);
      await app.close().catch(() => undefined);
    }
  });

  it('starts with declared routes, and a signed-in route added elsewhere still needs the session', async () => {
    const { app } = await appWith((scope) => {
      scope.get('/dashboard/extra', { config: { dashboard: 'signed-in' } }, async () => 'secret');
      scope.get('/elsewhere', async () => 'not ours');
    });
    await app.ready();
    const answer = await app.inject({ url: '/dashboard/extra', headers: cookie(d.tokens.province) });
    expect(answer.statusCode).toBe(303);
    expect(answer.body).not.toContain('secret');
    await app.close();
  });
});
