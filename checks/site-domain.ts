import { isIP } from 'node:net';
import { classifyAddress } from '../src/net/address-class.ts';
import type { Site } from '../src/registry/site.ts';
import { type CheckResult, defineCheck, type Finding } from './check.ts';

/** The Chinese top-level domain 政务 (as the URL parser writes it): a 中文域名 clause 4.3.4.1 allows. */
const GOVERNMENT_CHINESE_TLD = 'xn--zfr164b';
/** 4.3.4.2: www.□□□.gov.cn, □□□ the region's name in pinyin or English. */
const PORTAL_HOST = /^www\.[a-z0-9-]+\.gov\.cn$/;

type Severity = 'fail' | 'review';
type Problem = Finding & { severity: Severity };

/**
 * Clauses 4.3.4.1–4.3.4.3: a government site uses a `.gov.cn` domain (or a Chinese domain under 政务);
 * a portal's is `www.□□□.gov.cn`; a department's is `○○○.□□□.gov.cn`, a sub-domain of its own
 * government's portal (the registry's `parent`). Judged on the registered homepage, so it holds even
 * when the site cannot be reached. A homepage registered at a loopback or private address (a test
 * set-up or split DNS) has no domain to judge: `review`.
 */
export const siteDomain = defineCheck({
  meta: {
    id: 'site-domain',
    clause: '4.3.4.1–4.3.4.3',
    title: '网站使用规范的政府网站域名',
    description:
      '网站应使用以“.gov.cn”为后缀的英文域名（或符合要求的“.政务”中文域名）；政府门户网站域名为“www.□□□.gov.cn”结构；部门网站使用本级政府门户网站的下级域名“○○○.□□□.gov.cn”。按登记的首页地址判断。',
    appliesToText: '所有网站',
    appliesTo: () => true,
    requires: [],
    // One finding per site, on the registered homepage's host.
    identity: {
      key: [],
      digest: [
        'evidence.host',
        'evidence.expected',
        'evidence.parent',
        'evidence.parentDomain',
        'evidence.addressClass',
      ],
    },
  },
  run(_artifacts, { site, parentHomepage }): CheckResult {
    const url = site.homepage;
    const host = new URL(url).hostname.replace(/\.$/, '');
    const problems = isIP(host.replace(/^\[|\]$/g, ''))
      ? addressProblems(url, host)
      : domainProblems(site, url, host, parentHomepage);
    const outcome = problems.some((p) => p.severity === 'fail')
      ? 'fail'
      : problems.length > 0
        ? 'review'
        : 'pass';
    return { outcome, findings: problems.map(({ severity: _severity, ...finding }) => finding) };
  },
});

function addressProblems(url: string, host: string): Problem[] {
  const addressClass = classifyAddress(host.replace(/^\[|\]$/g, ''));
  if (addressClass !== 'public') {
    return [
      problem(
        'review',
        url,
        `登记的首页地址使用本机或内网地址 ${host}，没有域名可供判断，需人工核实网站的正式域名。`,
        { host, addressClass },
      ),
    ];
  }
  return [
    problem('fail', url, `网站首页以 IP 地址 ${host} 访问，未使用“.gov.cn”政府网站域名。`, {
      host,
      addressClass,
    }),
  ];
}

function domainProblems(site: Site, url: string, host: string, parentHomepage?: string): Problem[] {
  if (host.endsWith(`.${GOVERNMENT_CHINESE_TLD}`)) return [];
  if (!host.endsWith('.gov.cn')) {
    return [
      problem('fail', url, `网站域名 ${host} 不以“.gov.cn”为后缀，不符合政府网站域名要求。`, {
        host,
        expected: '*.gov.cn',
      }),
    ];
  }
  if (site.kind === 'portal') {
    if (PORTAL_HOST.test(host)) return [];
    return [
      problem('fail', url, `政府门户网站域名 ${host} 不是“www.□□□.gov.cn”结构。`, {
        host,
        expected: 'www.□□□.gov.cn',
      }),
    ];
  }
  return departmentProblems(site, url, host, parentHomepage);
}

function departmentProblems(site: Site, url: string, host: string, parentHomepage?: string): Problem[] {
  if (!parentHomepage) {
    const why = site.parent
      ? `站点清单中没有其上级门户网站 ${site.parent}`
      : '登记信息未给出其上级门户网站（parent）';
    return [
      problem('review', url, `${why}，无法判断部门网站域名 ${host} 是否为本级政府门户网站的下级域名。`, {
        host,
        parent: site.parent,
      }),
    ];
  }
  const portalHost = new URL(parentHomepage).hostname.replace(/\.$/, '');
  if (host === portalHost) {
    return [
      problem(
        'review',
        url,
        `部门网站与上级门户网站同用域名 ${host}（以门户网站的栏目形式建设），需人工确认是否已按集约化要求整合。`,
        { host, parentDomain: portalHost },
      ),
    ];
  }
  const portalDomain = portalHost.replace(/^www\./, '');
  if (!portalDomain.endsWith('.gov.cn')) {
    return [
      problem(
        'review',
        url,
        `上级门户网站的域名 ${portalDomain} 不是“.gov.cn”域名，无法判断部门网站域名 ${host} 是否为其下级域名。`,
        { host, parentDomain: portalDomain },
      ),
    ];
  }
  const label = host.slice(0, -(portalDomain.length + 1));
  if (host.endsWith(`.${portalDomain}`) && label !== 'www' && !label.includes('.')) return [];
  return [
    problem(
      'fail',
      url,
      `部门网站域名 ${host} 不是本级政府门户网站域名 ${portalDomain} 的下级域名（应为“○○○.${portalDomain}”）。`,
      { host, parentDomain: portalDomain, expected: `○○○.${portalDomain}` },
    ),
  ];
}

function problem(
  severity: Severity,
  url: string,
  message: string,
  evidence: Record<string, unknown>,
): Problem {
  return { severity, url, message, evidence };
}
