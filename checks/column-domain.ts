import type { RenderedLink } from '../crawlers/artifacts.ts';
import { isSameSite } from '../crawlers/url.ts';
import { type CheckResult, defineCheck, type Finding } from './check.ts';
import { contentInFrames } from './lib/frames.ts';
import { navigationLinks, STRIP_LINKS } from './lib/navigation.ts';
import { compact } from './lib/text.ts';

/** Labels of business systems, which clause 4.3.4.4 wants on the site's domain only "in principle". */
const SYSTEM_WORDS = [
  '政务服务',
  '办事服务',
  '办事大厅',
  '网上办事',
  '在线办事',
  '一网通办',
  '天府通办',
  '一体化',
  '服务平台',
  '12345',
  '信箱',
  '好差评',
];
/** Hosts of business systems: the 政务服务网 (zwfw, sczwfw), 天府通办 (tftb), 12345 hotlines. */
const SYSTEM_HOST = /zwfw|tftb|12345/i;
/** A link naming another government or its portal (中国政府网, 四川省人民政府): not a column of this site. */
const GOVERNMENT_NAME = /(?:人民政府|中国政府网|政府门户网站|人民政府网)$/;

type Kind = 'column' | 'business-system';

/**
 * Clause 4.3.4.4: the columns, channels and topics of a site use the site's own domain (a portal's
 * `www.□□□.gov.cn/…`, a department's `○○○.□□□.gov.cn/…`). Judged on the homepage's navigation (see
 * `navigationLinks`): a navigation link to another host, a sub-domain included, is a column elsewhere
 * (`fail`); one that looks like a business system is `review`; a link naming another government is
 * that government's portal, not a column. No navigation links, or content in frames: `review`.
 */
export const columnDomain = defineCheck({
  meta: {
    id: 'column-domain',
    clause: '4.3.4.4',
    title: '栏目、频道、专题使用本网站域名',
    description: `首页头部和导航栏（首屏的导航容器，或一行并排${STRIP_LINKS}个及以上名称简短的链接）的栏目、频道、专题链接应使用本网站的域名；链到其他域名的栏目记为不通过，政务服务等业务系统需人工确认，指向上级或其他政府门户网站的链接不算本网站栏目。`,
    appliesToText: '所有网站',
    appliesTo: () => true,
    requires: ['renderedHomepage'],
    // One finding per off-domain navigation link (its address is the key); a relabelled link is the same problem.
    identity: {
      key: ['evidence.href'],
      digest: [
        'evidence.href',
        'evidence.kind',
        'evidence.expectedHost',
        'evidence.frames',
        'evidence.homepageLinks?',
      ],
    },
  },
  run({ renderedHomepage: home }): CheckResult {
    const expectedHost = new URL(home.finalUrl).host;
    const frames = contentInFrames(home);
    if (frames.length > 0) {
      return review(
        home.finalUrl,
        '首页内容位于框架（frame/iframe）中，自动检查看不到框架内的导航链接，需人工查看栏目是否使用本网站域名。',
        { frames },
      );
    }
    const navigation = navigationLinks(home);
    if (navigation.length === 0) {
      return review(
        home.finalUrl,
        '首页头部和导航栏中没有找到可见的栏目链接，需人工查看栏目是否使用本网站域名。',
        {
          homepageLinks: home.links.length,
        },
      );
    }
    const offDomain = uniqueByHref(
      navigation.filter((l) => !isSameSite(l.href, home.finalUrl) && !GOVERNMENT_NAME.test(label(l))),
    );
    const findings = offDomain.map((link): Finding & { kind: Kind } => {
      const kind = isBusinessSystem(link) ? 'business-system' : 'column';
      const host = new URL(link.href).host;
      const message =
        kind === 'column'
          ? `首页导航中的栏目“${label(link)}”链接到其他域名 ${host}，栏目应使用本网站域名 ${expectedHost}。`
          : `首页导航中的“${label(link)}”链接到其他域名 ${host}，看来是业务系统（条款要求“原则上”使用同一域名），需人工确认。`;
      return {
        kind,
        url: home.finalUrl,
        message,
        evidence: { text: label(link), href: link.href, host, expectedHost, kind, selector: link.selector },
      };
    });
    const outcome = findings.some((f) => f.kind === 'column')
      ? 'fail'
      : findings.length > 0
        ? 'review'
        : 'pass';
    return { outcome, findings: findings.map(({ kind: _kind, ...finding }) => finding) };
  },
});

function review(url: string, message: string, evidence: Record<string, unknown>): CheckResult {
  return { outcome: 'review', findings: [{ url, message, evidence }] };
}

/** What the link says: its text, else its title or aria-label, whitespace removed. */
function label(link: RenderedLink): string {
  return compact(link.text) || compact(link.title ?? '') || compact(link.ariaLabel ?? '');
}

function isBusinessSystem(link: RenderedLink): boolean {
  const text = label(link);
  return SYSTEM_WORDS.some((w) => text.includes(w)) || SYSTEM_HOST.test(new URL(link.href).host);
}

function uniqueByHref(links: RenderedLink[]): RenderedLink[] {
  return [...new Map(links.map((l) => [l.href, l] as const)).values()];
}
