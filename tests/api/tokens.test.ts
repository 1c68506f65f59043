import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiFixture, apiFixture } from './support/api-fixture.ts';

let api: ApiFixture;
beforeAll(async () => {
  api = await apiFixture();
});
afterAll(() => api.close());

const create = (payload: object) => api.as('province', { method: 'POST', url: '/api/v1/tokens', payload });
const listed = async () =>
  (await api.as('province', { method: 'GET', url: '/api/v1/tokens' })).json().tokens as { id: string }[];
const withToken = (token: string, url: string) =>
  api.app.inject({ url, headers: { authorization: `Bearer ${token}` } });

describe('/tokens', () => {
  it('makes a city token, answered once, that reaches its region only', async () => {
    const response = await create({ role: 'city', region: '510700', name: '  绵阳市政府办公室 ' });
    expect(response.statusCode, response.body).toBe(201);
    const made = response.json();
    expect(made).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      role: 'city',
      region: '510700',
      name: '绵阳市政府办公室',
      createdAt: expect.stringMatching(/Z$/),
      token: expect.stringMatching(/^gi_/),
    });
    const sites = (await withToken(made.token, '/api/v1/sites')).json().sites;
    expect(sites.map((site: { id: string }) => site.id)).toEqual(['my-portal']);
    const list = await api.as('province', { method: 'GET', url: '/api/v1/tokens' });
    expect(list.body).not.toContain(made.token);
    expect(list.json().tokens).toContainEqual({
      id: made.id,
      role: 'city',
      region: '510700',
      name: '绵阳市政府办公室',
      createdAt: made.createdAt,
    });
  });

  it('makes a province token too', async () => {
    const made = (await create({ role: 'province' })).json();
    expect(made).toMatchObject({ role: 'province', region: null, name: null });
    expect((await withToken(made.token, '/api/v1/tokens')).statusCode).toBe(200);
  });

  it('revokes a token: it is refused from then on and no longer listed', async () => {
    const made = (await create({ role: 'city', region: '510100', name: '将吊销' })).json();
    expect((await withToken(made.token, '/api/v1/sites')).statusCode).toBe(200);
    const revoked = await api.as('province', { method: 'DELETE', url: `/api/v1/tokens/${made.id}` });
    expect(revoked.statusCode).toBe(204);
    expect((await withToken(made.token, '/api/v1/sites')).statusCode).toBe(401);
    expect((await listed()).map((t) => t.id)).not.toContain(made.id);
    const again = await api.as('province', { method: 'DELETE', url: `/api/v1/tokens/${made.id}` });
    expect(again.statusCode).toBe(404);
  });

  it('refuses to revoke the token that asks (409), so no office locks itself out', async () => {
    const own = (await api.store.tokens.verify(api.tokens.province))!;
    const response = await api.as('province', { method: 'DELETE', url: `/api/v1/tokens/${own.id}` });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('token-in-use');
    expect(await api.store.tokens.verify(api.tokens.province)).toEqual(own);
  });

  it.each([
    { name: 'no role', body: { region: '510100' }, field: 'role' },
    { name: 'an unknown role', body: { role: 'county' }, field: 'role' },
    { name: 'a city token without region', body: { role: 'city' }, field: 'region' },
    {
      name: 'a city token for the whole province',
      body: { role: 'city', region: '510000' },
      field: 'region',
    },
    { name: 'a short region', body: { role: 'city', region: '5101' }, field: 'region' },
    { name: 'a province token with a region', body: { role: 'province', region: '510100' }, field: 'region' },
    { name: 'an empty name', body: { role: 'province', name: '' }, field: 'name' },
    { name: 'a name too long', body: { role: 'province', name: '办'.repeat(101) }, field: 'name' },
    { name: 'an extra field', body: { role: 'province', expires: '2027-01-01' }, field: 'expires' },
  ])('answers $name with 400 naming $field, and makes no token', async ({ body, field }) => {
    const before = await listed();
    const response = await create(body);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'invalid-request', field, location: 'body' });
    expect(await listed()).toEqual(before);
  });

  it('answers a malformed token id 400 naming it', async () => {
    const response = await api.as('province', { method: 'DELETE', url: '/api/v1/tokens/gi_abc' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ field: 'id', location: 'params' });
  });
});
