import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../checks/check.ts';
import { httpsSecurity } from '../../checks/https-security.ts';
import type {
  BotChallenge,
  RenderedHomepage,
  ResourceRef,
  TransportSecurity,
} from '../../crawlers/artifacts.ts';
import { homepage, site } from './fixtures/builders.ts';
import { transport } from './fixtures/transport.ts';

const NOW = new Date('2026-05-01T10:00:00+08:00');
const HTTPS_HOME = 'https://www.chengdu.gov.cn/';
const HTTP_HOME = 'http://www.chengdu.gov.cn/';
const RUISHU: BotChallenge = {
  vendor: 'waf-412',
  status: 412,
  evidence: 'HTTP 412（防护系统要求执行脚本）：<html>',
};

function judge(security: TransportSecurity, home: Partial<RenderedHomepage> = {}): CheckResult {
  return httpsSecurity.run(
    { transport: security, renderedHomepage: homepage(home) },
    { site: site(), now: NOW },
  );
}

describe('https-security', () => {
  it('is an advisory rule beyond the standard, for every site, on the transport and the rendered homepage', () => {
    expect(httpsSecurity.meta).toMatchObject({
      id: 'https-security',
      clause: '标准外建议项',
      title: 'HTTPS 安全访问',
      appliesToText: '所有网站',
      requires: ['transport', 'renderedHomepage'],
    });
    expect(httpsSecurity.meta.description).toContain('不是《政府信息主动公开平台建设规范》的条款');
    expect(httpsSecurity.meta.appliesTo(site({ level: 'county', kind: 'department' }))).toBe(true);
  });

  const passing: [string, TransportSecurity, Partial<RenderedHomepage>?][] = [
    ['HTTPS with a valid certificate, HTTP redirected to it', transport()],
    [
      'HTTP redirected to HTTPS on another port of the same host',
      transport({
        http: {
          url: 'http://www.chengdu.gov.cn:8080/',
          finalUrl: 'https://www.chengdu.gov.cn:8443/',
          redirects: ['https://www.chengdu.gov.cn:8443/'],
        },
      }),
    ],
    [
      'HTTP redirected to the https address without www., through a second hop',
      transport({
        http: {
          finalUrl: 'https://chengdu.gov.cn/index.html',
          redirects: ['http://chengdu.gov.cn/', 'https://chengdu.gov.cn/index.html'],
        },
      }),
    ],
    [
      'port 80 closed while HTTPS works',
      transport({
        http: { status: undefined, error: 'ECONNREFUSED', finalUrl: HTTP_HOME, redirects: [] },
      }),
    ],
    [
      'an HTTPS homepage loading https and protocol-free resources, and http links that are only anchors',
      transport(),
      {
        finalUrl: HTTPS_HOME,
        resources: [
          { url: 'https://www.chengdu.gov.cn/js/app.js', kind: 'script' },
          { url: 'http://www.gov.cn/', kind: 'anchor' },
          { url: 'http://www.chengdu.gov.cn/files/a.pdf', kind: 'attachment' },
        ],
      },
    ],
    [
      'HTTPS answering with a WAF challenge (a browser passes it, so HTTPS works)',
      transport({ https: { status: 412 } }),
    ],
    [
      'HTTP redirected to the HTTPS homepage, which answered with a WAF challenge',
      transport({ http: { status: 412, challenge: RUISHU } }),
    ],
    [
      'an HTTP homepage (mixed content needs an HTTPS page; HTTP itself was judged above)',
      transport(),
      { finalUrl: HTTP_HOME, resources: [{ url: 'http://www.chengdu.gov.cn/js/app.js', kind: 'script' }] },
    ],
  ];
  it.each(passing)('passes: %s', (_case, security, home) => {
    expect(judge(security, home)).toEqual({ outcome: 'pass', findings: [] });
  });

  it('fails when HTTPS cannot be reached at all, naming the error', () => {
    const result = judge(
      transport({
        https: { status: undefined, validTo: undefined, error: 'ECONNREFUSED' },
        http: { finalUrl: HTTP_HOME, redirects: [] },
      }),
      { finalUrl: HTTP_HOME },
    );
    expect(result.outcome).toBe('fail');
    expect(result.findings.map((f) => f.evidence)).toEqual([
      { problem: 'no-https', url: HTTPS_HOME, error: 'ECONNREFUSED' },
      { problem: 'http-not-redirected', url: HTTP_HOME, status: 200, finalUrl: HTTP_HOME, redirects: [] },
    ]);
    expect(result.findings[0]!.message).toBe(
      '网站不能通过 HTTPS 访问：https://www.chengdu.gov.cn/ 连接被拒绝（ECONNREFUSED）。',
    );
    expect(result.findings[1]!.message).toBe(
      '用 HTTP 访问 http://www.chengdu.gov.cn/ 没有跳转到本网站的 HTTPS 地址：服务器直接返回了 HTTP 200 应答，网页以明文传输。',
    );
  });

  it('calls a TLS failure on the HTTPS port a handshake failure', () => {
    const result = judge(transport({ https: { status: undefined, error: 'ERR_SSL_WRONG_VERSION_NUMBER' } }));
    expect(result.findings.map((f) => f.message)).toEqual([
      '网站不能通过 HTTPS 访问：https://www.chengdu.gov.cn/ HTTPS 握手失败（ERR_SSL_WRONG_VERSION_NUMBER）。',
    ]);
  });

  const certificates: [string, string, string?][] = [
    ['CERT_HAS_EXPIRED', '证书已过期（CERT_HAS_EXPIRED，有效期至 2026年3月2日）', '2026-03-01T16:00:00.000Z'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', '自签名证书，不是受信任的证书机构签发的（DEPTH_ZERO_SELF_SIGNED_CERT）'],
    [
      'ERR_TLS_CERT_ALTNAME_INVALID',
      '证书域名不匹配，证书不是为本网站域名签发的（ERR_TLS_CERT_ALTNAME_INVALID）',
    ],
    [
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      '证书链不完整，缺少中间证书或签发机构不受信任（UNABLE_TO_VERIFY_LEAF_SIGNATURE）',
    ],
    ['CERT_SIGNATURE_FAILURE', '证书无法通过验证（CERT_SIGNATURE_FAILURE）'],
  ];
  it.each(certificates)('fails on the certificate problem %s, explained', (code, explained, validTo) => {
    const result = judge(transport({ https: { tlsError: code, validTo } }));
    expect(result.outcome).toBe('fail');
    expect(result.findings).toEqual([
      {
        url: HTTPS_HOME,
        message: `网站的 HTTPS 证书有问题：${explained}，浏览器会警告访问者连接不安全。`,
        evidence: {
          problem: 'certificate',
          url: HTTPS_HOME,
          tlsError: code,
          ...(validTo ? { validTo } : {}),
        },
      },
    ]);
  });

  const unredirected: [string, Partial<TransportSecurity['http']>, string][] = [
    [
      'redirected to another HTTP address',
      {
        finalUrl: 'http://www.chengdu.gov.cn/index.html',
        redirects: ['http://www.chengdu.gov.cn/index.html'],
      },
      '最终停在 http://www.chengdu.gov.cn/index.html',
    ],
    [
      'redirected to another site’s HTTPS',
      { finalUrl: 'https://www.sc.gov.cn/', redirects: ['https://www.sc.gov.cn/'] },
      '跳转到了其他网站 https://www.sc.gov.cn/',
    ],
    [
      'redirected to another site’s HTTPS, which answered with a WAF challenge (the redirect came first)',
      {
        status: 412,
        finalUrl: 'https://www.sc.gov.cn/',
        redirects: ['https://www.sc.gov.cn/'],
        challenge: RUISHU,
      },
      '跳转到了其他网站 https://www.sc.gov.cn/',
    ],
    [
      'answering an error without redirecting',
      { status: 403, finalUrl: HTTP_HOME, redirects: [] },
      '服务器直接返回了 HTTP 403 应答',
    ],
    [
      'looping over HTTP',
      {
        status: undefined,
        error: 'REDIRECT_LOOP',
        finalUrl: 'http://www.chengdu.gov.cn/a',
        redirects: ['http://www.chengdu.gov.cn/a', HTTP_HOME],
      },
      '重定向到 http://www.chengdu.gov.cn/a 后出错（重定向循环，REDIRECT_LOOP）',
    ],
  ];
  it.each(unredirected)('fails when HTTP is not led to HTTPS: %s', (_case, http, how) => {
    const result = judge(transport({ http }));
    expect(result.outcome).toBe('fail');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      url: HTTP_HOME,
      message: `用 HTTP 访问 http://www.chengdu.gov.cn/ 没有跳转到本网站的 HTTPS 地址：${how}，网页以明文传输。`,
      evidence: { url: HTTP_HOME, finalUrl: http.finalUrl, redirects: http.redirects },
    });
  });

  // Ruishu's and Jiasule's 412/521 pages: a browser runs their script, gets the cookie, and is then led
  // (often) to HTTPS. The probe cannot run the script, so it cannot tell where HTTP leads.
  const challenged: [string, Partial<TransportSecurity['http']>][] = [
    [
      'a 412 challenge on the HTTP homepage',
      { status: 412, finalUrl: HTTP_HOME, redirects: [], challenge: RUISHU },
    ],
    [
      'a 521 challenge after a redirect to another HTTP page',
      {
        status: 521,
        finalUrl: 'http://www.chengdu.gov.cn/index.html',
        redirects: ['http://www.chengdu.gov.cn/index.html'],
        challenge: { vendor: 'waf-521', status: 521, evidence: 'HTTP 521（防护系统质询）：<html>' },
      },
    ],
  ];
  it.each(challenged)('leaves HTTP to a person on %s, rather than fail it', (_case, http) => {
    const result = judge(transport({ https: { status: 412 }, http }));
    expect(result.outcome).toBe('review');
    expect(result.findings).toEqual([
      {
        url: HTTP_HOME,
        message: `HTTP 访问被防护系统拦截，无法判断是否跳转到 HTTPS，需人工确认：用 HTTP 访问 ${HTTP_HOME} 得到的是防护系统的验证页（HTTP ${http.status}）。`,
        evidence: {
          problem: 'http-challenge',
          url: HTTP_HOME,
          status: http.status,
          finalUrl: http.finalUrl,
          redirects: http.redirects,
          challenge: http.challenge,
        },
      },
    ]);
  });

  it('still fails a challenged site for what it does get wrong', () => {
    const result = judge(
      transport({
        https: { tlsError: 'CERT_HAS_EXPIRED' },
        http: { status: 412, finalUrl: HTTP_HOME, redirects: [], challenge: RUISHU },
      }),
    );
    expect(result.outcome).toBe('fail');
    expect(result.findings.map((f) => Object.keys(f.evidence))).toEqual([
      ['problem', 'url', 'tlsError', 'validTo'],
      ['problem', 'url', 'status', 'finalUrl', 'redirects', 'challenge'],
    ]);
  });

  it('fails on mixed content with one finding listing at most 20 addresses and counting them all', () => {
    const images: ResourceRef[] = Array.from({ length: 22 }, (_, i) => ({
      url: `http://www.chengdu.gov.cn/images/${i}.jpg`,
      kind: 'image',
    }));
    const resources: ResourceRef[] = [
      { url: 'http://cdn.example.com/jquery.js', kind: 'script' },
      { url: 'http://www.chengdu.gov.cn/css/main.css', kind: 'stylesheet' },
      { url: 'http://map.example.com/embed', kind: 'frame' },
      { url: 'https://www.chengdu.gov.cn/js/ok.js', kind: 'script' },
      { url: 'http://www.chengdu.gov.cn/video.mp4', kind: 'other' },
      ...images,
    ];
    const result = judge(transport(), { finalUrl: HTTPS_HOME, resources });
    expect(result.outcome).toBe('fail');
    expect(result.findings).toHaveLength(1);
    const [finding] = result.findings;
    expect(finding!.url).toBe(HTTPS_HOME);
    expect(finding!.message).toBe(
      '首页通过 HTTPS 打开，却以 HTTP 明文加载了 25 个资源（图片 22 个、脚本 1 个、样式表 1 个、内嵌框架 1 个），即“混合内容”：浏览器会拦截脚本、样式表和框架，或标示页面不安全。',
    );
    expect(finding!.evidence.insecureCount).toBe(25);
    expect(finding!.evidence.insecureResources).toEqual(
      [...resources.slice(0, 3), ...images].slice(0, 20).map(({ url, kind }) => ({ url, kind })),
    );
  });

  it('gives one finding per problem when everything is wrong', () => {
    const result = judge(
      transport({
        https: { tlsError: 'CERT_HAS_EXPIRED', validTo: '2026-01-01T00:00:00.000Z' },
        http: { finalUrl: HTTP_HOME, redirects: [] },
      }),
      { finalUrl: HTTPS_HOME, resources: [{ url: 'http://www.chengdu.gov.cn/a.js', kind: 'script' }] },
    );
    expect(result.outcome).toBe('fail');
    expect(result.findings.map((f) => f.url)).toEqual([HTTPS_HOME, HTTP_HOME, HTTPS_HOME]);
    // Two problems on one address: the problem named in the evidence tells their findings apart (contract §7 ids).
    expect(result.findings.map((f) => f.evidence.problem)).toEqual([
      'certificate',
      'http-not-redirected',
      'mixed-content',
    ]);
  });
});
