import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../reports/report-html.ts';
import type { SiteResult } from '../../src/results.ts';
import { countySite } from '../support/county-site.ts';
import { type RunningServer, startServer } from '../support/http-server.ts';
import { inspectFixtureSites } from './support/inspect-fixture-sites.ts';

const TIMEOUTS = { connectTimeoutMs: 3_000, responseTimeoutMs: 4_000, totalTimeoutMs: 5_000 };

/** A county portal whose homepage links to `articles` news pages (大汉-style paths). */
function portal(articles: number) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const html = (title: string, body: string) =>
      `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><header><h1>示例县人民政府</h1></header>${body}</body></html>`;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    if (req.url === '/') {
      const items = Array.from(
        { length: articles },
        (_, i) =>
          `<li><a href="/art/2026/11/${i + 1}/art_1_${i + 1}.html">第${i + 1}条要闻</a><span>2026-11-${String(i + 1).padStart(2, '0')}</span></li>`,
      );
      res.end(html('示例县人民政府', `<ul class="list">${items.join('')}</ul>`));
    } else if (req.url?.startsWith('/art/')) {
      res.end(html('要闻', '<div class="article">正文</div>'));
    } else res.writeHead(404).end(html('404', '页面不存在'));
  };
}

describe('a site that hits its page budget says so in its result and report', () => {
  let small: RunningServer;
  let large: RunningServer;
  let within: SiteResult;
  let capped: SiteResult;

  beforeAll(async () => {
    [small, large] = await Promise.all([startServer(portal(2)), startServer(portal(8))]);
    [within, capped] = await inspectFixtureSites(
      [countySite('small-county', `${small.origin}/`), countySite('large-county', `${large.origin}/`)],
      {
        now: new Date('2026-11-25T02:00:00Z'),
        settings: { maxPages: 4, crawl: TIMEOUTS, links: TIMEOUTS, render: { settleCapMs: 1_000 } },
      },
    );
  }, 45_000);

  afterAll(async () => {
    await small?.close();
    await large?.close();
  });

  it('gives the budget as maxPagesReached when pages were left unvisited, and nothing when the site fit', () => {
    expect(within).toMatchObject({ status: 'done', pagesCrawled: 3 });
    expect(within).not.toHaveProperty('maxPagesReached');
    expect(capped).toMatchObject({ status: 'done', pagesCrawled: 4, maxPagesReached: 4 });
  });

  it('prints the cap beside the pages crawled in the report, for the capped site only', () => {
    const sweep = {
      id: 's',
      startedAt: within.startedAt,
      finishedAt: capped.finishedAt,
      now: '2026-11-25T02:00:00Z',
      period: '2026Q4',
    };
    const html = renderReportHtml({ sweep, sites: [within, capped] }, { screenshotFor: () => undefined });
    expect(html.match(/已达抓取上限 4 页，其余网页未抓取、未检查/g)).toHaveLength(1);
  });
});
