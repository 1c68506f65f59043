import { randomUUID } from 'node:crypto';
import { load } from 'cheerio';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SITES } from '../api/support/fixtures.ts';
import { type RunningRedis, startRedis } from '../support/redis.ts';
import { type DashboardApp, dashboardApp } from './support/dashboard-app.ts';
import { ownPage, postFile, postForm } from './support/forms.ts';
import { siteRow, sitesWorkbook } from './support/sites-files.ts';

let d: DashboardApp;
let redis: RunningRedis;

beforeAll(async () => {
  redis = await startRedis();
  d = await dashboardApp({
    webhooks: { redisUrl: redis.url, queuePrefix: `console-${randomUUID().slice(0, 8)}` },
  });
  await d.app.ready();
});
afterAll(async () => {
  await d?.close();
  await redis?.stop();
});
beforeEach(() => d.store.sites.replaceAll(SITES));

const get = (url: string, token: string) =>
  d.app.inject({ url, headers: { cookie: `gov_inspect_session=${token}` } });
/** The confirmation form's fields but its form token, which postForm adds. */
const confirmFields = ($: ReturnType<typeof load>): Record<string, string> =>
  Object.fromEntries(
    $('form.confirm input[type=hidden]')
      .filter((_, input) => $(input).attr('name') !== '_csrf')
      .map((_, input) => [[$(input).attr('name'), $(input).attr('value')]])
      .get(),
  );
const ids = async () => (await d.store.sites.list()).map((site) => site.id);

describe('navigation', () => {
  it('shows the province its console pages, and a city only what it may do', async () => {
    const nav = async (token: string) =>
      load((await get('/dashboard/', token)).body)('header nav a')
        .map((_, a) => load(a).text())
        .get();
    expect(await nav(d.tokens.province)).toEqual([
      '检查批次',
      '发起检查',
      '复核',
      '通报',
      '错敏字词典',
      '站点登记',
      '访问令牌',
      '推送订阅',
    ]);
    expect(await nav(d.tokens.chengdu)).toEqual(['检查批次', '发起检查', '本地区问题', '通报', '错敏字词典']);
  });

  it('refuses a city token the province’s pages (403)', async () => {
    for (const url of ['/dashboard/registry', '/dashboard/tokens', '/dashboard/webhooks']) {
      const answer = await get(url, d.tokens.chengdu);
      expect(answer.statusCode, url).toBe(403);
      expect(answer.body).toContain('此页面仅限省级令牌使用');
    }
  });
});

