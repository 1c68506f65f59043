import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSite } from '../../../crawlers/site-crawl/crawl-site.ts';
import { readCertificate } from '../../../crawlers/transport/certificate.ts';
import { type RunningHttpsServer, startSelfSignedServer } from '../../support/https-server.ts';
import { fixtureReach } from '../../support/reach.ts';
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
  it('crawls a site whose certificate is self-signed (the transport probe judges the certificate)', async () => {
    const crawl = await crawlSite({ homepage: `${origin}/`, maxPages: 5, log: quietLog });
    expect(crawl.pages.map((page) => [page.url, page.status, page.title])).toEqual([
      [`${origin}/`, 200, '安全首页'],
      [`${origin}/about.html`, 200, '关于'],
    ]);
  });

  it('does not call a refused connection a certificate problem', async () => {
    const site = await serveSite({});
    await site.close();
    expect(await readCertificate(`https://127.0.0.1:${site.port}/`, 1000, fixtureReach())).toEqual({});
  });
});
