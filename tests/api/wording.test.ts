import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiFixture, apiFixture, type Role } from './support/api-fixture.ts';

let api: ApiFixture;
beforeAll(async () => {
  api = await apiFixture();
});
afterAll(() => api.close());

const ENTRY = { wrong: '天府新去', correct: '天府新区', category: 'division', grade: '一般' };
const addEntry = (payload: object, role: Role = 'province') =>
  api.as(role, { method: 'POST', url: '/api/v1/wording/entries', payload });
const addException = (siteId: string, payload: object, role: Role = 'cityIn') =>
  api.as(role, { method: 'POST', url: `/api/v1/sites/${siteId}/wording-exceptions`, payload });
const exceptionsOf = async (siteId: string, role: Role = 'province') =>
  (await api.as(role, { method: 'GET', url: `/api/v1/sites/${siteId}/wording-exceptions` })).json();

describe('/wording/entries', () => {
  it('lets the province add an entry, trimmed, that every office reads, and delete it', async () => {
    const added = await addEntry({ ...ENTRY, wrong: ' 天府新去 ' });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      ...ENTRY,
      createdBy: 'province-office',
      createdAt: expect.stringMatching(/Z$/),
    });
    for (const role of ['province', 'cityIn', 'cityOut'] as const) {
      const list = await api.as(role, { method: 'GET', url: '/api/v1/wording/entries' });
      expect(list.json().entries, role).toEqual([added.json()]);
    }
    const url = `/api/v1/wording/entries/${added.json().id}`;
    expect((await api.as('province', { method: 'DELETE', url })).statusCode).toBe(204);
    expect((await api.as('province', { method: 'DELETE', url })).statusCode).toBe(404);
    expect(
      (await api.as('province', { method: 'GET', url: '/api/v1/wording/entries' })).json().entries,
    ).toEqual([]);
  });

  it('refuses city offices the writes (403)', async () => {
    expect((await addEntry(ENTRY, 'cityIn')).statusCode).toBe(403);
    const added = (await addEntry({ ...ENTRY, wrong: '锦江去', correct: '锦江区' })).json();
    const url = `/api/v1/wording/entries/${added.id}`;
    expect((await api.as('cityIn', { method: 'DELETE', url })).statusCode).toBe(403);
    expect((await api.as('none', { method: 'GET', url: '/api/v1/wording/entries' })).statusCode).toBe(401);
    await api.as('province', { method: 'DELETE', url });
  });

  it('answers 409 for a wrong form already kept or shipped', async () => {
    const first = await addEntry({ ...ENTRY, wrong: '青羊去', correct: '青羊区' });
    expect(first.statusCode).toBe(201);
    const again = await addEntry({ ...ENTRY, wrong: '青羊去', correct: '青羊' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'wording-duplicate',
      field: 'wrong',
      message: '已增补的词条中已有“青羊去”',
    });
    const shipped = await addEntry({ ...ENTRY, wrong: '卢州市', correct: '泸州市' });
    expect(shipped.statusCode).toBe(409);
    expect(shipped.json().error.message).toBe('系统内置词典已有“卢州市”（应为“泸州市”）');
  });

  const bad: [string, object, string][] = [
    [
      'an unknown category',
      { ...ENTRY, category: 'place' },
      'body.category：必须是 leader、organ、law、meeting、division、political-term 之一',
    ],
    ['an unknown grade', { ...ENTRY, grade: '轻微' }, 'body.grade：必须是 严重、一般 之一'],
    ['a blank wrong form', { ...ENTRY, wrong: '   ' }, 'body.wrong：错误表述不能为空'],
    ['a missing correct form', { wrong: '甲', category: 'law', grade: '一般' }, 'body.correct：缺少必填字段'],
    [
      'a correct form equal to the wrong one',
      { ...ENTRY, correct: '天府新去' },
      'body.correct：正确表述与错误表述相同',
    ],
    ['a form too long', { ...ENTRY, wrong: '错'.repeat(51) }, 'body.wrong：最多 50 个字符'],
    ['an unknown field', { ...ENTRY, allow: ['天府新去处'] }, 'body.allow：不允许的字段 allow'],
  ];
  it.each(bad)('answers 400 for %s, naming the field', async (_name, payload, message) => {
    const response = await addEntry(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'invalid-request', location: 'body', message });
  });

  it('answers 400 for an entry id that is no id', async () => {
    const response = await api.as('province', { method: 'DELETE', url: '/api/v1/wording/entries/x' });
    expect(response.statusCode).toBe(400);
  });
});

describe('/sites/:id/wording-exceptions', () => {
  const EXCEPTION = { text: '卢州市大酒店', reason: '企业登记名称' };

  it('lets an office keep its own sites’ exceptions, which the province sees too', async () => {
    const added = await addException('cd-portal', { ...EXCEPTION, reason: ' 企业登记名称 ' });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      siteId: 'cd-portal',
      ...EXCEPTION,
      createdBy: 'chengdu',
      createdAt: expect.stringMatching(/Z$/),
    });
    expect(await exceptionsOf('cd-portal')).toEqual({ siteId: 'cd-portal', exceptions: [added.json()] });
    expect(await exceptionsOf('cd-jinjiang', 'cityIn')).toEqual({ siteId: 'cd-jinjiang', exceptions: [] });
    const again = await addException('cd-portal', EXCEPTION);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'wording-duplicate', field: 'text' });
    // Another site may hold the same phrase.
    expect((await addException('cd-jinjiang', EXCEPTION)).statusCode).toBe(201);

    const url = `/api/v1/sites/cd-portal/wording-exceptions/${added.json().id}`;
    expect((await api.as('cityIn', { method: 'DELETE', url })).statusCode).toBe(204);
    expect((await api.as('cityIn', { method: 'DELETE', url })).statusCode).toBe(404);
    expect((await exceptionsOf('cd-portal')).exceptions).toEqual([]);
  });

  it('answers 404 for a site outside the office’s reach, as for one that does not exist', async () => {
    const chengdu = (await addException('cd-portal', { ...EXCEPTION, text: '攀技花园小区' })).json();
    for (const [method, url, payload] of [
      ['GET', '/api/v1/sites/cd-portal/wording-exceptions', undefined],
      ['POST', '/api/v1/sites/cd-portal/wording-exceptions', EXCEPTION],
      ['DELETE', `/api/v1/sites/cd-portal/wording-exceptions/${chengdu.id}`, undefined],
      ['GET', '/api/v1/sites/no-such-site/wording-exceptions', undefined],
    ] as const) {
      const response = await api.as(url.includes('no-such-site') ? 'province' : 'cityOut', {
        method,
        url,
        ...(payload ? { payload } : {}),
      });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    // Deleting through another site's address does not reach it either.
    const other = `/api/v1/sites/cd-jinjiang/wording-exceptions/${chengdu.id}`;
    expect((await api.as('province', { method: 'DELETE', url: other })).statusCode).toBe(404);
    expect((await exceptionsOf('cd-portal')).exceptions).toHaveLength(1);
    expect((await addException('my-portal', EXCEPTION, 'cityOut')).statusCode).toBe(201);
  });

  it.each([
    ['a blank text', { ...EXCEPTION, text: ' ' }, 'body.text：例外表述不能为空'],
    ['a blank reason', { ...EXCEPTION, reason: '  ' }, 'body.reason：请写明不属于错误的理由'],
    ['no reason', { text: '甲' }, 'body.reason：缺少必填字段'],
  ])('answers 400 for %s', async (_name, payload, message) => {
    const response = await addException('cd-portal', payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe(message);
  });
});
