import Fastify, { type FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MissingAccessRuleError } from '../../src/api/access.ts';
import { app as appPlugin, buildApp } from '../../src/api/app.ts';
import type { ResultsStore } from '../../src/store/store.ts';
import { type ApiFixture, apiFixture, openEmbeddedStore } from './support/api-fixture.ts';
import { RecordingLauncher } from './support/launchers.ts';

let store: ResultsStore;
let api: ApiFixture | undefined;
beforeAll(async () => {
  store = await openEmbeddedStore();
});
afterAll(() => store.close());
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const deps = () => ({
  store,
  launcher: new RecordingLauncher(),
  queueHealth: async () => true,
  rateLimit: false as const,
});

/** Why the server did not start: a route refused as it was declared, or `ready()` rejected. */
async function startError(
  server: FastifyInstance,
  declare: (server: FastifyInstance) => unknown,
): Promise<unknown> {
  try {
    await declare(server);
    await server.ready();
  } catch (error) {
    return error;
  } finally {
    await server.close().catch(() => undefined);
  }
  return undefined;
}

describe('deny by default', () => {
  it('refuses to start when a route under /api/v1 has no access rule', async () => {
    const server = await buildApp({ ...deps(), log: pino({ level: 'silent' }) });
    const error = await startError(server, (s) => s.get('/api/v1/leak', async () => ({ secret: true })));
    expect(error).toBeInstanceOf(MissingAccessRuleError);
    expect(String(error)).toMatch(/GET \/api\/v1\/leak has no access rule/);
  });

  it('refuses it in a plugin, and at ready() — however deep the route is declared', async () => {
    const server = Fastify({ logger: false });
    await server.register(appPlugin, deps());
    // Not awaited: the plugin loads during ready(), which must reject.
    void server.register(
      async (child) => {
        child.post('/things', async () => ({}));
      },
      { prefix: '/api/v1/admin' },
    );
    await expect(server.ready()).rejects.toThrow(/POST \/api\/v1\/admin\/things has no access rule/);
    await server.close().catch(() => undefined);
  });

  it('refuses an access rule it does not know', async () => {
    const server = await buildApp({ ...deps(), log: pino({ level: 'silent' }) });
    const typo = { access: 'everyone' } as unknown as { access: 'any' };
    const error = await startError(server, (s) => s.get('/api/v1/typo', { config: typo }, async () => ({})));
    expect(error).toBeInstanceOf(MissingAccessRuleError);
  });

  it('authenticates every /api/v1 route, even one declared beside the app, and leaves other routes alone', async () => {
    const server = await buildApp({ ...deps(), log: pino({ level: 'silent' }) });
    server.get('/api/v1/ping', { config: { access: 'province' } }, async () => ({ pong: true }));
    server.get('/metrics', async () => 'ok');
    await server.ready();
    expect((await server.inject({ method: 'GET', url: '/api/v1/ping' })).statusCode).toBe(401);
    const { token } = await store.tokens.create({ role: 'city', region: '510100', name: null });
    const city = await server.inject({
      method: 'GET',
      url: '/api/v1/ping',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(city.statusCode).toBe(403);
    expect((await server.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(200);
    await server.close();
  });
});

describe('rate limiting', () => {
  it('answers 429 past the limit, per token', async () => {
    api = await apiFixture({ store, rateLimit: { max: 3, timeWindow: 60_000 } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await api.as('cityIn', { method: 'GET', url: '/api/v1/sites' })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await api.as('cityIn', { method: 'GET', url: '/api/v1/sites' });
    expect(limited.json().error.code).toBe('rate-limited');
    expect(limited.headers['retry-after']).toBeDefined();
    // Another token has its own allowance.
    expect((await api.as('province', { method: 'GET', url: '/api/v1/sites' })).statusCode).toBe(200);
  });

  it('limits requests without a token by address', async () => {
    api = await apiFixture({ store, rateLimit: { max: 2, timeWindow: 60_000 } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await api.as('none', { method: 'GET', url: '/api/v1/sites' })).statusCode);
    expect(statuses).toEqual([401, 401, 429]);
    expect((await api.as('none', { method: 'GET', url: '/health' })).statusCode).toBe(200);
  });
});

describe('security headers', () => {
  it('sends a locked-down policy with every API answer, errors included', async () => {
    api = await apiFixture({ store });
    for (const response of [
      await api.as('province', { method: 'GET', url: '/api/v1/sites' }),
      await api.as('none', { method: 'GET', url: '/api/v1/sites' }),
      await api.as('none', { method: 'GET', url: '/nowhere' }),
    ]) {
      expect(response.headers['content-security-policy']).toContain("default-src 'none'");
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['strict-transport-security']).toContain('max-age=');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('gives /docs a policy that lets Swagger UI load its own scripts and styles, over plain HTTP too', async () => {
    api = await apiFixture({ store });
    const page = await api.as('none', { method: 'GET', url: '/docs/' });
    expect(page.statusCode).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).toMatch(/style-src 'self'/);
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('OpenAPI at /docs', () => {
  it('serves the JSON with every route of contract §6, its statuses and bearer auth', async () => {
    api = await apiFixture({ store });
    const response = await api.as('none', { method: 'GET', url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    const spec = response.json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(spec.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const routes = Object.entries(spec.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual(
      [
        'GET /health',
        'GET /api/v1/sites',
        'PUT /api/v1/sites',
        'GET /api/v1/sites/{id}',
        'GET /api/v1/sites/{id}/results',
        'POST /api/v1/sweeps',
        'GET /api/v1/sweeps/{id}',
        'GET /api/v1/results/quarterly/{period}',
        'GET /api/v1/results/semiannual/{period}',
        'GET /api/v1/reports/quarterly/{period}',
        'GET /api/v1/reports/semiannual/{period}',
        'POST /api/v1/reports/quarterly/{period}/finalise',
        'POST /api/v1/reports/semiannual/{period}/finalise',
        'GET /api/v1/reports/quarterly/{period}/versions',
        'GET /api/v1/reports/semiannual/{period}/versions',
        'GET /api/v1/reports/quarterly/{period}/versions/{version}',
        'GET /api/v1/reports/semiannual/{period}/versions/{version}',
        'GET /api/v1/tokens',
        'POST /api/v1/tokens',
        'DELETE /api/v1/tokens/{id}',
        'GET /api/v1/findings',
        'POST /api/v1/findings/{id}/appeals',
        'POST /api/v1/findings/{id}/decisions',
        'POST /api/v1/findings/decisions',
        'GET /api/v1/findings/{id}/history',
        'GET /api/v1/wording/entries',
        'POST /api/v1/wording/entries',
        'DELETE /api/v1/wording/entries/{id}',
        'GET /api/v1/sites/{id}/wording-exceptions',
        'POST /api/v1/sites/{id}/wording-exceptions',
        'DELETE /api/v1/sites/{id}/wording-exceptions/{exceptionId}',
      ].sort(),
    );
    const post = spec.paths['/api/v1/sweeps'].post;
    expect(Object.keys(post.responses)).toEqual(
      expect.arrayContaining(['202', '400', '401', '403', '404', '429', '503']),
    );
    expect(post.requestBody.content['application/json'].schema.properties.kind.enum).toEqual([
      'quarterly-patrol',
      'semiannual-check',
      'adhoc',
    ]);
    expect(Object.keys(spec.paths['/api/v1/sites'].put.requestBody.content)).toEqual(
      expect.arrayContaining(['application/yaml', 'text/yaml', 'application/json']),
    );
    expect(spec.paths['/health'].get.security).toEqual([]);
    expect(spec.security).toEqual([{ bearer: [] }]);
  });

  it('serves Swagger UI at /docs', async () => {
    api = await apiFixture({ store });
    const page = await api.as('none', { method: 'GET', url: '/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger-ui');
    const initializer = await api.as('none', { method: 'GET', url: '/docs/static/swagger-initializer.js' });
    expect(initializer.statusCode).toBe(200);
  });
});

describe('request logs', () => {
  it('logs each request through the given pino logger, never the token', async () => {
    api = await apiFixture({ store });
    await api.as('province', { method: 'GET', url: '/api/v1/sites', headers: { 'x-trace': 'abc' } });
    await api.as('bad', { method: 'GET', url: '/api/v1/sites' });
    const lines = api.logLines.map((line) => JSON.parse(line));
    const completed = lines.filter((line) => line.msg === 'request completed');
    expect(completed.map((line) => line.res.statusCode)).toEqual([200, 401]);
    expect(lines.every((line) => line.component === 'api')).toBe(true);
    const all = api.logLines.join('\n');
    expect(all).not.toContain(api.tokens.province);
    expect(all).not.toContain('not-a-real-token');
  });
});
