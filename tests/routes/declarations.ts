import { randomUUID } from 'node:crypto';
import { load } from 'cheerio';
import { finaliseNotice } from '../../src/period-reports/finalise-notice.ts';
import { SITES, siteResult, sitesYaml } from '../api/support/fixtures.ts';
import { postFile } from '../dashboard/support/forms.ts';
import type { Role, RouteServer } from './route-server.ts';

/**
 * Who may call each route, declared next to it: the answer every role gets (province; a city token
 * whose region holds the Chengdu site or sweep asked for; one whose region does not; no token; a
 * token the store never made). 'login' is the dashboard's 303 to its sign-in page. A revoked token
 * is not declared: contract §6 makes it a bad token, so it gets the `bad` answer everywhere.
 */
export type Expected = Record<DeclaredRole, number | 'login'>;
export type DeclaredRole = Exclude<Role, 'revoked'>;

/** The answer a role gets: a revoked token's is the bad token's. */
export const expectedOf = (expected: Expected, role: Role): number | 'login' =>
  expected[role === 'revoked' ? 'bad' : role];

export interface RouteRequest {
  url: string;
  /** An API body (JSON unless `contentType` says otherwise). */
  payload?: object | string;
  contentType?: string;
  /** A dashboard form, posted from the dashboard's own page with the session's form token. */
  form?: Record<string, string | string[]>;
  /** A dashboard upload (multipart), likewise. */
  file?: { name: string; bytes: Buffer };
}

export interface RouteCase {
  /** What the case asks, when a route has several. */
  name?: string;
  /** Made afresh for each role: a case that deletes something deletes its own. */
  request(server: RouteServer): RouteRequest | Promise<RouteRequest>;
  expect: Expected;
}

const all = (answer: number | 'login'): Expected => ({
  province: answer,
  cityIn: answer,
  cityOut: answer,
  none: answer,
  bad: answer,
});
const api = (province: number, cityIn: number, cityOut: number): Expected => ({
  province,
  cityIn,
  cityOut,
  none: 401,
  bad: 401,
});
const page = (province: number, cityIn: number, cityOut: number): Expected => ({
  province,
  cityIn,
  cityOut,
  none: 'login',
  bad: 'login',
});

const PUBLIC = all(200);
/** Any token: city tokens read within their region, which the request's site or sweep lies in or not. */
const apiAny = (ok = 200) => api(ok, ok, ok);
const apiInReach = (ok = 200) => api(ok, ok, 404);
const apiProvince = (ok = 200) => api(ok, 403, 403);
const pageAny = (ok = 200) => page(ok, ok, ok);
const pageInReach = (ok = 200) => page(ok, ok, 404);
const pageProvince = (ok = 200) => page(ok, 403, 403);

const one = (url: string, expect: Expected, more: Omit<RouteRequest, 'url'> = {}): RouteCase[] => [
  { request: () => ({ url, ...more }), expect },
];

async function newToken(server: RouteServer): Promise<string> {
  return (await server.store.tokens.create({ role: 'city', region: '510500', name: '待吊销' })).record.id;
}

async function newWebhook(server: RouteServer): Promise<string> {
  const id = `wh_${randomUUID().slice(0, 12)}`;
  await server.store.webhooks.create({
    id,
    url: 'http://127.0.0.1:9/hook',
    secret: `whsec_${Buffer.alloc(32, 1).toString('base64')}`,
    events: ['sweep.completed'],
    region: null,
    createdBy: 'test',
  });
  return id;
}

async function newWordingEntry(server: RouteServer): Promise<string> {
  const wrong = `测试错字${randomUUID().slice(0, 8)}`;
  const entry = { wrong, correct: '测试正字', category: 'law', grade: '一般', createdBy: 'test' } as const;
  return (await server.store.wording.addEntry(entry))!.id;
}

async function newWordingException(server: RouteServer): Promise<string> {
  const text = `测试例外${randomUUID().slice(0, 8)}`;
  const exception = { siteId: 'cd-portal', text, reason: '测试', createdBy: 'test' };
  return (await server.store.wording.addException(exception))!.id;
}