describe('uploading a sites file', () => {
  const upload = async (name: string, bytes: Uint8Array) =>
    postFile(d.app, d.tokens.province, '/dashboard/registry/preview', { name, bytes });

  it('shows every problem of a workbook with its Excel row and column, and imports nothing', async () => {
    const bytes = await sitesWorkbook([
      siteRow(SITES[0]!),
      [],
      ['cd-portal', '', 'www.chengdu.gov.cn', 'city', 'portal', 510100],
      siteRow({ ...SITES[2]!, region: '5101' }),
    ]);
    const answer = await upload('网站名录.xlsx', bytes);
    expect(answer.statusCode).toBe(400);
    const $ = load(answer.body);
    expect($('h1').text()).toBe('站点清单有问题，未导入');
    const rows = $('table.problems tbody tr')
      .map((_, tr) => [
        $(tr)
          .find('td')
          .slice(0, 3)
          .map((__, td) => $(td).text())
          .get(),
      ])
      .get();
    expect(rows).toEqual([
      ['4', 'B', 'fullName'],
      ['4', 'C', 'homepage'],
      ['5', 'A', 'id'],
      ['5', 'F', 'region'],
    ]);
    expect($('.alert').text()).toContain('网站名录.xlsx 有 4 个问题，站点登记没有任何改动');
    expect(await ids()).toEqual(SITES.map((site) => site.id));
  });

  it('previews the changes, replaces on confirmation, and says so', async () => {
    const next = [{ ...SITES[0]!, fullName: '四川省人民政府' }, ...SITES.slice(1, 4)];
    const yaml = `sites:\n${next.map((s) => `  - { id: ${s.id}, fullName: ${s.fullName}, homepage: "${s.homepage}", level: ${s.level}, kind: ${s.kind}, region: "${s.region}"${s.parent ? `, parent: ${s.parent}` : ''} }`).join('\n')}\n`;
    const preview = await upload('sites.yaml', Buffer.from(yaml));
    expect(preview.statusCode, preview.body).toBe(200);
    const $ = load(preview.body);
    expect($('.stats-line').text()).toContain('共 4 个网站');
    expect($('.stats-line').text()).toContain('新增 0，删除 1，修改 1，不变 3');
    expect($('table.removed').text()).toContain('my-portal');
    expect($('table.changed td.before').text()).toBe('sc-portal 人民政府');
    expect($('table.changed td.after').text()).toBe('四川省人民政府');
    expect(await ids()).toHaveLength(5);
    const fields = confirmFields($);
    const done = await postForm(d.app, d.tokens.province, '/dashboard/registry', fields);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/dashboard/registry?replaced=1');
    expect(await d.store.sites.list()).toEqual(next);
    expect((await get('/dashboard/registry?replaced=1', d.tokens.province)).body).toContain('站点登记已替换');
  });

  it('does not replace when the registry changed after the preview: shows the changes again', async () => {
    const xlsx = await sitesWorkbook(SITES.slice(0, 2).map(siteRow));
    const $ = load((await upload('名录.xlsx', xlsx)).body);
    expect($('.stats-line').text()).toContain('删除 3');
    const fields = confirmFields($);
    await d.store.sites.replaceAll(SITES.slice(0, 4));
    const again = await postForm(d.app, d.tokens.province, '/dashboard/registry', fields);
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('预览之后站点登记已有变化');
    expect(load(again.body)('.stats-line').text()).toContain('删除 2');
    expect(await ids()).toHaveLength(4);
  });

  it('names a file of an unknown kind, and a missing file', async () => {
    const text = await upload('sites.txt', Buffer.from('id\n'));
    expect(text.statusCode).toBe(400);
    expect(load(text.body)('.alert').text()).toContain('必须是 .yaml、.yml、.json、.csv 或 .xlsx 文件');
    const empty = await upload('sites.csv', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(load(empty.body)('.alert').text()).toContain('请选择要上传的站点清单文件');
  });
});

describe('starting a sweep', () => {
  it('starts chosen sites and goes to the sweep’s live page', async () => {
    const answer = await postForm(d.app, d.tokens.province, '/dashboard/sweeps', {
      kind: 'adhoc',
      scope: 'sites',
      siteIds: ['cd-portal', 'my-portal'],
      region: '5101',
    });
    expect(answer.statusCode, answer.body).toBe(303);
    const launch = d.launcher.launches.at(-1)!;
    expect(launch.siteIds).toEqual(['cd-portal', 'my-portal']);
    expect(launch.sweep.requestedBy).toBe('token:省政府办公厅');
    expect(answer.headers.location).toBe(`/dashboard/sweeps/${encodeURIComponent(launch.sweep.id)}`);
    expect((await get(answer.headers.location as string, d.tokens.province)).statusCode).toBe(200);
  });

  it('sweeps a region, or everything in a city token’s reach', async () => {
    await postForm(d.app, d.tokens.province, '/dashboard/sweeps', {
      kind: 'quarterly-patrol',
      scope: 'region',
      region: '5101',
    });
    expect(d.launcher.launches.at(-1)!.siteIds).toEqual(['cd-portal', 'cd-jinjiang']);
    const city = await postForm(d.app, d.tokens.chengdu, '/dashboard/sweeps', {
      kind: 'adhoc',
      scope: 'all',
    });
    expect(city.statusCode).toBe(303);
    expect(d.launcher.launches.at(-1)!.siteIds).toEqual(['cd-portal', 'cd-jinjiang']);
    expect(d.launcher.launches.at(-1)!.sweep.region).toBe('5101');
  });

  it('offers a city token only its own sites and districts', async () => {
    const $ = load((await get('/dashboard/sweeps/new', d.tokens.chengdu)).body);
    expect(
      $('input[name=siteIds]')
        .map((_, input) => $(input).attr('value'))
        .get(),
    ).toEqual(['cd-portal', 'cd-jinjiang']);
    expect(
      $('select[name=region] option')
        .map((_, o) => $(o).attr('value'))
        .get(),
    ).toEqual(['510104']);
    expect($('main').text()).toContain('本辖区所有网站（2 个）');
  });

  it('answers what the API refuses with its reason, and starts nothing', async () => {
    const before = d.launcher.launches.length;
    const outside = await postForm(d.app, d.tokens.chengdu, '/dashboard/sweeps', {
      kind: 'adhoc',
      scope: 'sites',
      siteIds: 'my-portal',
    });
    expect(outside.statusCode).toBe(404);
    expect(load(outside.body)('.alert').text()).toContain('站点不存在：my-portal');
    const none = await postForm(d.app, d.tokens.province, '/dashboard/sweeps', {
      kind: 'adhoc',
      scope: 'sites',
    });
    expect(none.statusCode).toBe(400);
    expect(load(none.body)('.alert').text()).toBe('请至少勾选一个网站。');
    expect(d.launcher.launches).toHaveLength(before);
  });
});

describe('tokens', () => {
  it('makes a city token shown once, which signs in; revoking it ends its session', async () => {
    const made = await postForm(d.app, d.tokens.province, '/dashboard/tokens', {
      role: 'city',
      region: '510700',
      name: '绵阳市政府办公室',
    });
    expect(made.statusCode).toBe(200);
    expect(made.headers['cache-control']).toBe('no-store');
    const token = load(made.body)('#new-token').attr('value')!;
    expect(token).toMatch(/^gi_/);
    expect((await get('/dashboard/', token)).statusCode).toBe(200);
    const list = await get('/dashboard/tokens', d.tokens.province);
    expect(list.body).toContain('绵阳市政府办公室');
    expect(list.body).not.toContain(token);
    const record = (await d.store.tokens.list()).find((t) => t.name === '绵阳市政府办公室')!;
    const revoked = await postForm(d.app, d.tokens.province, `/dashboard/tokens/${record.id}/revoke`);
    expect(revoked.statusCode).toBe(303);
    expect(revoked.headers.location).toBe('/dashboard/tokens?revoked=1');
    const after = await get('/dashboard/', token);
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toBe('/dashboard/login');
  });

  it('names the field the API refused, and makes nothing', async () => {
    const before = (await d.store.tokens.list()).length;
    const answer = await postForm(d.app, d.tokens.province, '/dashboard/tokens', {
      role: 'city',
      region: '510000',
    });
    expect(answer.statusCode).toBe(400);
    expect(load(answer.body)('.alert').text()).toMatch(/^辖区：510000 是省级代码/);
    expect(load(answer.body)('#token-region').attr('value')).toBe('510000');
    expect(await d.store.tokens.list()).toHaveLength(before);
  });

  it('offers no revoke button for the token signed in', async () => {
    const $ = load((await get('/dashboard/tokens', d.tokens.province)).body);
    const own = $('table.tokens tr').filter((_, tr) => $(tr).text().includes('省政府办公厅'));
    expect(own.find('button').length).toBe(0);
    expect(own.text()).toContain('当前登录所用');
  });
});

describe('webhook subscriptions', () => {
  it('creates one with its secret shown once, lists it without, shows and redelivers its deliveries, deletes it', async () => {
    const made = await postForm(d.app, d.tokens.province, '/dashboard/webhooks', {
      url: 'http://127.0.0.1:9/hook',
      events: ['violation.detected', 'sweep.completed'],
      region: '510100',
    });
    expect(made.statusCode, made.body).toBe(200);
    const secret = load(made.body)('#new-secret').attr('value')!;
    expect(secret).toMatch(/^whsec_/);
    const [hook] = await d.store.webhooks.list();
    expect(hook).toMatchObject({
      url: 'http://127.0.0.1:9/hook',
      region: '510100',
      createdBy: 'token:省政府办公厅',
    });
    expect(await d.store.webhooks.secretOf(hook!.id)).toBe(secret);
    const list = await get('/dashboard/webhooks', d.tokens.province);
    expect(list.body).toContain('http://127.0.0.1:9/hook');
    expect(list.body).not.toContain('whsec_');

    await d.store.webhooks.recordDelivery({
      id: 'msg_one',
      subscriptionId: hook!.id,
      eventType: 'sweep.completed',
      payload: {},
    });
    await d.store.webhooks.recordAttempt('msg_one', { status: 500, error: null, state: 'failed' });
    const log = load((await get(`/dashboard/webhooks/${hook!.id}`, d.tokens.province)).body);
    expect(log('table.deliveries').text()).toContain('推送失败');
    expect(log('table.deliveries').text()).toContain('HTTP 500');
    const again = await postForm(
      d.app,
      d.tokens.province,
      `/dashboard/webhooks/${hook!.id}/deliveries/msg_one/redeliver`,
    );
    expect(again.statusCode).toBe(303);
    expect((await d.store.webhooks.getDelivery('msg_one'))?.state).toBe('pending');
    const pending = await postForm(
      d.app,
      d.tokens.province,
      `/dashboard/webhooks/${hook!.id}/deliveries/msg_one/redeliver`,
    );
    expect(pending.statusCode).toBe(409);
    expect(load(pending.body)('.alert').text()).toContain('仍在推送中');

    const gone = await postForm(d.app, d.tokens.province, `/dashboard/webhooks/${hook!.id}/delete`);
    expect(gone.statusCode).toBe(303);
    expect(await d.store.webhooks.list()).toEqual([]);
  });

  it('names the field the API refused', async () => {
    const answer = await postForm(d.app, d.tokens.province, '/dashboard/webhooks', {
      url: 'ftp://x',
      events: 'sweep.completed',
    });
    expect(answer.statusCode).toBe(400);
    expect(load(answer.body)('.alert').text()).toMatch(/^接收地址：/);
    expect(await d.store.webhooks.list()).toEqual([]);
  });
});

describe('forms that change state', () => {
  it('refuse a post without the session’s form token, or with another session’s', async () => {
    for (const csrf of [undefined, 'x', 'b'.repeat(43)]) {
      const body = new URLSearchParams({ role: 'province', ...(csrf ? { _csrf: csrf } : {}) });
      const answer = await d.app.inject({
        method: 'POST',
        url: '/dashboard/tokens',
        headers: { ...ownPage(d.tokens.province), 'content-type': 'application/x-www-form-urlencoded' },
        payload: body.toString(),
      });
      expect(answer.statusCode).toBe(403);
    }
    const crossed = await postForm(
      d.app,
      d.tokens.luzhou,
      '/dashboard/tokens',
      { role: 'province' },
      {
        cookie: `gov_inspect_session=${d.tokens.province}`,
      },
    );
    expect(crossed.statusCode).toBe(403);
  });
});
