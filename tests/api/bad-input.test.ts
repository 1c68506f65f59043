import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiFixture, apiFixture } from './support/api-fixture.ts';
import { SITES, sitesYaml } from './support/fixtures.ts';

let api: ApiFixture;
beforeAll(async () => {
  api = await apiFixture();
});
afterAll(() => api.close());

const put = (contentType: string, payload: string) =>
  api.as('province', {
    method: 'PUT',
    url: '/api/v1/sites',
    headers: { 'content-type': contentType },
    payload,
  });
const post = (payload: unknown) =>
  api.as('province', { method: 'POST', url: '/api/v1/sweeps', payload: payload as object });
const registryIds = async () => (await api.store.sites.list()).map((site) => site.id);

describe('PUT /sites with a bad sites file', () => {
  const BAD_YAML = [
    'sites:',
    '  - id: good-one',
    '    fullName: 成都市人民政府',
    '    homepage: https://www.chengdu.gov.cn/',
    '    level: city',
    '    kind: portal',
    '    region: "510100"',
    '  - id: good-one',
    '    fullName: 某某',
    '    homepage: ftp://example/',
    '    level: town',
    '    kind: portal',
    '    region: "510100"',
  ].join('\n');

  it('answers 400 with every problem and its line, and imports nothing', async () => {
    const before = await registryIds();
    const response = await put('application/yaml', BAD_YAML);
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('invalid-sites-file');
    const problems = error.problems.map((p: { line: number; field: string }) => [p.line, p.field]);
    expect(problems).toEqual(
      expect.arrayContaining([
        [8, 'sites[1].id'],
        [10, 'sites[1].homepage'],
        [11, 'sites[1].level'],
      ]),
    );
    expect(error.message).toContain('第 11 行');
    expect(await registryIds()).toEqual(before);
  });

  it('reports a YAML syntax error with its line', async () => {
    const response = await put('text/yaml', 'sites:\n  - id: a\n   bad: [unclosed\n');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.problems[0].line).toBeGreaterThan(0);
  });

  it('reads JSON as text, so JSON problems carry their line too', async () => {
    const json = JSON.stringify({ sites: [{ ...SITES[0], level: 'galaxy' }] }, null, 2);
    const response = await put('application/json', json);
    expect(response.statusCode).toBe(400);
    const problem = response.json().error.problems[0];
    expect(problem.field).toBe('sites[0].level');
    expect(problem.line).toBe(json.split('\n').findIndex((line) => line.includes('galaxy')) + 1);
  });

  it('refuses an empty body (400) and a media type that is not a sites file (415)', async () => {
    expect((await put('application/yaml', '')).statusCode).toBe(400);
    const text = await put('text/plain', 'id,fullName\n');
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe('unsupported-media-type');
  });

  it('accepts a good file as JSON or YAML and replaces the registry', async () => {
    const response = await put('application/json', JSON.stringify({ sites: SITES.slice(0, 2) }));
    expect(response.json()).toMatchObject({ imported: 2, dryRun: false });
    expect(await registryIds()).toEqual(['sc-portal', 'sc-fgw']);
    expect((await put('application/yaml', sitesYaml())).json()).toMatchObject({ imported: SITES.length });
  });
});

describe('POST /sweeps with a bad body', () => {
  it.each([
    { name: 'an unknown kind', body: { kind: 'monthly' }, field: 'kind' },
    { name: 'no kind', body: { siteIds: ['cd-portal'] }, field: 'kind' },
    { name: 'an extra field', body: { kind: 'adhoc', priority: 'high' }, field: 'priority' },
    { name: 'a bad region', body: { kind: 'adhoc', region: '5101x' }, field: 'region' },
    { name: 'an odd-length region', body: { kind: 'adhoc', region: '510' }, field: 'region' },
    { name: 'a region that is a number', body: { kind: 'adhoc', region: 5101 }, field: 'region' },
    { name: 'a bad site id', body: { kind: 'adhoc', siteIds: ['cd-portal', 'Bad Id'] }, field: 'siteIds[1]' },
    { name: 'an empty site list', body: { kind: 'adhoc', siteIds: [] }, field: 'siteIds' },
    { name: 'siteIds not a list', body: { kind: 'adhoc', siteIds: 'cd-portal' }, field: 'siteIds' },
  ])('$name → 400 naming $field', async ({ body, field }) => {
    const launches = api.launcher.launches.length;
    const response = await post(body);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'invalid-request', field, location: 'body' });
    expect(response.json().error.message).toContain(field);
    expect(api.launcher.launches).toHaveLength(launches);
  });

  it('refuses a body that is not JSON, or not an object', async () => {
    const broken = await api.as('province', {
      method: 'POST',
      url: '/api/v1/sweeps',
      headers: { 'content-type': 'application/json' },
      payload: '{"kind":',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('invalid-request');
    expect((await post(['adhoc'])).statusCode).toBe(400);
  });

  it('answers an unknown site 404 and a region with no site 400', async () => {
    const unknown = await post({ kind: 'adhoc', siteIds: ['no-such-site'] });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({ code: 'unknown-site', field: 'siteIds' });
    const empty = await post({ kind: 'adhoc', region: '5120' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('no-sites');
  });
});

describe('bad params and query strings', () => {
  it.each([
    ['/api/v1/results/quarterly/2026Q5', 'period'],
    ['/api/v1/results/quarterly/2026H1', 'period'],
    ['/api/v1/results/semiannual/2026Q1', 'period'],
    ['/api/v1/results/semiannual/26H1', 'period'],
    ['/api/v1/sites/Not_A_Slug', 'id'],
    ['/api/v1/sites/cd-portal/results?limit=0', 'limit'],
    ['/api/v1/sites/cd-portal/results?limit=lots', 'limit'],
    ['/api/v1/sites/cd-portal/results?offset=3', 'offset'],
  ])('%s → 400 naming %s', async (url, field) => {
    const response = await api.as('province', { method: 'GET', url });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'invalid-request', field });
  });

  it('checks the token before the input: a bad body without a token is 401', async () => {
    const response = await api.as('none', {
      method: 'POST',
      url: '/api/v1/sweeps',
      payload: { kind: 'monthly' },
    });
    expect(response.statusCode).toBe(401);
  });
});
