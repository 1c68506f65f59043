import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSite } from '../../../crawlers/site-crawl/crawl-site.ts';
import { probeTls } from '../../../crawlers/site-crawl/tls-probe.ts';
import { html, quietLog, serveSite } from './fixture-site.ts';

let server: Server;
let origin: string;
let certDir: string;

beforeAll(async () => {
  certDir = mkdtempSync(join(tmpdir(), 'site-crawl-tls-'));
  const key = join(certDir, 'key.pem');
  const cert = join(certDir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  server = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    res.writeHead(req.url === '/' || req.url === '/about.html' ? 200 : 404, { 'content-type': 'text/html' });
    res.end(req.url === '/' ? html('安全首页', ['/about.html']) : html('关于'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(certDir, { recursive: true, force: true });
});

describe('crawlSite and TLS', () => {
  it('records a self-signed certificate and still crawls the site', async () => {
    const crawl = await crawlSite({ homepage: `${origin}/`, maxPages: 5, log: quietLog });
    expect(crawl.tlsError).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(crawl.pages.map((page) => [page.url, page.status, page.title])).toEqual([
      [`${origin}/`, 200, '安全首页'],
      [`${origin}/about.html`, 200, '关于'],
    ]);
  });

  it('has no TLS error to record for a plain-HTTP site', async () => {
    const site = await serveSite({ '/': { body: html('首页') } });
    try {
      const crawl = await crawlSite({ homepage: `${site.origin}/`, maxPages: 5, log: quietLog });
      expect(crawl.tlsError).toBeUndefined();
    } finally {
      await site.close();
    }
  });

  it('does not call a refused connection a certificate problem', async () => {
    const site = await serveSite({});
    await site.close();
    expect(await probeTls(`https://127.0.0.1:${site.port}/`, 1000)).toBeUndefined();
  });
});
