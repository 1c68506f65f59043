import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseResolveEntries } from '../../crawlers/resolve/resolve-table.ts';
import { readCertificate } from '../../crawlers/transport/certificate.ts';
import { probeTransport } from '../../crawlers/transport/probe-transport.ts';
import { refusedPort, startServer } from '../support/http-server.ts';
import { sniName, startSelfSignedServer } from '../support/https-server.ts';
import { fixtureReach } from '../support/reach.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const page: Handler = (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end('<!doctype html><title>首页</title>');
};
const redirectTo =
  (location: string): Handler =>
  (_req, res) => {
    res.writeHead(301, { location });
    res.end();
  };

/** The part of the probe on a scheme's default port (loopback, where a test cannot own the port): some answer or error. */
function expectSettled(part: { status?: number; error?: string }) {
  expect(part.status !== undefined || part.error !== undefined).toBe(true);
}

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});

async function http(handler: Handler) {
  const server = await startServer(handler);
  closers.push(server.close);
  return server;
}

describe('probeTransport on 127.0.0.1', () => {
  let secureOrigin: string;
  beforeAll(async () => {
    const secure = await startSelfSignedServer(page);
    closers.push(secure.close);
    secureOrigin = secure.origin;
  });

  it('follows plain HTTP to the HTTPS server it redirects to', async () => {
    const plain = await http(redirectTo(`${secureOrigin}/index.html`));
    const result = await probeTransport(`${plain.origin}/index.html`, { timeoutMs: 5000 });
    expect(result.http).toEqual({
      url: `${plain.origin}/index.html`,
      status: 200,
      finalUrl: `${secureOrigin}/index.html`,
      redirects: [`${secureOrigin}/index.html`],
    });
    // The homepage named no https port, so HTTPS is asked on 443.
    expect(result.https.url).toBe('https://127.0.0.1/index.html');
    expectSettled(result.https);
  });

  it('asks HTTPS on the homepage’s own https port and records the self-signed certificate and its end', async () => {
    const result = await probeTransport(`${secureOrigin}/`, { timeoutMs: 5000 });
    expect(result.https).toEqual({
      url: `${secureOrigin}/`,
      status: 200,
      tlsError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
      validTo: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    // openssl made it for two days.
    const daysLeft = (Date.parse(result.https.validTo!) - Date.now()) / 86_400_000;
    expect(daysLeft).toBeGreaterThan(1);
    expect(daysLeft).toBeLessThan(3);
    expect(result.http.url).toBe('http://127.0.0.1/');
    expectSettled(result.http);
  });

  it('records an HTTP answer that stays on HTTP', async () => {
    const plain = await http(page);
    const result = await probeTransport(`${plain.origin}/`, { timeoutMs: 5000 });
    expect(result.http).toEqual({
      url: `${plain.origin}/`,
      status: 200,
      finalUrl: `${plain.origin}/`,
      redirects: [],
    });
  });

  it('records a WAF challenge that HTTP ends on (a browser passes it, the probe cannot)', async () => {
    const ruishu = await http((_req, res) => {
      res.writeHead(412, { 'content-type': 'text/html', 'set-cookie': 'FSSBBIl1UgzbN7N80S=abc; path=/' });
      res.end('<html><head><meta charset="utf-8"></head><script>var $_ts={};$_ts.nsd=1;</script></html>');
    });
    const result = await probeTransport(`${ruishu.origin}/`, { timeoutMs: 5000 });
    expect(result.http).toEqual({
      url: `${ruishu.origin}/`,
      status: 412,
      finalUrl: `${ruishu.origin}/`,
      redirects: [],
      challenge: { vendor: 'waf-412', status: 412, evidence: expect.stringContaining('$_ts') },
    });

    const gate = await http((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><head><title>安全验证</title></head><body><script>waf()</script></body></html>');
    });
    const gated = await probeTransport(`${gate.origin}/`, { timeoutMs: 5000 });
    expect(gated.http.challenge).toMatchObject({ vendor: 'generic', status: 200 });
    // An ordinary page is no challenge.
    const ordinary = await http(page);
    expect((await probeTransport(`${ordinary.origin}/`, { timeoutMs: 5000 })).http.challenge).toBeUndefined();
  });

  it('records a refused HTTPS port as a connection error, with no certificate', async () => {
    const port = await refusedPort();
    const result = await probeTransport(`https://127.0.0.1:${port}/`, { timeoutMs: 5000 });
    expect(result.https).toEqual({ url: `https://127.0.0.1:${port}/`, error: 'ECONNREFUSED' });
  });

  it('records a redirect loop on HTTP as data', async () => {
    const looping = await http((req, res) => {
      res.writeHead(302, { location: req.url === '/a' ? '/b' : '/a' });
      res.end();
    });
    const result = await probeTransport(`${looping.origin}/a`, { timeoutMs: 5000 });
    expect(result.http).toEqual({
      url: `${looping.origin}/a`,
      error: 'REDIRECT_LOOP',
      finalUrl: `${looping.origin}/b`,
      redirects: [`${looping.origin}/b`, `${looping.origin}/a`],
    });
  });

  it('gives up on a silent server after the timeout, and rejects only when aborted', async () => {
    const silent = await http(() => {});
    const result = await probeTransport(`${silent.origin}/`, { timeoutMs: 300 });
    expect(result.http).toMatchObject({ error: 'TIMEOUT' });

    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('sweep cancelled')), 100);
    await expect(
      probeTransport(`${silent.origin}/`, { timeoutMs: 5000, signal: controller.signal }),
    ).rejects.toThrow('sweep cancelled');
  });

  // The site's time limit may run out during the crawl: the inspection then calls the probe aborted.
  // Vitest fails the run on an unhandled rejection, so a request started and left behind shows here.
  it('rejects with the reason of a signal aborted before it starts, and leaves no rejection unhandled', async () => {
    const plain = await http(page);
    const aborted = AbortSignal.abort(new Error('site time limit'));
    await expect(probeTransport(`${plain.origin}/`, { timeoutMs: 5000, signal: aborted })).rejects.toThrow(
      'site time limit',
    );
    await expect(probeTransport(`${secureOrigin}/`, { timeoutMs: 5000, signal: aborted })).rejects.toThrow(
      'site time limit',
    );
    const reading = readCertificate(`${secureOrigin}/`, 5000, fixtureReach(), aborted);
    await expect(reading).rejects.toThrow('site time limit');
  });

  it('takes the certificate from its own handshake even when the server never answers over it', async () => {
    const mute = await startSelfSignedServer(() => {});
    closers.push(mute.close);
    const result = await probeTransport(`${mute.origin}/`, { timeoutMs: 400 });
    expect(result.https).toEqual({
      url: `${mute.origin}/`,
      error: 'TIMEOUT',
      tlsError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
      validTo: expect.stringMatching(/^\d{4}-/),
    });
  });
});

