import { createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { postWebhook, signedHeaders } from '../../src/webhooks/post-webhook.ts';
import { generateSecret, secretProblem } from '../../src/webhooks/secret.ts';
import { checkTarget } from '../../src/webhooks/target-guard.ts';
import { type RunningServer, startServer } from '../support/http-server.ts';

describe('signing and posting one attempt', () => {
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('signs v1,base64(HMAC-SHA256(key, id.timestamp.body)) with the base64-decoded secret', () => {
    const secret = generateSecret();
    expect(secretProblem(secret)).toBeUndefined();
    const at = new Date('2026-11-25T08:00:00.000Z');
    const body = '{"type":"sweep.completed"}';
    const headers = signedHeaders(secret, 'msg_abc', at, body);
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const expected = createHmac('sha256', key).update(`msg_abc.1795593600.${body}`).digest('base64');
    expect(headers).toMatchObject({
      'webhook-id': 'msg_abc',
      'webhook-timestamp': '1795593600',
      'webhook-signature': `v1,${expected}`,
      'content-type': 'application/json',
    });
  });

  it('connects to the checked address, not to a fresh lookup of the host name', async () => {
    const seen: { host?: string; body: string }[] = [];
    server = await startServer((request: IncomingMessage, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        seen.push({ host: request.headers.host, body });
        response.writeHead(204).end();
      });
    });
    const target = {
      url: new URL(`http://hooks.example.invalid:${server.port}/in`),
      address: '127.0.0.1',
      family: 4 as const,
    };
    expect(await postWebhook(target, { 'content-type': 'application/json' }, '{"a":1}')).toEqual({
      status: 204,
      error: null,
    });
    expect(seen).toEqual([{ host: `hooks.example.invalid:${server.port}`, body: '{"a":1}' }]);
  });

  it('follows no redirect: a 302 is a failed attempt', async () => {
    const paths: string[] = [];
    server = await startServer((request, response) => {
      paths.push(request.url ?? '');
      response.writeHead(302, { location: '/elsewhere' }).end();
    });
    const target = await checkTarget(`${server.origin}/in`, { allowPrivateTargets: true });
    expect(await postWebhook(target, {}, '{}')).toEqual({ status: 302, error: 'HTTP 302' });
    expect(paths).toEqual(['/in']);
  });

  it('gives up on a receiver that does not answer within the timeout', async () => {
    server = await startServer(() => {}); // never answers
    const target = await checkTarget(`${server.origin}/in`, { allowPrivateTargets: true });
    const started = Date.now();
    const outcome = await postWebhook(target, {}, '{}', 300);
    expect(outcome.status).toBeNull();
    expect(outcome.error).toMatch(/no answer within 0.3 s/);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('reports a refused connection as an error without a status', async () => {
    server = await startServer(() => {});
    const target = await checkTarget(`${server.origin}/in`, { allowPrivateTargets: true });
    await server.close();
    server = undefined;
    const outcome = await postWebhook(target, {}, '{}');
    expect(outcome).toMatchObject({ status: null, error: expect.stringMatching(/ECONNREFUSED/) });
  });
});
