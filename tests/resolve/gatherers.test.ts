import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LinkOccurrence } from '../../crawlers/artifacts.ts';
import { checkLinks } from '../../crawlers/link-status/check-links.ts';
import { renderHomepage } from '../../crawlers/rendered-homepage/render-homepage.ts';
import { parseResolveEntries, type ResolveTable } from '../../crawlers/resolve/resolve-table.ts';
import { crawlSite } from '../../crawlers/site-crawl/crawl-site.ts';
import { readCertificate } from '../../crawlers/transport/certificate.ts';
import { launchBrowser } from '../../src/browser.ts';
import { log } from '../../src/log.ts';
import { type RunningServer, startServer } from '../support/http-server.ts';
import { type RunningHttpsServer, sniName, startSelfSignedServer } from '../support/https-server.ts';
import { FIXTURE_REACH, fixtureReach } from '../support/reach.ts';

interface Seen {
  method: string;
  path: string;
  host: string;
  /** Set for a browser's navigation (Chromium sends Upgrade-Insecure-Requests; got and undici do not). */
  navigation?: true;
  servername?: string | false | null;
}

const quiet = log.child({});
quiet.level = 'silent';

const page = (title: string, links: string[] = []) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><header><h1>${title}</h1></header>${links
    .map((href) => `<a href="${href}">${href}</a>`)
    .join(' ')}</body></html>`;

/*
 * Two real .gov.cn names served on 127.0.0.1: www.sc.gov.cn (whose /moved.html redirects to the other
 * server) and www.chengdu.gov.cn. Nothing but 127.0.0.1 is ever contacted: the only name without an
 * entry is under .invalid.
 */
let sc: RunningServer;
let chengdu: RunningServer;
let secure: RunningHttpsServer;
let table: ResolveTable;
let scSeen: Seen[];
let chengduSeen: Seen[];
let secureSeen: Seen[];
let scOrigin: string;
let secureOrigin: string;

function recorder(seen: Seen[], routes: (req: IncomingMessage, res: ServerResponse) => void) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const servername = sniName(req);
    seen.push({
      method: req.method ?? '',
      path: req.url ?? '',
      host: req.headers.host ?? '',
      ...(req.headers['upgrade-insecure-requests'] === '1' ? { navigation: true as const } : {}),
      ...(servername !== undefined ? { servername } : {}),
    });
    routes(req, res);
  };
}

beforeAll(async () => {
  scSeen = [];
  chengduSeen = [];
  secureSeen = [];
  chengdu = await startServer(
    recorder(chengduSeen, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page('成都市人民政府'));
    }),
  );
  sc = await startServer(
    recorder(scSeen, (req, res) => {
      const html = (status: number, body: string) => {
        res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
        res.end(body);
      };
      if (req.url === '/') html(200, page('四川省人民政府', ['/a.html', '/moved.html']));
      else if (req.url === '/a.html') html(200, page('政务公开'));
      else if (req.url === '/moved.html') {
        res.writeHead(302, { location: `http://www.chengdu.gov.cn:${chengdu.port}/landing.html` });
        res.end();
      } else if (req.url === '/files/report.pdf') {
        res.writeHead(200, { 'content-type': 'application/pdf' });
        res.end('%PDF-1.4');
      } else html(404, page('页面不存在'));
    }),
  );
  secure = await startSelfSignedServer(
    recorder(secureSeen, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page('四川省人民政府'));
    }),
    'www.sc.gov.cn',
  );
  scOrigin = `http://www.sc.gov.cn:${sc.port}`;
  secureOrigin = `https://www.sc.gov.cn:${secure.port}`;
  table = parseResolveEntries([
    `www.sc.gov.cn:${sc.port}:127.0.0.1`,
    `www.sc.gov.cn:${secure.port}:[::ffff:127.0.0.1]`,
    `www.chengdu.gov.cn:*:127.0.0.1`,
  ]);
});

afterAll(async () => {
  await Promise.all([sc?.close(), chengdu?.close(), secure?.close()]);
});

