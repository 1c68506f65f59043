import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseResolveEntries } from '../../crawlers/resolve/resolve-table.ts';
import { withResolveTable } from '../../src/inspection/context.ts';
import type { CheckReport, SiteResult } from '../../src/results.ts';
import { countySite } from '../support/county-site.ts';
import { type RunningServer, startServer } from '../support/http-server.ts';
import { type RunningHttpsServer, startSelfSignedServer } from '../support/https-server.ts';
import { inspectFixtureSites } from './support/inspect-fixture-sites.ts';

/** A finding's id or evidence digest (contract §7), as the inspection gives every finding. */
const ID = expect.stringMatching(/^[0-9a-f]{24}$/);

const NOW = new Date('2026-11-25T02:00:00Z');
const GOV_NAME = 'www.example-county.gov.cn';
const COM_NAME = 'www.example-county.com';
// Both names lead to loopback on every port: the HTTPS probe of port 443 included.
const RESOLVE = parseResolveEntries([`${GOV_NAME}:*:127.0.0.1`, `${COM_NAME}:*:127.0.0.1`]);
const TIMEOUTS = { connectTimeoutMs: 3_000, responseTimeoutMs: 4_000, totalTimeoutMs: 5_000 };
const SETTINGS = withResolveTable(
  {
    maxPages: 3,
    crawl: TIMEOUTS,
    links: TIMEOUTS,
    render: { navigationTimeoutMs: 10_000, settleCapMs: 2_000 },
  },
  RESOLVE,
);

/** A county portal of one page, which answers where it is asked (no redirect to HTTPS). */
function countyPortal(hosts: Set<string>) {
  return (req: IncomingMessage, res: ServerResponse) => {
    hosts.add(req.headers.host ?? '');
    if (req.url !== '/') {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>404 页面不存在</h1>');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      '<!doctype html><html><head><meta charset="utf-8"><title>示例县人民政府</title></head>' +
        '<body><header><h1>示例县人民政府</h1></header><p>政务公开</p></body></html>',
    );
  };
}

const check = (result: SiteResult, ruleId: string): CheckReport => {
  const report = result.checks.find((c) => c.ruleId === ruleId);
  if (!report) throw new Error(`no ${ruleId} in the result of ${result.siteId}`);
  return report;
};

describe('https-security and site-domain on loopback fixture sites, through inspectSite', () => {
  const hosts = new Set<string>();
  let secure: RunningHttpsServer;
  let plain: RunningServer;
  let selfSigned: SiteResult;
  let govName: SiteResult;
  let comName: SiteResult;

  beforeAll(async () => {
    secure = await startSelfSignedServer(countyPortal(hosts));
    plain = await startServer(countyPortal(hosts));
    [selfSigned, govName, comName] = await inspectFixtureSites(
      [
        countySite('self-signed', `${secure.origin}/`),
        countySite('gov-name', `http://${GOV_NAME}:${plain.port}/`),
        countySite('com-name', `http://${COM_NAME}:${plain.port}/`),
      ],
      { now: NOW, settings: SETTINGS },
    );
  }, 45_000);

  afterAll(async () => {
    await secure?.close();
    await plain?.close();
  });

  it('fails a site whose certificate is self-signed, citing the verification code and its end', () => {
    expect(selfSigned.status).toBe('done');
    expect(check(selfSigned, 'header-full-name').outcome).toBe('pass');
    const https = check(selfSigned, 'https-security');
    expect(https.outcome).toBe('fail');
    const certificate = https.findings.find((f) => f.evidence?.tlsError !== undefined);
    expect(certificate).toMatchObject({
      url: `${secure.origin}/`,
      message: expect.stringContaining('自签名证书'),
      evidence: {
        url: `${secure.origin}/`,
        tlsError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
        validTo: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    });
    // HTTPS itself answered: the only HTTPS problem is the certificate.
    expect(https.findings.filter((f) => f.message.includes('不能通过 HTTPS 访问'))).toEqual([]);
    expect(selfSigned.tlsError).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    // A loopback address has no domain to judge.
    expect(check(selfSigned, 'site-domain').outcome).toBe('review');
  });

  it('fails a plain-HTTP homepage under its real name that is not redirected to HTTPS', () => {
    expect(govName.status).toBe('done');
    expect(check(govName, 'header-full-name').outcome).toBe('pass');
    const https = check(govName, 'https-security');
    expect(https.outcome).toBe('fail');
    const homepage = `http://${GOV_NAME}:${plain.port}/`;
    const notRedirected = https.findings.find((f) => f.message.includes('没有跳转到本网站的 HTTPS 地址'));
    expect(notRedirected).toEqual({
      url: homepage,
      message: `用 HTTP 访问 ${homepage} 没有跳转到本网站的 HTTPS 地址：服务器直接返回了 HTTP 200 应答，网页以明文传输。`,
      evidence: {
        url: homepage,
        status: 200,
        finalUrl: homepage,
        redirects: [],
        problem: 'http-not-redirected',
      },
      id: ID,
      evidenceDigest: ID,
    });
    // The HTTPS probe asked the name on port 443, which the resolve table kept on loopback (where
    // nothing is expected to listen, but a test cannot own the port).
    for (const other of https.findings.filter((f) => f !== notRedirected)) {
      expect(other).toMatchObject({
        url: `https://${GOV_NAME}/`,
        message: expect.stringContaining('不能通过 HTTPS 访问'),
      });
    }
  });

  it('passes www.□□□.gov.cn as a county portal’s domain and fails the same site registered under .com', () => {
    expect(check(govName, 'site-domain')).toEqual({ ruleId: 'site-domain', outcome: 'pass', findings: [] });
    const domain = check(comName, 'site-domain');
    expect(domain.outcome).toBe('fail');
    expect(domain.findings).toEqual([
      {
        url: `http://${COM_NAME}:${plain.port}/`,
        message: `网站域名 ${COM_NAME} 不以“.gov.cn”为后缀，不符合政府网站域名要求。`,
        evidence: { host: COM_NAME, expected: '*.gov.cn' },
        id: ID,
        evidenceDigest: ID,
      },
    ]);
    // The .com site was inspected all the same, through the resolve table.
    expect(comName.status).toBe('done');
    expect(check(comName, 'https-security').outcome).toBe('fail');
  });

  it('reached the plain site under its names only, never by address', () => {
    const plainHosts = [...hosts].filter((host) => host.endsWith(`:${plain.port}`));
    expect(new Set(plainHosts)).toEqual(new Set([`${GOV_NAME}:${plain.port}`, `${COM_NAME}:${plain.port}`]));
  });
});
