import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LinkStatus } from '../../../crawlers/artifacts.ts';
import { checkLinks } from '../../../crawlers/link-status/check-links.ts';
import { siteReach } from '../../../crawlers/reach/site-reach.ts';
import { parseResolveEntries } from '../../../crawlers/resolve/resolve-table.ts';
import {
  CANARY_HOST,
  type Canary,
  canaryTargets,
  recordConnections,
  startCanary,
  UNREACHABLE_TARGETS,
} from '../../support/canary.ts';
import { type FixtureSite, html, serveSite } from '../site-crawl/fixture-site.ts';
import { FAST, occurrence } from './support.ts';

const SITE = 'www.site.gov.cn';

describe('the link check goes only where the reach rule lets it', () => {
  let canary: Canary;
  let site: FixtureSite;
  let homepage: string;
  let resolve: ReturnType<typeof parseResolveEntries>;

  beforeAll(async () => {
    canary = await startCanary();
    const to = (path: string) => ({ status: 302, headers: { location: path } });
    site = await serveSite({
      '/': { body: html('首页') },
      '/go/dotted': to(`http://127.0.0.3:${canary.port}/redirected`),
      '/go/hex': to(`http://0x7f000003:${canary.port}/redirected-hex`),
      '/go/name': to(`http://${CANARY_HOST}:${canary.port}/redirected-name`),
      '/go/metadata': to('http://169.254.169.254/latest/meta-data/'),
    });
    homepage = `http://${SITE}:${site.port}/`;
    resolve = parseResolveEntries([`${SITE}:*:127.0.0.1`, `${CANARY_HOST}:*:127.0.0.3`]);
  });
  afterAll(async () => {
    await site.close();
    await canary.close();
  });

  // The userinfo form names the site with its port: `http://www.site.gov.cn:port@127.0.0.3:…/`.
  const forms = () => canaryTargets(canary.port, `${SITE}:${site.port}`);
  const targets = () => [
    ...forms().map(({ href }) => href),
    ...UNREACHABLE_TARGETS.map(({ href }) => href),
    ...['dotted', 'hex', 'name', 'metadata'].map((name) => `http://${SITE}:${site.port}/go/${name}`),
  ];

  async function check(allowNetworks: string[] = []) {
    const reach = await siteReach(homepage, { resolve, allowNetworks });
    const wanted = [homepage, ...targets()].map((href) => new URL(href).href);
    const result = await checkLinks({
      occurrences: wanted.map((target) => occurrence(target, homepage)),
      settings: { ...FAST, resolve, reach },
    });
    return (href: string): LinkStatus => {
      const status = result.statuses[new URL(href).href];
      if (!status) throw new Error(`no status for ${href}`);
      return status;
    };
  }

  it('refuses every form of the canary, and the redirects to it, without a connection', async () => {
    const connections = recordConnections();
    let statusOf: Awaited<ReturnType<typeof check>>;
    try {
      statusOf = await check();
    } finally {
      connections.stop();
    }
    expect(canary.connections).toBe(0);
    expect(new Set(connections.hosts)).toEqual(new Set(['127.0.0.1']));
    expect(statusOf(homepage)).toMatchObject({ verdict: 'ok', status: 200 });
    for (const target of [...forms(), ...UNREACHABLE_TARGETS]) {
      const status = statusOf(target.href);
      expect(status, target.form).toMatchObject({ status: 'ADDRESS_REFUSED', verdict: 'unverified' });
      expect(status.refused?.url, target.form).toBe(new URL(target.href).href);
    }
    expect(statusOf(`http://[::]:${canary.port}/v6-zero`).refused).toMatchObject({
      host: '::',
      address: '::',
      addressClass: 'unspecified',
    });
    expect(statusOf(`http://${CANARY_HOST}.:${canary.port}/trailing-dot`).refused).toMatchObject({
      address: '127.0.0.3',
      addressClass: 'loopback',
    });
    expect(statusOf('http://169.254.169.254/latest/meta-data/').refused?.addressClass).toBe('link-local');
    expect(statusOf('http://100.64.0.1/cgnat').refused?.addressClass).toBe('cgnat');
    expect(statusOf('http://10.0.0.1/private').refused?.addressClass).toBe('private');
    const redirected = statusOf(`http://${SITE}:${site.port}/go/hex`);
    expect(redirected).toMatchObject({ status: 'ADDRESS_REFUSED', verdict: 'unverified' });
    expect(redirected.refused?.url).toBe(`http://127.0.0.3:${canary.port}/redirected-hex`);
    expect(statusOf(`http://${SITE}:${site.port}/go/name`).refused).toMatchObject({
      host: CANARY_HOST,
      address: '127.0.0.3',
    });
    expect(statusOf(`http://${SITE}:${site.port}/go/metadata`).refused?.address).toBe('169.254.169.254');
  });

  it('reaches the canary once CRAWL_ALLOW_NETWORKS names its network, and nothing beyond it', async () => {
    const statusOf = await check(['127.0.0.3/32']);
    expect(canary.connections).toBeGreaterThan(0);
    const reached = [
      'dotted',
      'decimal',
      'hex',
      'octal',
      'short',
      'mapped',
      'name',
      'trailing-dot',
      'userinfo',
    ];
    for (const target of forms().filter((t) => reached.includes(t.form))) {
      expect(statusOf(target.href).refused, target.form).toBeUndefined();
      expect(statusOf(target.href).status, target.form).toBe(200);
    }
    for (const form of ['v6-loopback', 'zero', 'v6-zero', 'nat64', '6to4']) {
      const target = forms().find((t) => t.form === form)!;
      expect(statusOf(target.href).status, form).toBe('ADDRESS_REFUSED');
    }
    expect(canary.paths).toEqual(expect.arrayContaining(['/decimal', '/octal', '/userinfo', '/redirected']));
  });
});
