import type { IncomingMessage, ServerResponse } from 'node:http';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, refusedPort, startServer } from '../../support/http-server.ts';
import { statusOf } from './support.ts';

const html = (title: string, body = '') =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

let server: RunningServer;
const openSockets = new Set<ServerResponse>();

function route(req: IncomingMessage, res: ServerResponse) {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const page = (status: number, body: string, type = 'text/html; charset=utf-8') => {
    res.writeHead(status, { 'content-type': type });
    res.end(body);
  };
  const redirect = (to: string) => {
    res.writeHead(302, { location: to });
    res.end();
  };
  switch (path) {
    case '/ok.html':
      return page(200, html('首页'));
    case '/missing.html':
      return page(404, html('404 Not Found'));
    case '/error.html':
      return page(500, html('Internal Server Error'));
    case '/hang.html':
      openSockets.add(res);
      return;
    case '/slow.html':
      setTimeout(() => page(200, html('慢但正常')), 400);
      return;
    case '/loop-a':
      return redirect('/loop-b');
    case '/loop-b':
      return redirect('/loop-a');
    case '/self-with-cookie':
      if (req.headers.cookie?.includes('waf=1')) return page(200, html('验证通过'));
      res.writeHead(302, { location: '/self-with-cookie', 'set-cookie': 'waf=1; Path=/' });
      return void res.end();
    case '/chain-1':
      return redirect('/chain-2');
    case '/chain-2':
      return redirect(`${server.origin}/ok.html#section`);
    case '/chain-to-404':
      return redirect('/missing.html');
    case '/endless': {
      const n = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('n') ?? 0);
      return redirect(`/endless?n=${n + 1}`);
    }
    case '/soft-404.html':
      return page(200, html('页面不存在', '<h1>对不起，您访问的页面不存在</h1>'));
    case '/soft-404-gbk.html': {
      const doc =
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">' +
        '<title>提示信息</title></head><body><h2>您访问的页面已删除</h2></body></html>';
      return page(200, iconv.encode(doc, 'gbk') as unknown as string, 'text/html');
    }
    case '/reply-404.html':
      return page(200, html('关于第404号建议的答复', '<h1>关于第404号建议的答复</h1><p>……</p>'));
    case '/no-head.png':
      if (req.method === 'HEAD') return page(405, '', 'text/plain');
      return page(200, 'PNG', 'image/png');
    case '/reset-on-head.js':
      if (req.method === 'HEAD') return void req.socket.destroy();
      return page(200, 'var a;', 'application/javascript');
    case '/gone.pdf':
      return page(404, '', 'text/plain');
    case '/file-as-error-page.pdf':
      return page(200, html('文件未找到'));
    case '/政府公报/2025年第1期.pdf':
      return page(200, '%PDF-1.7', 'application/pdf');
    case '/big.html':
      // The banner comes after 8 KiB of markup: seen only when that much is read.
      return page(200, html('大页面', `<script>${'var a=1;'.repeat(1_000)}</script><h2>页面不存在</h2>`));
    default:
      return page(404, html('404'));
  }
}

beforeAll(async () => {
  server = await startServer(route);
});
afterAll(async () => {
  for (const res of openSockets) res.destroy();
  await server.close();
});

const url = (path: string) => new URL(path, server.origin).href;

