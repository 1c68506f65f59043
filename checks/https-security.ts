import type { LinkKind, RenderedHomepage, TransportSecurity } from '../crawlers/artifacts.ts';
import { type CheckResult, defineCheck, type Finding } from './check.ts';
import { shanghaiDay } from './lib/calendar.ts';
import { glossErrorCode, KIND_NAMES } from './lib/link-failure.ts';

/** Sub-resources whose plain-HTTP address makes an HTTPS page mixed content (browsers block or flag them). */
const MIXED_KINDS: readonly LinkKind[] = ['image', 'script', 'stylesheet', 'frame'];
/** Mixed-content addresses listed in a finding; the count says how many there are in all. */
const LISTED = 20;

/** Certificate verification codes in Chinese, the specific before the general. */
const CERTIFICATE_PROBLEMS: [RegExp, string][] = [
  [/^CERT_HAS_EXPIRED$/, '证书已过期'],
  [/^CERT_NOT_YET_VALID$/, '证书尚未生效'],
  [/^DEPTH_ZERO_SELF_SIGNED_CERT$/, '自签名证书，不是受信任的证书机构签发的'],
  [/^SELF_SIGNED_CERT_IN_CHAIN$/, '证书链的根证书是自签名的，不受信任'],
  [/ALTNAME|HOSTNAME/, '证书域名不匹配，证书不是为本网站域名签发的'],
  [
    /^UNABLE_TO_(VERIFY_LEAF_SIGNATURE|GET_ISSUER_CERT(_LOCALLY)?)$/,
    '证书链不完整，缺少中间证书或签发机构不受信任',
  ],
  [/^CERT_REVOKED$/, '证书已被吊销'],
];

/**
 * Beyond the standard, advisory (issue 5): the site is served over HTTPS with a valid certificate,
 * plain HTTP leads there, and the HTTPS homepage loads no sub-resource over plain HTTP. One finding per
 * problem. Port 80 closed is fine when HTTPS works: nothing is then served in clear. Plain HTTP ending
 * on a WAF's challenge is `review`: where it leads once the challenge is passed is unknown.
 */
export const httpsSecurity = defineCheck({
  meta: {
    id: 'https-security',
    clause: '标准外建议项',
    title: 'HTTPS 安全访问',
    description:
      '本项不是《政府信息主动公开平台建设规范》的条款，是按通行的网站安全要求提出的建议：网站应能通过 HTTPS 访问且证书有效（未过期、非自签名、域名匹配、证书链完整），用 HTTP 访问应跳转到本网站的 HTTPS 地址（不开放 80 端口也可以），HTTPS 首页不应以 HTTP 明文加载图片、脚本、样式表和框架（混合内容）。',
    appliesToText: '所有网站',
    appliesTo: () => true,
    requires: ['transport', 'renderedHomepage'],
    // One finding per problem (its name is the key): the error or certificate code, where plain HTTP
    // ended, the resources loaded over http.
    identity: {
      key: ['evidence.problem'],
      digest: [
        'evidence.problem',
        'evidence.error',
        'evidence.tlsError',
        'evidence.validTo',
        'evidence.status',
        'evidence.finalUrl',
        'evidence.insecureResources.*.url',
        'evidence.challenge.vendor',
      ],
    },
  },
  run({ transport, renderedHomepage }): CheckResult {
    const failures = [
      noHttps(transport.https),
      badCertificate(transport.https),
      httpNotRedirected(transport.http),
      mixedContent(renderedHomepage),
    ].filter((finding): finding is Finding => finding !== undefined);
    const doubt = httpChallenged(transport.http);
    const findings = [...failures, ...(doubt ? [doubt] : [])];
    return { outcome: failures.length > 0 ? 'fail' : doubt ? 'review' : 'pass', findings };
  },
});

function noHttps(https: TransportSecurity['https']): Finding | undefined {
  if (https.error === undefined) return undefined;
  const why = /SSL|TLS|EPROTO/i.test(https.error) ? 'HTTPS 握手失败' : glossErrorCode(https.error);
  return {
    url: https.url,
    message: `网站不能通过 HTTPS 访问：${https.url} ${why ?? '无法连接'}（${https.error}）。`,
    evidence: { problem: 'no-https', url: https.url, error: https.error },
  };
}

