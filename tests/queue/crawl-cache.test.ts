import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countySite } from '../support/county-site.ts';
import { type RunningServer, startServer } from '../support/http-server.ts';
import { type Harness, startHarness } from './support/harness.ts';
import { type QueueService, startQueueService } from './support/queue-service.ts';

const NOW = new Date('2026-11-25T02:00:00Z');
const PAGES: Record<string, string> = {
  '/': '<!doctype html><meta charset="utf-8"><title>示例县人民政府</title><h1>示例县人民政府</h1><a href="/bsfw/">办事服务</a><a href="/hdjl/">县长信箱</a>',
  '/bsfw/': '<!doctype html><meta charset="utf-8"><title>办事服务</title><p>在线办理</p>',
  '/hdjl/': '<!doctype html><meta charset="utf-8"><title>县长信箱</title><p>我要写信</p>',
};

/** The site workers keep each site's pages in ARTIFACT_DIR/crawl-cache and ask conditionally next sweep. */
describe('the crawl cache through the service: the second sweep revalidates the first one’s pages', () => {
  let h: Harness;
  let server: RunningServer;
  let service: QueueService;
  const conditional: string[] = [];

  beforeEach(async () => {
    h = await startHarness();
    service = startQueueService(h);
    server = await startServer((req, res) => {
      const body = PAGES[req.url ?? ''];
      if (body === undefined) {
        res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>404 页面不存在</h1>');
        return;
      }
      const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
      if (req.headers['if-none-match'] === etag) {
        conditional.push(req.url ?? '');
        res.writeHead(304, { etag }).end();
      } else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag }).end(body);
    });
  });

  afterEach(async () => {
    await service?.close();
    await server?.close();
    await h?.close();
  });

  it('saves the site’s pages after a sweep, and gets 304s for them in the next with the same verdicts', async () => {
    const site = countySite('sample-county', `${server.origin}/`);
    await h.store.sites.replaceAll([site]);
    const first = await service.sweep([site], NOW);
    expect(await readdir(join(h.config.artifactDir, 'crawl-cache'))).toEqual(['sample-county.jsonl.gz']);
    expect(conditional).toEqual([]);

    const second = await service.sweep([site], NOW);
    expect(conditional.sort()).toEqual(['/', '/bsfw/', '/hdjl/']);
    const outcomes = async (sweepId: string) => {
      const [result] = (await h.store.results.forSweep(sweepId)).map((stored) => stored.result);
      return result?.checks.map((check) => [check.ruleId, check.outcome]);
    };
    expect(await outcomes(second.id)).toEqual(await outcomes(first.id));
  });
});
