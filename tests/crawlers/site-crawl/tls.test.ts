import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSite } from '../../../crawlers/site-crawl/crawl-site.ts';
import { readCertificate } from '../../../crawlers/transport/certificate.ts';
import { type RunningHttpsServer, startSelfSignedServer } from '../../support/https-server.ts';
import { html, quietLog, serveSite } from './fixture-site.ts';

let https: RunningHttpsServer;
let origin: string;

beforeAll(async () => {
  https = await startSelfSignedServer((req, res) => {
    res.writeHead(req.url === '/' || req.url === '/about.html' ? 200 : 404, { 'content-type': 'text/html' });
    res.end(req.url === '/' ? html('安全首页', ['/about.html']) : html('关于'));
  });
  origin = https.origin;
});

afterAll(() => https.close());

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
    expect(await readCertificate(`https://127.0.0.1:${site.port}/`, 1000, [])).toEqual({});
  });
});