describe('checkLinks: one target at a time', () => {
  it('200 is ok, fetched with GET for a page', async () => {
    const status = await statusOf(url('/ok.html'));
    expect(status).toMatchObject({ status: 200, verdict: 'ok', method: 'GET', attempts: 1, redirects: [] });
  });

  it.each([
    ['/missing.html', 404],
    ['/error.html', 500],
    ['/gone.pdf', 404],
  ])('%s is broken with %i', async (path, code) => {
    expect(await statusOf(url(path))).toMatchObject({ status: code, verdict: 'broken' });
  });

  it('a refused connection is broken with ECONNREFUSED', async () => {
    const port = await refusedPort();
    const status = await statusOf(`http://127.0.0.1:${port}/`);
    expect(status).toMatchObject({ status: 'ECONNREFUSED', verdict: 'broken' });
  });

  it('a server that never answers is a TIMEOUT within the deadline', async () => {
    const startedAt = Date.now();
    const status = await statusOf(url('/hang.html'), { responseTimeoutMs: 5_000, totalTimeoutMs: 600 });
    expect(status).toMatchObject({ status: 'TIMEOUT', verdict: 'broken' });
    expect(Date.now() - startedAt).toBeLessThan(2_000);
  });

  it('a server that never sends headers times out on the response timeout too', async () => {
    const status = await statusOf(url('/hang.html'), { responseTimeoutMs: 300, totalTimeoutMs: 5_000 });
    expect(status).toMatchObject({ status: 'TIMEOUT', verdict: 'broken' });
  });

  it('a slow answer within the deadline is ok', async () => {
    expect(await statusOf(url('/slow.html'))).toMatchObject({ status: 200, verdict: 'ok' });
  });

  it('a redirect loop is broken with REDIRECT_LOOP', async () => {
    const status = await statusOf(url('/loop-a'));
    expect(status).toMatchObject({ status: 'REDIRECT_LOOP', verdict: 'broken' });
    expect(status.redirects).toEqual([url('/loop-b'), url('/loop-a')]);
  });

  it('a redirect to itself that sets a cookie is not a loop', async () => {
    const status = await statusOf(url('/self-with-cookie'));
    expect(status).toMatchObject({ status: 200, verdict: 'ok', redirects: [url('/self-with-cookie')] });
  });

  it('endless distinct redirects stop at maxRedirects with TOO_MANY_REDIRECTS', async () => {
    const status = await statusOf(url('/endless'), { maxRedirects: 3 });
    expect(status).toMatchObject({ status: 'TOO_MANY_REDIRECTS', verdict: 'broken' });
    expect(status.redirects).toHaveLength(4);
  });

  it('a redirect chain ending in 200 is ok and recorded', async () => {
    const status = await statusOf(url('/chain-1'));
    expect(status).toMatchObject({ status: 200, verdict: 'ok', finalUrl: url('/ok.html') });
    expect(status.redirects).toEqual([url('/chain-2'), url('/ok.html')]);
  });

  it('a redirect chain ending in 404 is broken', async () => {
    const status = await statusOf(url('/chain-to-404'));
    expect(status).toMatchObject({ status: 404, verdict: 'broken', finalUrl: url('/missing.html') });
  });

  it('a 200 page titled 页面不存在 is a soft 404: broken, status stays 200', async () => {
    const status = await statusOf(url('/soft-404.html'));
    expect(status).toMatchObject({ status: 200, verdict: 'broken' });
    expect(status.softNotFound?.evidence).toContain('页面不存在');
  });

  it('a GBK soft 404 declared only in <meta> is decoded and detected', async () => {
    const status = await statusOf(url('/soft-404-gbk.html'));
    expect(status).toMatchObject({ status: 200, verdict: 'broken' });
    expect(status.softNotFound?.evidence).toContain('您访问的页面已删除');
  });

  it('a page about 第404号建议 is not a soft 404', async () => {
    const status = await statusOf(url('/reply-404.html'));
    expect(status).toMatchObject({ status: 200, verdict: 'ok' });
    expect(status.softNotFound).toBeUndefined();
  });

  it('an attachment whose link serves an HTML error page is a soft 404', async () => {
    const status = await statusOf(url('/file-as-error-page.pdf'));
    expect(status).toMatchObject({ status: 200, verdict: 'broken', method: 'GET' });
  });

  it('a HEAD refused with 405 falls back to GET', async () => {
    expect(await statusOf(url('/no-head.png'))).toMatchObject({ status: 200, verdict: 'ok', method: 'GET' });
  });

  it('a HEAD dropped by the server falls back to GET', async () => {
    const status = await statusOf(url('/reset-on-head.js'));
    expect(status).toMatchObject({ status: 200, verdict: 'ok', method: 'GET' });
  });

  it('a Chinese path is requested percent-encoded and found', async () => {
    const target = url('/政府公报/2025年第1期.pdf');
    expect(target).toContain('%E6%94%BF');
    expect(await statusOf(target)).toMatchObject({ status: 200, verdict: 'ok', method: 'HEAD' });
  });

  it('reads no more than maxBodyBytes of a page', async () => {
    expect(await statusOf(url('/big.html'), { maxBodyBytes: 4_096 })).toMatchObject({ verdict: 'ok' });
    expect(await statusOf(url('/big.html'))).toMatchObject({ verdict: 'broken', softNotFound: {} });
  });
});
