import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteCrawl } from '../../../crawlers/artifacts.ts';
import { parseResolveEntries } from '../../../crawlers/resolve/resolve-table.ts';
import { crawlSite } from '../../../crawlers/site-crawl/crawl-site.ts';
import {
  CANARY_HOST,
  type Canary,
  canaryTargets,
  recordConnections,
  startCanary,
  UNREACHABLE_TARGETS,
} from '../../support/canary.ts';
import { type FixtureSite, html, quietLog, serveSite } from './fixture-site.ts';

const SITE = 'www.site.gov.cn';
const FAST = { connectTimeoutMs: 1_000, responseTimeoutMs: 1_000, totalTimeoutMs: 2_000 };

describe('the crawl goes only where the reach rule lets it', () => {
  let canary: Canary;
  let site: FixtureSite;
  let crawl: SiteCrawl;
  let hosts: string[];

  beforeAll(async () => {
    canary = await startCanary();
    const to = (location: string) => ({ status: 302, headers: { location } });
    site = await serveSite({
      '/': { body: html('首页', ['/news/', '/go/dotted', '/go/name', '/go/userinfo', '/go/metadata']) },
      '/news/': { body: html('新闻') },
      '/go/dotted': to(`http://127.0.0.3:${canary.port}/redirected`),
      '/go/name': to(`http://${CANARY_HOST}:${canary.port}/redirected-name`),
      '/go/userinfo': to(`http://${SITE}:${canary.port}@127.0.0.3:${canary.port}/redirected-userinfo`),
      '/go/metadata': to('http://169.254.169.254/latest/meta-data/'),
    });
    const resolve = parseResolveEntries([`${SITE}:*:127.0.0.1`, `${CANARY_HOST}:*:127.0.0.3`]);
    const seeds = [...canaryTargets(canary.port, SITE), ...UNREACHABLE_TARGETS].map(({ href }) => ({
      url: href,
    }));
    const connections = recordConnections();
    try {
      crawl = await crawlSite({
        homepage: `http://${SITE}:${site.port}/`,
        seeds,
        maxPages: 50,
        settings: { ...FAST, resolve },
        log: quietLog,
      });
    } finally {
      connections.stop();
    }
    hosts = connections.hosts;
  }, 60_000);
  afterAll(async () => {
    await site.close();
    await canary.close();
  });

  const page = (url: string) => crawl.pages.find((p) => p.url === new URL(url).href);

  it('crawls the site on its own address, and connects nowhere else', () => {
    expect(page(`http://${SITE}:${site.port}/news/`)).toMatchObject({ status: 200, title: '新闻' });
    expect(canary.connections).toBe(0);
    expect(new Set(hosts)).toEqual(new Set(['127.0.0.1']));
  });

  it('records every seed to the canary, and every redirect to it, as refused', () => {
    for (const { form, href } of [...canaryTargets(canary.port, SITE), ...UNREACHABLE_TARGETS]) {
      expect(page(href), form).toMatchObject({ status: null, error: 'ADDRESS_REFUSED' });
      expect(page(href)?.refused?.url, form).toBe(new URL(href).href);
    }
    expect(page(`http://${SITE}:${site.port}/go/dotted`)?.refused).toEqual({
      host: '127.0.0.3',
      address: '127.0.0.3',
      addressClass: 'loopback',
      url: `http://127.0.0.3:${canary.port}/redirected`,
    });
    expect(page(`http://${SITE}:${site.port}/go/name`)?.refused).toMatchObject({
      host: CANARY_HOST,
      address: '127.0.0.3',
    });
    expect(page(`http://${SITE}:${site.port}/go/userinfo`)?.error).toBe('ADDRESS_REFUSED');
    expect(page(`http://${SITE}:${site.port}/go/metadata`)?.refused?.addressClass).toBe('link-local');
  });
});