describe('the site crawl honours --resolve', () => {
  it('crawls www.sc.gov.cn on 127.0.0.1 with the real Host header, and follows a redirect to another resolved name', async () => {
    const crawl = await crawlSite({
      homepage: `${scOrigin}/`,
      maxPages: 10,
      settings: { resolve: table },
      log: quiet,
    });
    expect(crawl.pages.map((p) => [p.url, p.finalUrl, p.status])).toEqual(
      expect.arrayContaining([
        [`${scOrigin}/`, `${scOrigin}/`, 200],
        [`${scOrigin}/a.html`, `${scOrigin}/a.html`, 200],
        [`${scOrigin}/moved.html`, `http://www.chengdu.gov.cn:${chengdu.port}/landing.html`, 200],
      ]),
    );
    expect(scSeen.filter((s) => s.method === 'GET').map((s) => s.host)).toEqual(
      expect.arrayContaining([`www.sc.gov.cn:${sc.port}`]),
    );
    expect(new Set(scSeen.map((s) => s.host))).toEqual(new Set([`www.sc.gov.cn:${sc.port}`]));
    expect(chengduSeen).toContainEqual({
      method: 'GET',
      path: '/landing.html',
      host: `www.chengdu.gov.cn:${chengdu.port}`,
    });
  });

  it('over HTTPS: SNI is the host name, the certificate problem is still recorded', async () => {
    expect((await readCertificate(`${secureOrigin}/`, 5000, fixtureReach(table))).tlsError).toBe(
      'DEPTH_ZERO_SELF_SIGNED_CERT',
    );
    const crawl = await crawlSite({
      homepage: `${secureOrigin}/`,
      maxPages: 2,
      settings: { resolve: table },
      log: quiet,
    });
    expect(crawl.pages[0]).toMatchObject({ url: `${secureOrigin}/`, status: 200, title: '四川省人民政府' });
    expect(secureSeen).toContainEqual({
      method: 'GET',
      path: '/',
      host: `www.sc.gov.cn:${secure.port}`,
      servername: 'www.sc.gov.cn',
    });
  });

  it('leaves names without an entry to the system resolver, which fails fast for .invalid', async () => {
    const crawl = await crawlSite({
      homepage: `http://unlisted.invalid:${sc.port}/`,
      maxPages: 1,
      settings: { resolve: table },
      log: quiet,
    });
    expect(crawl.pages[0]).toMatchObject({ status: null });
    expect(scSeen.some((s) => s.host.startsWith('unlisted.invalid'))).toBe(false);
  });
});

describe('the link check honours --resolve', () => {
  it('checks links of resolved names over HTTP and HTTPS with the real Host and SNI; other names stay unresolved', async () => {
    const links = [
      `${scOrigin}/files/report.pdf`,
      `${scOrigin}/files/missing.pdf`,
      `${secureOrigin}/index.html`,
      `http://unlisted.invalid:${sc.port}/x.pdf`,
    ];
    const occurrences: LinkOccurrence[] = links.map((target) => ({
      page: `${scOrigin}/`,
      target,
      kind: 'anchor',
      text: '',
    }));
    const { statuses } = await checkLinks({
      occurrences,
      settings: { resolve: table, retryBaseDelayMs: 10, reach: FIXTURE_REACH },
    });
    expect(statuses[links[0]!]).toMatchObject({ status: 200, verdict: 'ok' });
    expect(statuses[links[1]!]).toMatchObject({ status: 404, verdict: 'broken' });
    expect(statuses[links[2]!]).toMatchObject({
      status: 200,
      verdict: 'ok',
      tlsError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    });
    expect(statuses[links[3]!]).toMatchObject({
      status: expect.stringMatching(/ENOTFOUND|EAI_AGAIN|DNS/),
      verdict: 'broken',
    });
    expect(scSeen).toContainEqual({
      method: 'HEAD',
      path: '/files/missing.pdf',
      host: `www.sc.gov.cn:${sc.port}`,
    });
    expect(secureSeen).toContainEqual({
      method: 'GET',
      path: '/index.html',
      host: `www.sc.gov.cn:${secure.port}`,
      servername: 'www.sc.gov.cn',
    });
  });
});

describe('Chromium, through the render proxy, honours --resolve', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('renders www.sc.gov.cn from 127.0.0.1, with the real Host header and, over HTTPS, the real SNI', async () => {
    const rendered = await renderHomepage(browser, `${scOrigin}/`, { settleCapMs: 1000, resolve: table });
    expect(rendered).toMatchObject({ status: 200, finalUrl: `${scOrigin}/`, title: '四川省人民政府' });
    expect(scSeen).toContainEqual({
      method: 'GET',
      path: '/',
      host: `www.sc.gov.cn:${sc.port}`,
      navigation: true,
    });
    const secured = await renderHomepage(browser, `${secureOrigin}/`, { settleCapMs: 1000, resolve: table });
    expect(secured).toMatchObject({ status: 200, title: '四川省人民政府' });
    expect(secureSeen).toContainEqual({
      method: 'GET',
      path: '/',
      host: `www.sc.gov.cn:${secure.port}`,
      navigation: true,
      servername: 'www.sc.gov.cn',
    });
  }, 60_000);
});