function badCertificate(https: TransportSecurity['https']): Finding | undefined {
  const code = https.tlsError;
  if (code === undefined) return undefined;
  const problem = CERTIFICATE_PROBLEMS.find(([pattern]) => pattern.test(code))?.[1] ?? '证书无法通过验证';
  const until = https.validTo === undefined ? '' : `，有效期至 ${calendarDate(https.validTo)}`;
  return {
    url: https.url,
    message: `网站的 HTTPS 证书有问题：${problem}（${code}${until}），浏览器会警告访问者连接不安全。`,
    evidence: {
      problem: 'certificate',
      url: https.url,
      tlsError: code,
      ...(https.validTo ? { validTo: https.validTo } : {}),
    },
  };
}

function httpNotRedirected(http: TransportSecurity['http']): Finding | undefined {
  const answered = http.status !== undefined || http.redirects.length > 0;
  if (!answered || stoppedByChallenge(http)) return undefined;
  const end = http.finalUrl ?? http.url;
  if (isHttps(end) && sameHost(end, http.url)) return undefined;
  return {
    url: http.url,
    message: `用 HTTP 访问 ${http.url} 没有跳转到本网站的 HTTPS 地址：${ending(http, end)}，网页以明文传输。`,
    evidence: {
      problem: 'http-not-redirected',
      url: http.url,
      ...(http.status !== undefined ? { status: http.status } : {}),
      ...(http.error !== undefined ? { error: http.error } : {}),
      finalUrl: end,
      redirects: http.redirects,
    },
  };
}

/**
 * HTTP ended on a WAF's challenge (Ruishu's and Jiasule's 412/521 pages) on an http address: a browser
 * runs its script and is then, often, led to HTTPS; the probe cannot tell. A challenge met once on
 * HTTPS comes after the step that matters and is judged like any answer there.
 */
function httpChallenged(http: TransportSecurity['http']): Finding | undefined {
  if (!http.challenge || !stoppedByChallenge(http)) return undefined;
  return {
    url: http.url,
    message: `HTTP 访问被防护系统拦截，无法判断是否跳转到 HTTPS，需人工确认：用 HTTP 访问 ${http.url} 得到的是防护系统的验证页（HTTP ${http.challenge.status}）。`,
    evidence: {
      problem: 'http-challenge',
      url: http.url,
      status: http.status,
      finalUrl: http.finalUrl ?? http.url,
      redirects: http.redirects,
      challenge: http.challenge,
    },
  };
}

function stoppedByChallenge(http: TransportSecurity['http']): boolean {
  return http.challenge !== undefined && !isHttps(http.finalUrl ?? http.url);
}

/** How the HTTP request ended, in Chinese. */
function ending(http: TransportSecurity['http'], end: string): string {
  if (http.redirects.length === 0) return `服务器直接返回了 HTTP ${http.status} 应答`;
  if (http.error !== undefined) {
    return `重定向到 ${end} 后出错（${glossErrorCode(http.error) ?? '无法访问'}，${http.error}）`;
  }
  return isHttps(end) ? `跳转到了其他网站 ${end}` : `最终停在 ${end}`;
}

function mixedContent(home: RenderedHomepage): Finding | undefined {
  if (!isHttps(home.finalUrl)) return undefined;
  const insecure = home.resources.filter(
    (resource) => MIXED_KINDS.includes(resource.kind) && resource.url.startsWith('http:'),
  );
  if (insecure.length === 0) return undefined;
  const byKind = MIXED_KINDS.map((kind) => [kind, insecure.filter((r) => r.kind === kind).length] as const)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${KIND_NAMES[kind]} ${count} 个`)
    .join('、');
  return {
    url: home.finalUrl,
    message: `首页通过 HTTPS 打开，却以 HTTP 明文加载了 ${insecure.length} 个资源（${byKind}），即“混合内容”：浏览器会拦截脚本、样式表和框架，或标示页面不安全。`,
    evidence: {
      problem: 'mixed-content',
      insecureCount: insecure.length,
      insecureResources: insecure.slice(0, LISTED).map(({ url, kind }) => ({ url, kind })),
    },
  };
}

function isHttps(url: string): boolean {
  return url.startsWith('https:');
}

/** One host, "www." aside; the port is not compared, as HTTP and HTTPS live on different ports. */
function sameHost(a: string, b: string): boolean {
  const host = (url: string) => new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  return host(a) === host(b);
}

function calendarDate(iso: string): string {
  const { year, month, day } = shanghaiDay(new Date(iso));
  return `${year}年${month}月${day}日`;
}
