import http from 'node:http';
import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/service/config.ts';
import { type DashboardApp, dashboardApp } from '../dashboard/support/dashboard-app.ts';
import { type RunningHttpsServer, startSelfSignedServer } from '../support/https-server.ts';
import { cookieFault } from './cookie-flags.ts';

let service: DashboardApp;
let proxy: RunningHttpsServer;
let direct: string;

/**
 * The reverse proxy of a deployment: takes HTTPS on its own port and passes each request on to the
 * service over plain HTTP, saying in X-Forwarded-Proto and -Host how and where it was reached.
 */
function reverseProxy(to: URL): http.RequestListener {
  return (req, res) => {
    const onward = http.request(
      {
        host: to.hostname,
        port: to.port,
        method: req.method,
        path: req.url,
        headers: {
          ...req.headers,
          'x-forwarded-proto': 'https',
          'x-forwarded-host': req.headers.host,
          'x-forwarded-for': req.socket.remoteAddress,
        },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    onward.on('error', () => res.writeHead(502).end());
    req.pipe(onward);
  };
}

interface Answer {
  status: number;
  location: string | undefined;
  cookies: string[];
}

/** A form posted from the page at `origin` (as a browser posts it), over HTTP or HTTPS. */
function postForm(origin: string, path: string, form: string, cookie?: string): Promise<Answer> {
  const url = new URL(path, origin);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        // The proxy's certificate is the test's own, made for 127.0.0.1 a moment ago.
        rejectUnauthorized: false,
        headers: {
          origin,
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(form),
          ...(cookie ? { cookie } : {}),
        },
      },
      (answer) => {
        answer.resume();
        answer.on('end', () =>
          resolve({
            status: answer.statusCode ?? 0,
            location: answer.headers.location,
            cookies: answer.headers['set-cookie'] ?? [],
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(form);
  });
}

beforeAll(async () => {
  service = await dashboardApp({ trustProxy: loadConfig({ TRUST_PROXY: '127.0.0.1' }).trustProxy! });
  direct = await service.listen();
  proxy = await startSelfSignedServer(reverseProxy(new URL(direct)));
});
afterAll(async () => {
  await proxy?.close();
  await service?.close();
});

describe('the session cookie', () => {
  it('is Secure, HttpOnly and SameSite=Strict when signing in and out through an HTTPS proxy', async () => {
    const signIn = await postForm(proxy.origin, '/dashboard/login', `token=${service.tokens.province}`);
    expect(signIn.status).toBe(303);
    expect(signIn.cookies).toHaveLength(1);
    expect(cookieFault(signIn.cookies[0]!, 'https')).toBeUndefined();
    const session = signIn.cookies[0]!.split(';')[0]!;
    const signOut = await postForm(proxy.origin, '/dashboard/logout', '', session);
    expect(signOut.location).toBe('/dashboard/login');
    expect(signOut.cookies).toHaveLength(1);
    expect(signOut.cookies[0]).toMatch(/^gov_inspect_session=;/);
    expect(cookieFault(signOut.cookies[0]!, 'https')).toBeUndefined();
  });

  it('is not Secure when the service is reached over plain HTTP, so that signing in still works', async () => {
    const signIn = await postForm(direct, '/dashboard/login', `token=${service.tokens.province}`);
    expect(signIn.status).toBe(303);
    expect(cookieFault(signIn.cookies[0]!, 'http')).toBeUndefined();
    const signOut = await postForm(direct, '/dashboard/logout', '', signIn.cookies[0]!.split(';')[0]);
    expect(cookieFault(signOut.cookies[0]!, 'http')).toBeUndefined();
  });

  it('ignores X-Forwarded-Proto from an address that is not the trusted proxy', async () => {
    const answer = await service.app.inject({
      method: 'POST',
      url: '/dashboard/login',
      remoteAddress: '192.0.2.7',
      headers: {
        host: 'localhost:80',
        origin: 'http://localhost:80',
        'x-forwarded-proto': 'https',
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: `token=${service.tokens.province}`,
    });
    expect(answer.statusCode).toBe(303);
    expect(cookieFault(String(answer.headers['set-cookie']), 'http')).toBeUndefined();
  });
});

describe('TRUST_PROXY', () => {
  it('takes addresses, networks and proxy-addr names, comma-separated; unset trusts none', () => {
    expect(loadConfig({}).trustProxy).toBeUndefined();
    expect(loadConfig({ TRUST_PROXY: '' }).trustProxy).toBeUndefined();
    expect(loadConfig({ TRUST_PROXY: ' 127.0.0.1, 10.0.0.0/8 ,fd00::/8,loopback' }).trustProxy).toBe(
      '127.0.0.1,10.0.0.0/8,fd00::/8,loopback',
    );
  });

  it.each(['true', '*', '10.0.0.0/33', '10.0.0.1/8/1', 'proxy.example', '127.0.0.1,'])(
    'stops the service at start on %j, naming the variable',
    (value) => {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(ConfigError);
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/环境变量 TRUST_PROXY/);
    },
  );
});
