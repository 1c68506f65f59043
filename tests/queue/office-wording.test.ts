import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SiteResult } from '../../src/results.ts';
import { countySite } from '../support/county-site.ts';
import { type RunningServer, startServer } from '../support/http-server.ts';
import { type Harness, startHarness } from './support/harness.ts';
import { type QueueService, startQueueService } from './support/queue-service.ts';

const NOW = new Date('2026-11-25T02:00:00Z');

/** One county portal per path prefix, each printing the same news line. */
function portal(title: string): string {
  return (
    `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>` +
    `<header><h1>${title}</h1></header>` +
    '<ul class="news"><li><a href="bsfw/">办事服务</a></li></ul>' +
    '<p>天府新去招商推介会在卢州市大酒店举行。</p></body></html>'
  );
}

const county = (id: string, homepage: string) => countySite(id, homepage, `${id}人民政府`);

/**
 * The offices' dictionary through the service: entries and exceptions kept in the store, read into the
 * jobs when the sweep is launched, judged by a site worker that reads only Redis.
 */
describe('wording-errors through the service: an office entry found, a site’s exception honoured', () => {
  let h: Harness;
  let server: RunningServer;
  let service: QueueService;

  beforeEach(async () => {
    h = await startHarness();
    service = startQueueService(h);
    server = await startServer((req, res) => {
      const [, prefix, rest] = /^\/([a-z]+)\/(.*)$/.exec(req.url ?? '') ?? [];
      if (!prefix || (rest !== '' && rest !== 'bsfw/')) {
        res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>404 页面不存在</h1>');
        return;
      }
      const page =
        rest === '' ? portal(`${prefix}县人民政府`) : '<!doctype html><title>办事服务</title><p>在线办理</p>';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    });
  });

  afterEach(async () => {
    await service?.close();
    await server.close();
    await h.close();
  });

  it('reports the office’s 天府新去 on both sites, and 卢州市 only where no exception covers it', async () => {
    const sites = [county('with-exception', `${server.origin}/a/`), county('without', `${server.origin}/b/`)];
    await h.store.sites.replaceAll(sites);
    await h.store.wording.addEntry({
      wrong: '天府新去',
      correct: '天府新区',
      category: 'division',
      grade: '严重',
      createdBy: '省政府办公厅',
    });
    await h.store.wording.addException({
      siteId: 'with-exception',
      text: '卢州市大酒店',
      reason: '企业登记名称',
      createdBy: '成都市政府办公厅',
    });

    const sweep = await service.sweep(sites, NOW);
    const results = await h.store.results.forSweep(sweep.id);
    const wording = (siteId: string) => {
      const result = results.find((r) => r.siteId === siteId)!.result as SiteResult;
      expect(result.status).toBe('done');
      return result.checks.find((c) => c.ruleId === 'wording-errors')!;
    };

    const excepted = wording('with-exception');
    expect(excepted.findings.map((f) => [f.evidence.wrong, f.evidence.source])).toEqual([
      ['天府新去', 'office'],
    ]);
    expect(excepted.singleVeto).toContain('“天府新去”应为“天府新区”');
    const plain = wording('without');
    expect(plain.findings.map((f) => [f.evidence.wrong, f.evidence.source])).toEqual([
      ['天府新去', 'office'],
      ['卢州市', 'shipped'],
    ]);
  });
});
