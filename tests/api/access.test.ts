import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiFixture, apiFixture, type Role } from './support/api-fixture.ts';
import { CHENGDU_SITES, SITES, siteResult, sitesYaml } from './support/fixtures.ts';

let api: ApiFixture;
let chengduSweepId: string;
let provinceSweepId: string;

beforeAll(async () => {
  api = await apiFixture();
  const cd = await api.store.sweeps.create({
    id: 'sweep-cd',
    kind: 'adhoc',
    period: '2026Q2',
    siteIds: CHENGDU_SITES,
    now: '2026-05-10T00:00:00.000Z',
    region: '5101',
    requestedBy: 'test',
  });
  chengduSweepId = cd.id;
  await api.store.results.record(cd.id, siteResult('cd-portal', ['annual-report']));
  const all = await api.store.sweeps.create({
    id: 'sweep-all',
    kind: 'quarterly-patrol',
    period: '2026Q2',
    siteIds: SITES.map((site) => site.id),
    now: '2026-05-10T00:00:00.000Z',
    region: null,
    requestedBy: 'scheduler:quarterly-patrol',
  });
  provinceSweepId = all.id;
});
afterAll(() => api.close());

type Expected = Record<Role, number>;
const ANY_IN: Expected = { province: 200, cityIn: 200, cityOut: 404, none: 401, bad: 401 };
const READ_ALL: Expected = { province: 200, cityIn: 200, cityOut: 200, none: 401, bad: 401 };
const PROVINCE_ONLY: Expected = { province: 200, cityIn: 403, cityOut: 403, none: 401, bad: 401 };

const yamlBody = { headers: { 'content-type': 'application/yaml' }, payload: sitesYaml() };

/** contract §6, route by route; the Chengdu site cd-portal is the one in (or out of) reach. */
const ROUTES: {
  name: string;
  method: 'GET' | 'PUT' | 'POST';
  url: () => string;
  body?: object;
  expected: Expected;
}[] = [
  { name: 'PUT /sites', method: 'PUT', url: () => '/api/v1/sites', body: yamlBody, expected: PROVINCE_ONLY },
  { name: 'GET /sites', method: 'GET', url: () => '/api/v1/sites', expected: READ_ALL },
  { name: 'GET /sites/:id', method: 'GET', url: () => '/api/v1/sites/cd-portal', expected: ANY_IN },
  {
    name: 'GET /sites/:id/results',
    method: 'GET',
    url: () => '/api/v1/sites/cd-portal/results',
    expected: ANY_IN,
  },
  {
    name: 'POST /sweeps (siteIds)',
    method: 'POST',
    url: () => '/api/v1/sweeps',
    body: { payload: { kind: 'adhoc', siteIds: ['cd-portal'] } },
    expected: { ...ANY_IN, province: 202, cityIn: 202 },
  },
  {
    name: 'POST /sweeps (region)',
    method: 'POST',
    url: () => '/api/v1/sweeps',
    body: { payload: { kind: 'quarterly-patrol', region: '5101' } },
    expected: { province: 202, cityIn: 202, cityOut: 403, none: 401, bad: 401 },
  },
  {
    name: 'GET /sweeps/:id (Chengdu)',
    method: 'GET',
    url: () => `/api/v1/sweeps/${chengduSweepId}`,
    expected: ANY_IN,
  },
  {
    name: 'GET /sweeps/:id (whole province)',
    method: 'GET',
    url: () => `/api/v1/sweeps/${provinceSweepId}`,
    expected: { ...ANY_IN, cityIn: 404 },
  },
  {
    name: 'GET /results/quarterly/:period',
    method: 'GET',
    url: () => '/api/v1/results/quarterly/2026Q2',
    expected: READ_ALL,
  },
  {
    name: 'GET /results/semiannual/:period',
    method: 'GET',
    url: () => '/api/v1/results/semiannual/2026H1',
    expected: READ_ALL,
  },
];

