import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSweepResources } from '../../src/inspection/context.ts';
import { fileCrawlCache } from '../../src/inspection/crawl-cache.ts';
import { fileEvidenceStore } from '../../src/inspection/evidence-store.ts';
import { inspectSite } from '../../src/inspection/inspect-site.ts';
import type { SiteResult } from '../../src/results.ts';
import { countySite } from '../support/county-site.ts';
import { type RunningServer, startServer } from '../support/http-server.ts';

const TIMEOUTS = { connectTimeoutMs: 3_000, responseTimeoutMs: 4_000, totalTimeoutMs: 5_000 };
const page = (title: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><header><h1>示例县人民政府</h1></header>${body}</body></html>`;

/** A 大汉-style county portal served as nginx serves static pages: ETags, and 304 for an unchanged one. */
function portal(files: Set<string>, conditional: string[], state: { down: boolean }) {
  const pages: Record<string, string> = {
    '/': page(
      '示例县人民政府',
      '<ul class="list"><li><a href="/art/2026/11/20/art_1_1.html">关于开展检查的通知</a><span>2026-11-20</span></li></ul>',
    ),
    '/art/2026/11/20/art_1_1.html': page(
      '关于开展检查的通知',
      '<p>正文</p><a href="/files/plan.pdf">附件</a>',
    ),
  };
  return (req: IncomingMessage, res: ServerResponse) => {
    if (state.down) {
      req.socket.destroy();
      return;
    }
    const path = req.url ?? '/';
    if (req.headers['if-none-match']) conditional.push(path);
    const body = pages[path];
    if (body === undefined) {
      if (files.has(path)) res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4');
      else res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(page('404', '页面不存在'));
      return;
    }
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) res.writeHead(304, { etag }).end();
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag }).end(body);
  };
}

const outcomes = (result: SiteResult) =>
  result.checks.map((check) => [check.ruleId, check.outcome, check.findings.map((f) => f.message)]);

describe('a second sweep of an unchanged site: its pages revalidated, its links checked afresh', () => {
  let server: RunningServer;
  let dir: string;
  const files = new Set(['/files/plan.pdf']);
  const conditional: string[] = [];
  const state = { down: false };
  const results: SiteResult[] = [];
  let askedBeforeOutage = 0;

  beforeAll(async () => {
    server = await startServer(portal(files, conditional, state));
    dir = await mkdtemp(join(tmpdir(), 'incremental-'));
    const site = countySite('sample-county', `${server.origin}/`);
    const log = pino({ level: 'silent' });
    // Each inspection is a sweep of its own: its own link cache and not-found answers.
    const inspect = async () => {
      const resources = createSweepResources(TIMEOUTS);
      try {
        return await inspectSite(site, {
          ...resources,
          now: new Date('2026-11-25T02:00:00Z'),
          settings: { maxPages: 20, crawl: TIMEOUTS, links: TIMEOUTS, render: { settleCapMs: 1_000 } },
          evidence: fileEvidenceStore(dir),
          crawlCache: fileCrawlCache(join(dir, 'crawl-cache'), log),
          log,
          signal: AbortSignal.timeout(30_000),
        });
      } finally {
        await resources.close();
      }
    };
    results.push(await inspect());
    results.push(await inspect());
    // The attachment is taken down; the pages linking to it do not change.
    files.delete('/files/plan.pdf');
    results.push(await inspect());
    // A day down, then back: the sweep after the outage still asks conditionally.
    askedBeforeOutage = conditional.length;
    state.down = true;
    results.push(await inspect());
    state.down = false;
    results.push(await inspect());
  }, 90_000);

  afterAll(async () => {
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('asks for every crawled page conditionally the second time, and judges it as the first time', () => {
    const [first, second] = results;
    expect(conditional.filter((path) => path === '/').length).toBeGreaterThanOrEqual(2);
    expect(conditional).toContain('/art/2026/11/20/art_1_1.html');
    expect(second!.pagesCrawled).toBe(first!.pagesCrawled);
    expect(outcomes(second!)).toEqual(outcomes(first!));
  });

  it('finds the attachment broken on the next sweep though every page linking to it answered 304', () => {
    const broken = (result: SiteResult) => result.checks.find((check) => check.ruleId === 'broken-links')!;
    expect(broken(results[1]!).outcome).toBe('pass');
    expect(broken(results[2]!).outcome).toBe('fail');
    expect(broken(results[2]!).findings.map((finding) => finding.target)).toEqual([
      `${server.origin}/files/plan.pdf`,
    ]);
  });

  it('keeps the last pages through a sweep that found the homepage down, and asks with them after', () => {
    expect(results[3]!.status).toBe('unreachable');
    expect(results[4]!.status).toBe('done');
    expect(conditional.slice(askedBeforeOutage)).toContain('/art/2026/11/20/art_1_1.html');
  });
});
