import type { RequestListener } from 'node:http';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { probeHomepage } from '../../crawlers/homepage-probe/probe-homepage.ts';
import { refusedPort, startServer } from '../support/http-server.ts';
import { startSelfSignedServer } from '../support/https-server.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function serve(handler: RequestListener) {
  const server = await startServer(handler);
  closers.push(server.close);
  return server;
}

const page = (status: number, body = '<html><title>首页</title><body>政务公开</body></html>') =>
  ((_req, res) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body);
  }) satisfies RequestListener;

describe('probeHomepage', () => {
  it('finds a homepage that answers 200 at once up, with status, start time and duration', async () => {
    const server = await serve(page(200));
    const before = Date.now();
    const probe = await probeHomepage(`${server.origin}/`);
    expect(probe).toEqual({
      at: expect.any(String),
      url: `${server.origin}/`,
      ok: true,
      status: 200,
      durationMs: expect.any(Number),
    });
    expect(Date.parse(probe.at)).toBeGreaterThanOrEqual(before - 1);
    expect(probe.durationMs).toBeLessThan(1_000);
  });

  it('finds a 503 down, and a 404 too', async () => {
    const busy = await serve(page(503, '<h1>Service Unavailable</h1>'));
    expect(await probeHomepage(`${busy.origin}/`)).toMatchObject({
      ok: false,
      status: 503,
      error: 'HTTP_503',
    });
    const gone = await serve(page(404));
    expect(await probeHomepage(`${gone.origin}/`)).toMatchObject({
      ok: false,
      status: 404,
      error: 'HTTP_404',
    });
  });

  it('counts an answer slower than the limit as a TIMEOUT failure, and gives up at the limit', async () => {
    const slow = await serve((_req, res) => {
      setTimeout(() => page(200)(_req, res), 1_500);
    });
    const probe = await probeHomepage(`${slow.origin}/`, { timeoutMs: 300 });
    expect(probe).toMatchObject({ ok: false, error: 'TIMEOUT' });
    expect(probe.status).toBeUndefined();
    expect(probe.durationMs).toBeGreaterThanOrEqual(300);
    expect(probe.durationMs).toBeLessThan(1_000);
  });

  it('limits the whole probe, redirects included: hops each under the limit add up past it', async () => {
    const server = await serve((req, res) => {
      const hop = Number(req.url?.slice(1) || 0);
      setTimeout(() => {
        res.writeHead(302, { location: `/${hop + 1}` });
        res.end();
      }, 100);
    });
    const probe = await probeHomepage(`${server.origin}/`, { timeoutMs: 250 });
    expect(probe).toMatchObject({ ok: false, error: 'TIMEOUT' });
    expect(probe.durationMs).toBeLessThan(1_000);
  });

  it('reports a refused connection as ECONNREFUSED, without throwing', async () => {
    const port = await refusedPort();
    expect(await probeHomepage(`http://127.0.0.1:${port}/`)).toMatchObject({
      url: `http://127.0.0.1:${port}/`,
      ok: false,
      error: 'ECONNREFUSED',
    });
  });

  it('follows a redirect chain to the page, and fails a redirect loop', async () => {
    const server = await serve((req, res) => {
      const hops: Record<string, string> = { '/': '/index.html', '/index.html': '/zw/', '/loop': '/loop' };
      const next = hops[req.url ?? ''];
      if (next) {
        res.writeHead(302, { location: next });
        res.end();
      } else page(req.url === '/zw/' ? 200 : 404)(req, res);
    });
    expect(await probeHomepage(`${server.origin}/`)).toMatchObject({ ok: true, status: 200 });
    expect(await probeHomepage(`${server.origin}/loop`)).toMatchObject({ ok: false, error: 'REDIRECT_LOOP' });
  });

  it("finds a site behind a WAF's 412 challenge up: a browser gets past it", async () => {
    const waf = await serve(page(412, '<html><script>var _0x1=1;document.cookie="x=1";</script></html>'));
    expect(await probeHomepage(`${waf.origin}/`)).toMatchObject({ ok: true, status: 412 });
  });

  it("finds a generic WAF's 403 verification page up, and a plain 403 down", async () => {
    const gate = await serve(
      page(403, '<html><head><title>安全验证</title></head><body><script>waf()</script></body></html>'),
    );
    expect(await probeHomepage(`${gate.origin}/`)).toMatchObject({ ok: true, status: 403 });
    const forbidden = await serve(page(403, '<html><title>403 Forbidden</title></html>'));
    expect(await probeHomepage(`${forbidden.origin}/`)).toMatchObject({ ok: false, error: 'HTTP_403' });
  });

  it('finds a site whose firewall blocks the prober up, marked BLOCKED with what the page said', async () => {
    const blocked = await serve(
      page(
        403,
        '<html><head><title>网站防火墙</title></head><body><h1>网站防火墙</h1><p>您的请求带有不合法参数，已被网站管理员设置拦截！</p></body></html>',
      ),
    );
    expect(await probeHomepage(`${blocked.origin}/`)).toEqual({
      at: expect.any(String),
      url: `${blocked.origin}/`,
      ok: true,
      status: 403,
      error: 'BLOCKED',
      evidence: 'HTTP 403 防火墙拦截页：网站防火墙 您的请求带有不合法参数，已被网站管理员设置拦截！',
      durationMs: expect.any(Number),
    });
    const limited = await serve(page(429, 'Too Many Requests'));
    expect(await probeHomepage(`${limited.origin}/`)).toMatchObject({
      ok: true,
      status: 429,
      error: 'BLOCKED',
    });
  });

  it('finds a maintenance notice down, answered 200 or 503, even in GBK', async () => {
    const notice =
      '<html><head><title>网站维护中</title></head><body><p>给您带来不便，敬请谅解！</p></body></html>';
    const maintained = await serve(page(200, notice));
    expect(await probeHomepage(`${maintained.origin}/`)).toMatchObject({
      ok: false,
      status: 200,
      error: 'MAINTENANCE',
      evidence: '标题：网站维护中',
    });
    const unavailable = await serve(page(503, notice));
    expect(await probeHomepage(`${unavailable.origin}/`)).toMatchObject({
      ok: false,
      status: 503,
      error: 'MAINTENANCE',
    });
    const gbk = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=gbk' });
      res.end(iconv.encode('<html><body><p>系统升级维护，暂停访问。</p></body></html>', 'gbk'));
    });
    expect(await probeHomepage(`${gbk.origin}/`)).toMatchObject({ ok: false, error: 'MAINTENANCE' });
  });

  it('finds a large homepage whose news mentions 系统维护 up', async () => {
    const links = Array.from(
      { length: 200 },
      (_, i) => `<li><a href="/art/${i}.html">关于第${i}期系统维护的通知</a></li>`,
    );
    const big = await serve(
      page(
        200,
        `<html><head><title>四川省人民政府</title></head><body><ul>${links.join('')}</ul>${'<p>政务公开</p>'.repeat(10_000)}</body></html>`,
      ),
    );
    expect(await probeHomepage(`${big.origin}/`)).toMatchObject({ ok: true, status: 200 });
  });

  it('finds a homepage behind a self-signed certificate up: certificate problems do not make a site down', async () => {
    const server = await startSelfSignedServer(page(200));
    closers.push(server.close);
    expect(await probeHomepage(`${server.origin}/`)).toMatchObject({ ok: true, status: 200 });
  });

  it('connects where the --resolve table points the host', async () => {
    const server = await serve(page(200));
    const url = `http://www.example.gov.cn:${server.port}/`;
    const probe = await probeHomepage(url, {
      resolve: [{ host: 'www.example.gov.cn', port: server.port, address: '127.0.0.1' }],
    });
    expect(probe).toMatchObject({ url, ok: true, status: 200 });
  });

  it("throws only for the caller's abort", async () => {
    const slow = await serve(() => {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('shutting down')), 100);
    await expect(
      probeHomepage(`${slow.origin}/`, { timeoutMs: 5_000, signal: controller.signal }),
    ).rejects.toThrow('shutting down');
  });
});