const ROLES: Role[] = ['province', 'cityIn', 'cityOut', 'none', 'bad'];

describe('every route × role', () => {
  const cases = ROUTES.flatMap((route) =>
    ROLES.map((role) => ({ ...route, role, status: route.expected[role] })),
  );
  it.each(cases)('$name as $role → $status', async ({ method, url, body, role, status }) => {
    const response = await api.as(role, { method, url: url(), ...body });
    expect(response.statusCode, response.body).toBe(status);
    if (status >= 400) expect(response.json().error.code).toMatch(/^[a-z-]+$/);
    if (status === 401) expect(response.headers['www-authenticate']).toBe('Bearer');
  });
});

describe('reach', () => {
  it('lists only the sites in a city token’s region', async () => {
    const ids = async (role: Role) =>
      (await api.as(role, { method: 'GET', url: '/api/v1/sites' }))
        .json()
        .sites.map((s: { id: string }) => s.id);
    expect(await ids('province')).toEqual(SITES.map((site) => site.id));
    expect(await ids('cityIn')).toEqual(CHENGDU_SITES);
    expect(await ids('cityOut')).toEqual(['my-portal']);
  });

  it('answers an unknown site and a site out of reach alike (404)', async () => {
    const unknown = await api.as('cityOut', { method: 'GET', url: '/api/v1/sites/no-such-site' });
    const hidden = await api.as('cityOut', { method: 'GET', url: '/api/v1/sites/cd-portal' });
    expect([unknown.statusCode, hidden.statusCode]).toEqual([404, 404]);
    expect(hidden.json().error.code).toBe(unknown.json().error.code);
    const unknownSweep = await api.as('cityOut', {
      method: 'POST',
      url: '/api/v1/sweeps',
      payload: { kind: 'adhoc', siteIds: ['nope'] },
    });
    const hiddenSweep = await api.as('cityOut', {
      method: 'POST',
      url: '/api/v1/sweeps',
      payload: { kind: 'adhoc', siteIds: ['cd-portal'] },
    });
    expect([unknownSweep.statusCode, hiddenSweep.statusCode]).toEqual([404, 404]);
    expect(hiddenSweep.json().error.code).toBe(unknownSweep.json().error.code);
  });

  it('takes a city token’s region from the token: a sweep without region covers its region only', async () => {
    const response = await api.as('cityIn', {
      method: 'POST',
      url: '/api/v1/sweeps',
      payload: { kind: 'quarterly-patrol' },
    });
    expect(response.statusCode).toBe(202);
    const launch = api.launcher.launches.find((l) => l.sweep.id === response.json().id);
    expect(launch?.siteIds).toEqual(CHENGDU_SITES);
    expect(launch?.sweep.region).toBe('5101');
    expect(launch?.sweep.requestedBy).toBe('token:chengdu');
  });

  it('refuses a city token a region wider than its own', async () => {
    const response = await api.as('cityIn', {
      method: 'POST',
      url: '/api/v1/sweeps',
      payload: { kind: 'adhoc', region: '51' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.field).toBe('region');
  });

  it('lets a city token narrow its sweep to a district of its region', async () => {
    const response = await api.as('cityIn', {
      method: 'POST',
      url: '/api/v1/sweeps',
      payload: { kind: 'adhoc', region: '510104' },
    });
    expect(response.statusCode).toBe(202);
    expect(api.launcher.launches.at(-1)?.siteIds).toEqual(['cd-jinjiang']);
  });

  it('has the province sweep every site of a plan, the semi-annual check only city and department sites', async () => {
    const response = await api.as('province', {
      method: 'POST',
      url: '/api/v1/sweeps',
      payload: { kind: 'semiannual-check' },
    });
    expect(response.statusCode).toBe(202);
    expect(api.launcher.launches.at(-1)?.siteIds).toEqual(['sc-fgw', 'cd-portal', 'my-portal']);
    expect(api.launcher.launches.at(-1)?.sweep.period).toMatch(/^\d{4}H[12]$/);
  });
});