describe('probeTransport honours --resolve', () => {
  const name = 'www.example.gov.cn';
  const servernames: (string | false | null | undefined)[] = [];
  const hosts: string[] = [];
  let securePort: number;
  let plainPort: number;
  const table = () => parseResolveEntries([`${name}:*:127.0.0.1`]);

  beforeAll(async () => {
    const secure = await startSelfSignedServer((req, res) => {
      servernames.push(sniName(req));
      hosts.push(req.headers.host ?? '');
      page(req, res);
    }, name);
    closers.push(secure.close);
    securePort = secure.port;
    const plain = await http((req, res) => {
      hosts.push(req.headers.host ?? '');
      redirectTo(`https://${name}:${securePort}/`)(req, res);
    });
    plainPort = plain.port;
  });

  it('reaches the named servers on 127.0.0.1 with the real Host header and SNI', async () => {
    const fromHttp = await probeTransport(`http://${name}:${plainPort}/`, {
      resolve: table(),
      timeoutMs: 5000,
    });
    expect(fromHttp.http).toEqual({
      url: `http://${name}:${plainPort}/`,
      status: 200,
      finalUrl: `https://${name}:${securePort}/`,
      redirects: [`https://${name}:${securePort}/`],
    });
    expect(fromHttp.https.url).toBe(`https://${name}/`);
    expectSettled(fromHttp.https);

    const fromHttps = await probeTransport(`https://${name}:${securePort}/`, {
      resolve: table(),
      timeoutMs: 5000,
    });
    // The certificate is made for the name, so only its signer is wrong, not its name.
    expect(fromHttps.https).toMatchObject({ status: 200, tlsError: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    expect(hosts).toEqual(expect.arrayContaining([`${name}:${plainPort}`, `${name}:${securePort}`]));
    expect(new Set(servernames)).toEqual(new Set([name]));
  });

  // `www.sc.gov.cn:PORT:127.0.0.1` names the homepage's port only; the probe also asks ports 443 and
  // 80. Left to the system resolver they would reach the real host, or, behind split DNS, fail with
  // ENOTFOUND and be reported as "no HTTPS". They go where the homepage's port is pointed.
  it('sends the other ports of a homepage pinned on its own port only to the same address', async () => {
    const real = 'www.sc.gov.cn';
    const plain = await http(page);
    const fromHttp = await probeTransport(`http://${real}:${plain.port}/`, {
      resolve: parseResolveEntries([`${real}:${plain.port}:127.0.0.1`]),
      timeoutMs: 5000,
    });
    expect(fromHttp.http).toMatchObject({ url: `http://${real}:${plain.port}/`, status: 200 });
    expect(fromHttp.https).toEqual({ url: `https://${real}/`, error: 'ECONNREFUSED' });

    const fromHttps = await probeTransport(`https://${real}:${securePort}/`, {
      resolve: parseResolveEntries([`${real}:${securePort}:127.0.0.1`]),
      timeoutMs: 5000,
    });
    expect(fromHttps.https).toMatchObject({ status: 200, tlsError: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    expect(fromHttps.http).toMatchObject({ url: `http://${real}/`, error: 'ECONNREFUSED' });
  });
});
