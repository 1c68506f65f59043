import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../support/http-server.ts';
import { statusOf } from './support.ts';

let server: RunningServer;
const hits = new Map<string, number>();

function route(req: IncomingMessage, res: ServerResponse) {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const hit = (hits.get(path) ?? 0) + 1;
  hits.set(path, hit);
  const answer = (status: number, headers: Record<string, string> = {}, body = '') => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
    res.end(body);
  };
  switch (path) {
    case '/busy-once':
      return hit === 1 ? answer(429, { 'retry-after': '1' }) : answer(200, {}, '<title>正常</title>');
    case '/busy-once.pdf':
      return hit === 1
        ? answer(429, { 'retry-after': '0' })
        : answer(200, { 'content-type': 'application/pdf' });
    case '/busy-forever':
      return answer(429, { 'retry-after': '0' });
    case '/busy-no-retry-after':
      return answer(429);
    case '/busy-for-an-hour':
      return answer(429, { 'retry-after': '3600' });
    case '/unavailable-with-retry-after':
      return answer(503, { 'retry-after': '0' });
    case '/unavailable':
      return answer(503);
    case '/unavailable-once':
      return hit === 1 ? answer(503) : answer(200, {}, '<title>恢复</title>');
    case '/waf-412':
      return answer(412, {}, '<html><script>var _0x1=1;</script></html>');
    case '/waf-412.jpg':
      return answer(412, {}, '<html><script>var _0x1=1;</script></html>');
    case '/cloudflare':
      return answer(
        403,
        { 'cf-mitigated': 'challenge', server: 'cloudflare' },
        '<title>Just a moment...</title>',
      );
    default:
      return answer(404);
  }
}

beforeAll(async () => {
  server = await startServer(route);
});
beforeEach(() => hits.clear());
afterAll(() => server.close());

const url = (path: string) => `${server.origin}${path}`;

describe('checkLinks: busy servers and bot challenges', () => {
  it('429 with Retry-After: 1 then 200 is ok after 2 attempts, having waited', async () => {
    const startedAt = Date.now();
    const status = await statusOf(url('/busy-once'));
    expect(status).toMatchObject({ status: 200, verdict: 'ok', attempts: 2 });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(950);
    expect(status.busy).toBeUndefined();
  });

  it('retries a HEAD answered 429 as a new HEAD round, not a GET', async () => {
    const status = await statusOf(url('/busy-once.pdf'));
    expect(status).toMatchObject({ status: 200, verdict: 'ok', attempts: 2, method: 'HEAD' });
  });

  it('429 forever is unverified and busy, after the bounded retries', async () => {
    const status = await statusOf(url('/busy-forever'), { maxRetries: 2 });
    expect(status).toMatchObject({ status: 429, verdict: 'unverified', attempts: 3 });
    expect(status.busy).toEqual({ retries: 2, lastRetryAfterSeconds: 0 });
    expect(hits.get('/busy-forever')).toBe(3);
  });

  it('429 without Retry-After backs off and ends unverified', async () => {
    const status = await statusOf(url('/busy-no-retry-after'), { maxRetries: 1 });
    expect(status).toMatchObject({ status: 429, verdict: 'unverified', attempts: 2, busy: { retries: 1 } });
  });

  it('a Retry-After beyond maxRetryAfterMs is not waited for', async () => {
    const startedAt = Date.now();
    const status = await statusOf(url('/busy-for-an-hour'));
    expect(status).toMatchObject({ verdict: 'unverified', attempts: 1 });
    expect(status.busy).toEqual({ retries: 0, lastRetryAfterSeconds: 3600 });
    expect(Date.now() - startedAt).toBeLessThan(1_000);
  });

  it('503 with Retry-After still busy after retries is unverified', async () => {
    const status = await statusOf(url('/unavailable-with-retry-after'));
    expect(status).toMatchObject({ status: 503, verdict: 'unverified', attempts: 3, busy: { retries: 2 } });
  });

  it('503 without Retry-After after retries is broken', async () => {
    const status = await statusOf(url('/unavailable'));
    expect(status).toMatchObject({ status: 503, verdict: 'broken', attempts: 3 });
  });

  it('503 once then 200 is ok', async () => {
    expect(await statusOf(url('/unavailable-once'))).toMatchObject({
      status: 200,
      verdict: 'ok',
      attempts: 2,
    });
  });

  it.each(['/waf-412', '/waf-412.jpg'])(
    'a 412 WAF page at %s is unverified with the challenge recorded',
    async (path) => {
      const status = await statusOf(url(path));
      expect(status).toMatchObject({ status: 412, verdict: 'unverified', attempts: 1 });
      expect(status.challenge).toMatchObject({ vendor: 'waf-412', status: 412 });
    },
  );

  it('a Cloudflare challenge is unverified, never broken', async () => {
    const status = await statusOf(url('/cloudflare'));
    expect(status).toMatchObject({ status: 403, verdict: 'unverified', challenge: { vendor: 'cloudflare' } });
  });
});