async function failedDelivery(server: RouteServer): Promise<{ hook: string; delivery: string }> {
  const hook = await newWebhook(server);
  const delivery = `msg_${randomUUID().slice(0, 12)}`;
  await server.store.webhooks.recordDelivery({
    id: delivery,
    subscriptionId: hook,
    eventType: 'sweep.completed',
    payload: {},
  });
  await server.store.webhooks.recordAttempt(delivery, { status: 500, error: null, state: 'failed' });
  return { hook, delivery };
}

/** The registry's confirmation form, as the province's preview renders it for SITES with one name changed. */
async function confirmation(server: RouteServer): Promise<Record<string, string>> {
  const current = (await server.store.sites.get('sc-portal'))?.fullName;
  const renamed = SITES.map((site) =>
    site.id === 'sc-portal'
      ? { ...site, fullName: current === '四川省人民政府' ? '四川省人民政府网' : '四川省人民政府' }
      : site,
  );
  const preview = await postFile(server.app, server.tokens.province, '/dashboard/registry/preview', {
    name: 'sites.yaml',
    bytes: Buffer.from(sitesYaml(renamed)),
  });
  const $ = load(preview.body);
  return Object.fromEntries(
    $('form.confirm input[type=hidden]')
      .filter((_, input) => $(input).attr('name') !== '_csrf')
      .map((_, input) => [[$(input).attr('name'), $(input).attr('value')]])
      .get(),
  );
}

/**
 * A failing finding of its own on the Chengdu portal, in a result newer than the others: each role
 * appeals or decides one nobody has touched, and Chengdu's notice, which quotes its message, differs
 * from every version finalised before.
 */
async function freshFinding(server: RouteServer): Promise<string> {
  const sweepId = `sweep-${randomUUID().slice(0, 8)}`;
  await server.store.sweeps.create({
    id: sweepId,
    kind: 'adhoc',
    period: '2026Q2',
    siteIds: ['cd-portal'],
    now: '2026-05-11T00:00:00.000Z',
    region: '5101',
    requestedBy: 'test',
  });
  const result = siteResult('cd-portal', ['annual-report']);
  const check = result.checks.find((c) => c.ruleId === 'annual-report')!;
  const [finding] = check.findings;
  check.findings = [
    {
      ...finding!,
      url: `http://127.0.0.1:9/cd-portal/${sweepId}.html`,
      message: `${finding!.message}（${sweepId}）`,
    },
  ];
  await server.store.results.record(sweepId, result);
  const [stored] = await server.store.results.forSite('cd-portal', 1);
  return stored!.result.checks.find((c) => c.ruleId === 'annual-report')!.findings[0]!.id!;
}

/** A finalised version of Chengdu's notice of 2026Q2 (or its half-year), made afresh on a new result. */
async function finalisedChengdu(server: RouteServer, kind: 'quarterly' | 'semiannual'): Promise<number> {
  await freshFinding(server);
  const period = kind === 'quarterly' ? '2026Q2' : '2026H1';
  const at = new Date();
  const { version } = await finaliseNotice(server.store, { kind, period, region: '510100', by: 'test', at });
  return version.version;
}

/** Finalising Chengdu's notice: a new result first, so that the province's call makes a new version. */
const finaliseCase = (kind: 'quarterly' | 'semiannual', period: string): RouteCase[] => [
  {
    request: async (s) => {
      await freshFinding(s);
      return { url: `/api/v1/reports/${kind}/${period}/finalise`, payload: { region: '510100' } };
    },
    expect: apiProvince(201),
  },
];

const versionCase = (kind: 'quarterly' | 'semiannual', period: string): RouteCase[] => [
  {
    request: async (s) => ({
      url: `/api/v1/reports/${kind}/${period}/versions/${await finalisedChengdu(s, kind)}?format=csv&region=510100`,
    }),
    expect: api(200, 200, 403),
  },
];

const yaml = { payload: sitesYaml(), contentType: 'application/yaml' };

