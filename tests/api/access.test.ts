import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiFixture, apiFixture, type Role } from './support/api-fixture.ts';
import { CHENGDU_SITES, SITES } from './support/fixtures.ts';

// Who may call each route, role by role: tests/routes/route-matrix.test.ts. Here: what reach means.
let api: ApiFixture;

beforeAll(async () => {
  api = await apiFixture();
});
afterAll(() => api.close());

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
