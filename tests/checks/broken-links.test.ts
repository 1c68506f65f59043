import { describe, expect, it } from 'vitest';
import { brokenLinks } from '../../checks/broken-links.ts';
import type { CheckResult } from '../../checks/check.ts';
import type { LinkStatuses } from '../../crawlers/artifacts.ts';
import { HOME, linkStatuses, site } from './fixtures/builders.ts';

const NOW = new Date('2026-05-01T00:00:00Z');
const NEWS = `${HOME}xwzx/1.html`;
const T = (path: string) => `${HOME}${path}`;

function judge(statuses: LinkStatuses): CheckResult {
  return brokenLinks.run({ linkStatuses: statuses }, { site: site(), now: NOW });
}

describe('broken-links', () => {
  it('passes when every target works', () => {
    const result = judge(
      linkStatuses([
        { target: T('a.html'), status: { verdict: 'ok' } },
        { target: T('b.html'), page: NEWS, status: { verdict: 'ok', status: 200, method: 'GET' } },
      ]),
    );
    expect(result).toEqual({ outcome: 'pass', findings: [] });
  });

  it('passes a page with no links', () => {
    expect(judge(linkStatuses([]))).toEqual({ outcome: 'pass', findings: [] });
  });

  const failures: [string, Parameters<typeof linkStatuses>[0][number]['status'], string][] = [
    ['404', { status: 404 }, '链接失效：404 页面不存在。'],
    ['410', { status: 410 }, '410 页面已删除'],
    ['500', { status: 500 }, '服务器错误 500'],
    ['599', { status: 599 }, '服务器错误 599'],
    ['418', { status: 418 }, 'HTTP 418 错误'],
    ['refused', { status: 'ECONNREFUSED' }, '连接被拒绝（ECONNREFUSED）'],
    ['unreachable host', { status: 'EHOSTUNREACH' }, '无法连接（EHOSTUNREACH）'],
    ['unresolvable', { status: 'ENOTFOUND' }, '域名无法解析（ENOTFOUND）'],
    ['timeout', { status: 'TIMEOUT' }, '超时（TIMEOUT）'],
    ['redirect loop', { status: 'REDIRECT_LOOP', redirects: [T('r1'), T('r2'), T('r1')] }, '重定向循环'],
    ['too many redirects', { status: 'TOO_MANY_REDIRECTS' }, '重定向次数过多'],
    ['expired certificate', { status: 'CERT_HAS_EXPIRED' }, '证书错误（CERT_HAS_EXPIRED）'],
    ['self-signed certificate', { status: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, '证书错误'],
    ['unknown error code', { status: 'EPROTO_WEIRD' }, '无法访问（EPROTO_WEIRD）'],
    [
      'soft 404',
      { status: 200, softNotFound: { evidence: '标题：页面不存在', by: 'wording' } },
      '链接失效：软 404（返回 200，但页面显示不存在：标题：页面不存在）。',
    ],
  ];
  it.each(failures)('fails on %s, naming the failure', (_case, status, said) => {
    const result = judge(
      linkStatuses([
        { target: T('ok.html'), status: { verdict: 'ok' } },
        { target: T('x'), text: '通知公告', status: { verdict: 'broken', ...status } },
      ]),
    );
    expect(result.outcome).toBe('fail');
    expect(result.findings).toHaveLength(1);
    const [finding] = result.findings;
    expect(finding).toMatchObject({ url: HOME, target: T('x'), status: status!.status });
    expect(finding!.message).toContain(said);
    expect(finding!.evidence).toMatchObject({ linkText: '通知公告', kind: 'anchor', method: 'HEAD' });
  });

  it('keeps redirect chains and soft-404 evidence', () => {
    const result = judge(
      linkStatuses([
        {
          target: T('old'),
          status: {
            verdict: 'broken',
            status: 200,
            redirects: [T('new')],
            finalUrl: T('new'),
            method: 'GET',
            softNotFound: { evidence: '标题：您访问的页面不存在', by: 'wording' },
          },
        },
      ]),
    );
    expect(result.findings[0]!.evidence).toMatchObject({
      redirects: [T('new')],
      finalUrl: T('new'),
      softNotFound: '标题：您访问的页面不存在',
    });
  });

  it('shows the host’s not-found answer a soft 404 matched', () => {
    const fingerprint = {
      url: T('xwzx/3f9a1c7e2b4d5a6f.html'),
      status: 200,
      finalUrl: T('xwzx/3f9a1c7e2b4d5a6f.html'),
      redirects: [],
      title: '页面不存在_成都市人民政府',
      length: 126,
      textStart: '今天是： 无障碍 长者模式 抱歉，您访问的页面不存在或已被删除！',
    };
    const result = judge(
      linkStatuses([
        {
          target: T('xwzx/t2019_1.html'),
          status: {
            verdict: 'broken',
            status: 200,
            method: 'GET',
            softNotFound: {
              evidence: '与本站不存在网页的应答一致（标题“页面不存在_成都市人民政府”，文字相似度 1.00）',
              by: 'not-found-page',
              fingerprint,
              likeness: { title: 1, text: 1, differing: 0, lengths: [126, 126] },
            },
          },
        },
      ]),
    );
    expect(result.findings[0]!.message).toBe(
      '链接失效：软 404（返回 200，但页面显示不存在：与本站不存在网页的应答一致（标题“页面不存在_成都市人民政府”，文字相似度 1.00））。',
    );
    expect(result.findings[0]!.evidence).toMatchObject({
      notFoundFingerprint: {
        url: fingerprint.url,
        status: 200,
        pageTitle: '页面不存在_成都市人民政府',
        textLength: 126,
        textStart: fingerprint.textStart,
      },
      likeness: { titleSimilarity: 1, textSimilarity: 1, differingShingles: 0, textLengths: [126, 126] },
    });
    expect(result.findings[0]!.evidence.notFoundFingerprint).not.toHaveProperty('finalUrl');
  });

  it('names the kind of resource', () => {
    const result = judge(
      linkStatuses([{ target: T('logo.png'), kind: 'image', status: { verdict: 'broken', status: 404 } }]),
    );
    expect(result.findings[0]!.message).toBe('图片失效：404 页面不存在。');
  });

  it('gives one finding per page and target, not per occurrence', () => {
    const result = judge(
      linkStatuses([
        { target: T('gone'), status: { verdict: 'broken', status: 404 } },
        { target: T('gone'), text: '同一页面上的第二个链接' },
        { target: T('gone'), page: NEWS },
      ]),
    );
    expect(result.findings.map((f) => [f.url, f.target])).toEqual([
      [HOME, T('gone')],
      [NEWS, T('gone')],
    ]);
  });

  it('does not count unverified targets when something is broken', () => {
    const result = judge(
      linkStatuses([
        { target: T('gone'), status: { verdict: 'broken', status: 404 } },
        { target: 'https://waf.example.gov.cn/', status: { verdict: 'unverified', status: 412 } },
      ]),
    );
    expect(result.outcome).toBe('fail');
    expect(result.findings.map((f) => f.target)).toEqual([T('gone')]);
  });

  it('reviews targets behind a bot challenge or still busy, never calling them broken', () => {
    const challenge = {
      vendor: 'waf-412',
      status: 412,
      evidence: 'HTTP 412（防护系统要求执行脚本）',
    } as const;
    const result = judge(
      linkStatuses([
        { target: 'https://waf.example.gov.cn/', status: { verdict: 'unverified', status: 412, challenge } },
        {
          target: T('busy'),
          page: NEWS,
          status: { verdict: 'unverified', status: 503, busy: { retries: 3, lastRetryAfterSeconds: 120 } },
        },
      ]),
    );
    expect(result.outcome).toBe('review');
    expect(result.findings).toHaveLength(2);
    expect(result.findings[0]!.message).toContain('防护系统拦截');
    expect(result.findings[0]!.message).toContain('未计为失效链接');
    expect(result.findings[0]!.evidence).toMatchObject({ challenge });
    expect(result.findings[1]!.message).toContain('重试 3 次后仍未恢复');
    expect(result.findings[1]!.evidence).toMatchObject({ busy: { retries: 3 } });
  });

  it('reviews a target not requested because its address is refused, never calling it broken or working', () => {
    const refused = {
      host: 'intranet.example.gov.cn',
      address: '10.0.0.1',
      addressClass: 'private',
      url: 'http://10.0.0.1/admin',
    } as const;
    const result = judge(
      linkStatuses([
        { target: T('ok'), status: { verdict: 'ok', status: 200 } },
        {
          target: 'http://intranet.example.gov.cn/',
          status: { verdict: 'unverified', status: 'ADDRESS_REFUSED', refused },
        },
      ]),
    );
    expect(result.outcome).toBe('review');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ status: 'ADDRESS_REFUSED', evidence: { refused } });
    expect(result.findings[0]!.message).toBe(
      '链接无法确认是否可用：出于安全考虑未访问 http://10.0.0.1/admin：intranet.example.gov.cn（解析为 10.0.0.1）是内网地址，' +
        '既不是本站首页所在的地址，也不在 CRAWL_ALLOW_NETWORKS 允许的网段内，未计为失效链接，需人工查看。',
    );
  });

  it('reviews a page whose answer began and whose body could not be read to the end, never calling it working or broken', () => {
    const result = judge(
      linkStatuses([
        {
          target: T('bomb'),
          status: { verdict: 'unverified', status: 'TOO_LARGE', incomplete: { httpStatus: 200 } },
        },
        {
          target: T('trickle'),
          status: { verdict: 'unverified', status: 'TIMEOUT', incomplete: { httpStatus: 200 } },
        },
      ]),
    );
    expect(result.outcome).toBe('review');
    expect(result.findings.map((f) => [f.status, f.message])).toEqual([
      [
        'TOO_LARGE',
        '链接无法确认是否可用：目标已开始回应（HTTP 200），但内容解压后超过抓取上限，未能读完，未计为失效链接，需人工查看。',
      ],
      [
        'TIMEOUT',
        '链接无法确认是否可用：目标已开始回应（HTTP 200），但内容在请求时限内未能传完（TIMEOUT），未计为失效链接，需人工查看。',
      ],
    ]);
    expect(result.findings[0]!.evidence).toMatchObject({ incomplete: { httpStatus: 200 } });
  });

  it('reviews a target the link checker left without a verdict', () => {
    const result = judge(linkStatuses([{ target: T('never-checked') }]));
    expect(result.outcome).toBe('review');
    expect(result.findings[0]!.message).toContain('没有检测结果');
    expect(result.findings[0]).not.toHaveProperty('status');
  });
});