/** Every route of the service, by `METHOD url` as Fastify registers it. HEAD routes answer as their GET. */
export const DECLARED: Record<string, RouteCase[]> = {
  // OpenAPI and health: public.
  'GET /docs': one('/docs', PUBLIC),
  // Swagger UI sends its index page's old address on to /docs.
  'GET /docs/static/index.html': one('/docs/static/index.html', all(302)),
  'GET /docs/static/swagger-initializer.js': one('/docs/static/swagger-initializer.js', PUBLIC),
  'GET /docs/json': one('/docs/json', PUBLIC),
  'GET /docs/yaml': one('/docs/yaml', PUBLIC),
  'GET /docs/static/*': one('/docs/static/swagger-ui.css', PUBLIC),
  'GET /health': one('/health', PUBLIC),

  // The API (contract §6).
  'GET /api/v1/sites': one('/api/v1/sites', apiAny()),
  'PUT /api/v1/sites': [
    { name: 'replace', request: () => ({ url: '/api/v1/sites', ...yaml }), expect: apiProvince() },
    {
      name: 'dry run',
      request: () => ({ url: '/api/v1/sites?dryRun=true', ...yaml }),
      expect: apiProvince(),
    },
  ],
  'GET /api/v1/sites/:id': one('/api/v1/sites/cd-portal', apiInReach()),
  'GET /api/v1/sites/:id/results': one('/api/v1/sites/cd-portal/results', apiInReach()),
  'POST /api/v1/sweeps': [
    {
      name: 'Chengdu sites',
      request: () => ({ url: '/api/v1/sweeps', payload: { kind: 'adhoc', siteIds: ['cd-portal'] } }),
      expect: apiInReach(202),
    },
    {
      name: 'Chengdu',
      request: () => ({ url: '/api/v1/sweeps', payload: { kind: 'quarterly-patrol', region: '5101' } }),
      expect: api(202, 202, 403),
    },
    {
      name: 'own region',
      request: () => ({ url: '/api/v1/sweeps', payload: { kind: 'adhoc' } }),
      expect: apiAny(202),
    },
  ],
  'GET /api/v1/sweeps/:id': [
    {
      name: 'Chengdu',
      request: (s) => ({ url: `/api/v1/sweeps/${s.sweeps.chengdu}` }),
      expect: apiInReach(),
    },
    {
      name: 'whole province',
      request: (s) => ({ url: `/api/v1/sweeps/${s.sweeps.province}` }),
      expect: api(200, 404, 404),
    },
  ],
  'GET /api/v1/results/quarterly/:period': one('/api/v1/results/quarterly/2026Q2', apiAny()),
  'GET /api/v1/results/semiannual/:period': one('/api/v1/results/semiannual/2026H1', apiAny()),
  'GET /api/v1/reports/quarterly/:period': [
    {
      name: 'own region',
      request: () => ({ url: '/api/v1/reports/quarterly/2026Q2?format=csv' }),
      expect: apiAny(),
    },
    {
      name: 'Chengdu',
      request: () => ({ url: '/api/v1/reports/quarterly/2026Q2?format=csv&region=510100' }),
      expect: api(200, 200, 403),
    },
  ],
  'GET /api/v1/reports/semiannual/:period': one('/api/v1/reports/semiannual/2026H1?format=csv', apiAny()),
  'POST /api/v1/reports/quarterly/:period/finalise': finaliseCase('quarterly', '2026Q2'),
  'POST /api/v1/reports/semiannual/:period/finalise': finaliseCase('semiannual', '2026H1'),
  'GET /api/v1/reports/quarterly/:period/versions': [
    {
      name: 'own region',
      request: () => ({ url: '/api/v1/reports/quarterly/2026Q2/versions' }),
      expect: apiAny(),
    },
    {
      name: 'Chengdu',
      request: () => ({ url: '/api/v1/reports/quarterly/2026Q2/versions?region=510100' }),
      expect: api(200, 200, 403),
    },
  ],
  'GET /api/v1/reports/semiannual/:period/versions': one(
    '/api/v1/reports/semiannual/2026H1/versions',
    apiAny(),
  ),
  'GET /api/v1/reports/quarterly/:period/versions/:version': versionCase('quarterly', '2026Q2'),
  'GET /api/v1/reports/semiannual/:period/versions/:version': versionCase('semiannual', '2026H1'),
  'GET /api/v1/findings': [
    { name: 'own reach', request: () => ({ url: '/api/v1/findings?period=2026Q2' }), expect: apiAny() },
    {
      name: 'a Chengdu site',
      request: () => ({ url: '/api/v1/findings?period=2026Q2&siteId=cd-portal' }),
      expect: apiInReach(),
    },
  ],
  'POST /api/v1/findings/:id/appeals': [
    {
      request: async (s) => ({
        url: `/api/v1/findings/${await freshFinding(s)}/appeals`,
        payload: { reason: '栏目页已有年度报表' },
      }),
      expect: apiInReach(201),
    },
  ],
  'POST /api/v1/findings/:id/decisions': [
    {
      request: async (s) => ({
        url: `/api/v1/findings/${await freshFinding(s)}/decisions`,
        payload: { verdict: 'overturned', reason: '人工核实已公开' },
      }),
      expect: apiProvince(201),
    },
  ],
  'POST /api/v1/findings/decisions': [
    {
      request: async (s) => ({
        url: '/api/v1/findings/decisions',
        payload: { findings: [{ id: await freshFinding(s) }], verdict: 'upheld', reason: '复核属实' },
      }),
      expect: apiProvince(201),
    },
  ],
  'GET /api/v1/findings/:id/history': [
    {
      request: async (s) => ({ url: `/api/v1/findings/${await freshFinding(s)}/history` }),
      expect: apiInReach(),
    },
  ],
  'GET /api/v1/tokens': one('/api/v1/tokens', apiProvince()),
  'POST /api/v1/tokens': one('/api/v1/tokens', apiProvince(201), {
    payload: { role: 'city', region: '510100' },
  }),
  'DELETE /api/v1/tokens/:id': [
    { request: async (s) => ({ url: `/api/v1/tokens/${await newToken(s)}` }), expect: apiProvince(204) },
  ],
  'GET /api/v1/wording/entries': one('/api/v1/wording/entries', apiAny()),
  'POST /api/v1/wording/entries': [
    {
      request: () => ({
        url: '/api/v1/wording/entries',
        payload: {
          wrong: `测试错字${randomUUID().slice(0, 8)}`,
          correct: '测试正字',
          category: 'law',
          grade: '一般',
        },
      }),
      expect: apiProvince(201),
    },
  ],
  'DELETE /api/v1/wording/entries/:id': [
    {
      request: async (s) => ({ url: `/api/v1/wording/entries/${await newWordingEntry(s)}` }),
      expect: apiProvince(204),
    },
  ],
  'GET /api/v1/sites/:id/wording-exceptions': one('/api/v1/sites/cd-portal/wording-exceptions', apiInReach()),
  'POST /api/v1/sites/:id/wording-exceptions': [
    {
      request: () => ({
        url: '/api/v1/sites/cd-portal/wording-exceptions',
        payload: { text: `测试例外${randomUUID().slice(0, 8)}`, reason: '测试' },
      }),
      expect: apiInReach(201),
    },
  ],
  'DELETE /api/v1/sites/:id/wording-exceptions/:exceptionId': [
    {
      request: async (s) => ({
        url: `/api/v1/sites/cd-portal/wording-exceptions/${await newWordingException(s)}`,
      }),
      expect: apiInReach(204),
    },
  ],
  'GET /api/v1/webhooks': one('/api/v1/webhooks', apiProvince()),
  'POST /api/v1/webhooks': one('/api/v1/webhooks', apiProvince(201), {
    payload: { url: 'http://127.0.0.1:9/hook', events: ['sweep.completed'] },
  }),
  'DELETE /api/v1/webhooks/:id': [
    { request: async (s) => ({ url: `/api/v1/webhooks/${await newWebhook(s)}` }), expect: apiProvince(204) },
  ],
  'GET /api/v1/webhooks/:id/deliveries': [
    {
      request: async (s) => ({ url: `/api/v1/webhooks/${await newWebhook(s)}/deliveries` }),
      expect: apiProvince(),
    },
  ],
  'POST /api/v1/webhooks/deliveries/:deliveryId/redeliver': [
    {
      request: async (s) => ({
        url: `/api/v1/webhooks/deliveries/${(await failedDelivery(s)).delivery}/redeliver`,
      }),
      expect: apiProvince(202),
    },
  ],

  // The dashboards: assets and sign-in are public; a signed-in session is asked of everything else.
  'GET /dashboard/assets/chart.js': one('/dashboard/assets/chart.js', PUBLIC),
  'GET /dashboard/assets/charts.js': one('/dashboard/assets/charts.js', PUBLIC),
  'GET /dashboard/assets/sweep.js': one('/dashboard/assets/sweep.js', PUBLIC),
  'GET /dashboard/assets/copy.js': one('/dashboard/assets/copy.js', PUBLIC),
  'GET /dashboard/assets/icon.svg': one('/dashboard/assets/icon.svg', PUBLIC),
  'GET /dashboard/assets/dashboard.css': one('/dashboard/assets/dashboard.css', PUBLIC),
  // Signed in already: on to the dashboard.
  'GET /dashboard/login': one('/dashboard/login', { ...all(303), none: 200, bad: 200 }),
  'POST /dashboard/login': [
    { request: (s) => ({ url: '/dashboard/login', form: { token: s.tokens.cityIn } }), expect: all(303) },
  ],
  'POST /dashboard/logout': one('/dashboard/logout', all('login'), { form: {} }),
  'GET /dashboard': one('/dashboard', pageAny()),
  'GET /dashboard/sites/:id': one('/dashboard/sites/cd-portal', pageInReach()),
  'GET /dashboard/sweeps': one('/dashboard/sweeps', pageAny()),
  'GET /dashboard/sweeps/:id': [
    { request: (s) => ({ url: `/dashboard/sweeps/${s.sweeps.chengdu}` }), expect: pageInReach() },
  ],
  'GET /dashboard/sweeps/:id/progress.json': [
    {
      request: (s) => ({ url: `/dashboard/sweeps/${s.sweeps.chengdu}/progress.json` }),
      expect: pageInReach(),
    },
  ],
  'GET /dashboard/evidence/:sweepId/:siteId/header.png': [
    {
      request: (s) => ({ url: `/dashboard/evidence/${s.sweeps.chengdu}/cd-portal/header.png` }),
      expect: pageInReach(),
    },
  ],
  'GET /dashboard/reports/:plan/:period': one('/dashboard/reports/quarterly/2026Q2?format=csv', pageAny()),

  // The operator console.
  'GET /dashboard/sweeps/new': one('/dashboard/sweeps/new', pageAny()),
  'POST /dashboard/sweeps': one('/dashboard/sweeps', pageInReach(303), {
    form: { kind: 'adhoc', scope: 'sites', siteIds: 'cd-portal' },
  }),
  'GET /dashboard/review': one('/dashboard/review?period=2026Q2', pageProvince()),
  'POST /dashboard/review/decisions': [
    {
      request: async (s) => ({
        url: '/dashboard/review/decisions',
        form: {
          finding: await freshFinding(s),
          verdict: 'overturned',
          reason: '人工核实已公开',
          period: '2026Q2',
        },
      }),
      expect: pageProvince(303),
    },
  ],
  'GET /dashboard/findings': one('/dashboard/findings?period=2026Q2', pageAny()),
  'POST /dashboard/findings/:id/appeals': [
    {
      request: async (s) => ({
        url: `/dashboard/findings/${await freshFinding(s)}/appeals`,
        form: { reason: '栏目页已有年度报表', period: '2026Q2' },
      }),
      expect: pageInReach(303),
    },
  ],
  'GET /dashboard/registry': one('/dashboard/registry', pageProvince()),
  'POST /dashboard/registry/preview': one('/dashboard/registry/preview', pageProvince(), {
    file: { name: 'sites.yaml', bytes: Buffer.from(sitesYaml(SITES.slice(0, 4))) },
  }),
  'POST /dashboard/registry': [
    {
      request: async (s) => ({ url: '/dashboard/registry', form: await confirmation(s) }),
      expect: pageProvince(303),
    },
  ],
  'GET /dashboard/tokens': one('/dashboard/tokens', pageProvince()),
  'POST /dashboard/tokens': one('/dashboard/tokens', pageProvince(), {
    form: { role: 'city', region: '510300' },
  }),
  'POST /dashboard/tokens/:id/revoke': [
    {
      request: async (s) => ({ url: `/dashboard/tokens/${await newToken(s)}/revoke`, form: {} }),
      expect: pageProvince(303),
    },
  ],
  'GET /dashboard/wording': one('/dashboard/wording', pageAny()),
  'POST /dashboard/wording/entries': [
    {
      request: () => ({
        url: '/dashboard/wording/entries',
        form: {
          wrong: `测试错字${randomUUID().slice(0, 8)}`,
          correct: '测试正字',
          category: 'law',
          grade: '一般',
        },
      }),
      expect: pageProvince(303),
    },
  ],
  'POST /dashboard/wording/entries/:id/delete': [
    {
      request: async (s) => ({
        url: `/dashboard/wording/entries/${await newWordingEntry(s)}/delete`,
        form: {},
      }),
      expect: pageProvince(303),
    },
  ],
  'POST /dashboard/wording/exceptions': [
    {
      request: () => ({
        url: '/dashboard/wording/exceptions',
        form: { siteId: 'cd-portal', text: `测试例外${randomUUID().slice(0, 8)}`, reason: '测试' },
      }),
      expect: pageInReach(303),
    },
  ],
  'POST /dashboard/wording/exceptions/:siteId/:id/delete': [
    {
      request: async (s) => ({
        url: `/dashboard/wording/exceptions/cd-portal/${await newWordingException(s)}/delete`,
        form: {},
      }),
      expect: pageInReach(303),
    },
  ],
  'GET /dashboard/webhooks': one('/dashboard/webhooks', pageProvince()),
  'POST /dashboard/webhooks': one('/dashboard/webhooks', pageProvince(), {
    form: { url: 'http://127.0.0.1:9/hook', events: 'sweep.completed' },
  }),
  'POST /dashboard/webhooks/:id/delete': [
    {
      request: async (s) => ({ url: `/dashboard/webhooks/${await newWebhook(s)}/delete`, form: {} }),
      expect: pageProvince(303),
    },
  ],
  'GET /dashboard/webhooks/:id': [
    { request: async (s) => ({ url: `/dashboard/webhooks/${await newWebhook(s)}` }), expect: pageProvince() },
  ],
  'GET /dashboard/notices': one('/dashboard/notices?kind=quarterly&period=2026Q2', pageAny()),
  'POST /dashboard/notices/finalise': [
    {
      request: async (s) => {
        await freshFinding(s);
        return {
          url: '/dashboard/notices/finalise',
          form: { kind: 'quarterly', period: '2026Q2', region: '510100' },
        };
      },
      expect: pageProvince(303),
    },
  ],
  'GET /dashboard/notices/:kind/:period/versions/:version': [
    {
      request: async (s) => ({
        url: `/dashboard/notices/quarterly/2026Q2/versions/${await finalisedChengdu(s, 'quarterly')}?format=csv&region=510100`,
      }),
      expect: page(200, 200, 403),
    },
  ],
  'POST /dashboard/webhooks/:id/deliveries/:deliveryId/redeliver': [
    {
      request: async (s) => {
        const { hook, delivery } = await failedDelivery(s);
        return { url: `/dashboard/webhooks/${hook}/deliveries/${delivery}/redeliver`, form: {} };
      },
      expect: pageProvince(303),
    },
  ],
};
