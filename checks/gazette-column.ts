import type { CrawledPage, RenderedLink, SiteCrawl } from '../crawlers/artifacts.ts';
import { type CheckResult, defineCheck, type Finding } from './check.ts';
import { contentInFrames } from './lib/frames.ts';
import { columnChildren } from './lib/gazette-children.ts';
import { isGazetteLink } from './lib/gazette-link.ts';
import { findGazetteServices, type GazetteService, SERVICE_NAMES } from './lib/gazette-services.ts';
import { findCrawledPage, pageAnswer, pageKey, unusableReason } from './lib/pages.ts';

/** Uncrawled children listed in the evidence, at most. */
const MAX_LISTED = 20;

const MISSING_MESSAGES: Record<GazetteService, string> = {
  catalogue: '“政府公报”专栏没有目录导航：栏目页及其下一级页面中找不到按期次或年份浏览的链接或选择框。',
  search: '“政府公报”专栏没有内容检索：栏目页及其下一级页面中找不到检索表单或检索入口。',
  download: '“政府公报”专栏没有文件下载：栏目页及其下一级页面中找不到 PDF、OFD、DOC 等文件的下载链接。',
};

/**
 * Clause 6.5.1: province and city portals open a 政府公报 column from the homepage, with catalogue
 * navigation, content search and file download. The services are looked for on the column page and on
 * the crawled pages it links to directly, since many columns put the search or the years one click in.
 * A service is failed only when every page the column links to within the site was looked at; when some
 * were not crawled (page budget, depth, trap filter) or a bot challenge answered, it is `review`.
 */
export const gazetteColumn = defineCheck({
  meta: {
    id: 'gazette-column',
    clause: '6.5.1',
    title: '“政府公报”专栏',
    description:
      '省、市（州）政府门户网站首页应开设“政府公报”专栏，且栏目能正常访问，并提供目录导航、内容检索、文件下载服务；服务在栏目页及其下一级页面中查找，下一级页面未全部抓取时缺少的服务判为需人工查看。',
    appliesToText: '省级和市（州）级政府门户网站',
    appliesTo: (site) => site.kind === 'portal' && (site.level === 'province' || site.level === 'city'),
    requires: ['renderedHomepage', 'siteCrawl'],
    // One finding per missing service (or per column page that does not open). The issues the column
    // publishes (pages examined, pages not crawled) change every month and are left out.
    identity: {
      key: ['evidence.missing'],
      digest: [
        'evidence.missing',
        'evidence.notInspected?',
        'evidence.homepageLink.href',
        'evidence.homepageLinks?',
        'evidence.otherBulletinLinks.*.text',
        'evidence.gazetteLinks.*.text',
        'evidence.frames',
        'evidence.answer.status',
        'evidence.answer.error',
        'evidence.answer.softNotFound?',
        'evidence.answer.challenge?',
      ],
    },
  },
  run({ renderedHomepage: home, siteCrawl: crawl }): CheckResult {
    const candidates = home.links.filter(isGazetteLink);
    if (candidates.length === 0) {
      const frames = contentInFrames(home);
      if (frames.length > 0) {
        return review(
          home.finalUrl,
          '首页几乎没有自己的链接，内容位于框架（frame/iframe）中，自动检查看不到框架内的链接，需人工查看是否开设“政府公报”专栏。',
          { homepageLinks: home.links.length, frames },
        );
      }
      const related = home.links.filter((l) => /公报/.test(l.text)).slice(0, 5);
      return fail(home.finalUrl, '首页没有指向“政府公报”专栏的链接。', {
        homepageLinks: home.links.length,
        ...(related.length === 0 ? {} : { otherBulletinLinks: related.map(describeLink) }),
      });
    }
    const usable = uniqueByTarget(candidates, [home.url, home.finalUrl]);
    if (usable.length === 0) {
      return fail(home.finalUrl, '首页的“政府公报”字样没有链接到专栏页面。', {
        gazetteLinks: candidates.map(describeLink),
      });
    }
    const resolved = usable.map((link) => ({ link, page: findCrawledPage(crawl.pages, link.href) }));
    const open = resolved.filter(
      (r): r is { link: RenderedLink; page: CrawledPage } =>
        r.page !== undefined && r.page.challenge === undefined && unusableReason(r.page) === null,
    );
    if (open.length === 0) return judgeClosedColumns(resolved, crawl);

    const siteWide = new Set(
      [home.url, home.finalUrl, ...home.links.map((l) => l.href)].flatMap((url) => pageKey(url) ?? []),
    );
    const judged = open.map(({ link, page }) => {
      const children = columnChildren(page, crawl, siteWide, home.finalUrl);
      const examined = [page, ...children.inspected];
      return {
        link,
        page,
        examined,
        notInspected: children.notInspected,
        services: findGazetteServices(examined, siteWide),
      };
    });
    const missingCount = (j: (typeof judged)[number]) =>
      Object.values(j.services).filter((s) => s === undefined).length;
    const best = judged.reduce((a, b) => (missingCount(b) < missingCount(a) ? b : a));
    const undecided = best.notInspected.length > 0;
    const findings: Finding[] = (Object.keys(SERVICE_NAMES) as GazetteService[])
      .filter((service) => best.services[service] === undefined)
      .map((service) => ({
        url: best.page.finalUrl,
        message: undecided
          ? notInspectedMessage(service, best.notInspected.length, crawl.truncated)
          : MISSING_MESSAGES[service],
        evidence: {
          missing: SERVICE_NAMES[service],
          homepageLink: describeLink(best.link),
          pagesExamined: best.examined.map((p) => p.finalUrl),
          ...(undecided
            ? { notInspected: best.notInspected.slice(0, MAX_LISTED), crawlTruncated: crawl.truncated }
            : {}),
          servicesFound: Object.fromEntries(
            Object.entries(best.services).filter(([, found]) => found !== undefined),
          ),
        },
      }));
    if (findings.length === 0) return { outcome: 'pass', findings: [] };
    return { outcome: undecided ? 'review' : 'fail', findings };
  },
});

function notInspectedMessage(service: GazetteService, count: number, truncated: boolean): string {
  const why = truncated ? '（已达抓取页数上限）' : '';
  return `“政府公报”栏目页及已抓取的下一级页面中没有找到${SERVICE_NAMES[service]}，但栏目页链接的 ${count} 个下一级页面未被抓取或被防护系统拦截${why}，无法确定，需人工查看。`;
}

/**
 * One link per target page, visible links first (a dropdown copy of a menu entry adds nothing).
 * A link back to the homepage itself (a menu parent with href="#") leads to no column.
 */
function uniqueByTarget(links: readonly RenderedLink[], homepageUrls: readonly string[]): RenderedLink[] {
  const seen = new Set<string | null>(homepageUrls.map((url) => pageKey(url)));
  const ordered = [...links.filter((l) => l.visible), ...links.filter((l) => !l.visible)];
  return ordered.filter((link) => {
    const key = pageKey(link.href);
    if (key === null || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** No linked column page could be read: a fail only when every one was fetched and answered badly. */
function judgeClosedColumns(
  resolved: readonly { link: RenderedLink; page: CrawledPage | undefined }[],
  crawl: SiteCrawl,
): CheckResult {
  const notCrawled = resolved.find((r) => r.page === undefined);
  if (notCrawled !== undefined) {
    return review(
      notCrawled.link.href,
      '“政府公报”专栏页面未被抓取（不在本站或超出抓取页数上限），无法自动检查，需人工查看。',
      {
        homepageLink: describeLink(notCrawled.link),
        crawlTruncated: crawl.truncated,
      },
    );
  }
  const challenged = resolved.find((r) => r.page?.challenge !== undefined);
  if (challenged?.page !== undefined) {
    return review(
      challenged.page.finalUrl,
      '“政府公报”专栏页面被网站防护系统拦截，无法自动检查，需人工查看。',
      {
        homepageLink: describeLink(challenged.link),
        answer: pageAnswer(challenged.page),
      },
    );
  }
  const findings = resolved.map(({ link, page }) => ({
    url: page!.url,
    message: `“政府公报”专栏页面无法正常访问：${unusableReason(page!)}。`,
    evidence: { homepageLink: describeLink(link), answer: pageAnswer(page!) },
  }));
  return { outcome: 'fail', findings };
}

function describeLink(link: RenderedLink): Record<string, unknown> {
  return {
    text: link.text,
    href: link.href,
    selector: link.selector,
    visible: link.visible,
    ...(link.title === undefined ? {} : { title: link.title }),
  };
}

function fail(url: string, message: string, evidence: Record<string, unknown>): CheckResult {
  return { outcome: 'fail', findings: [{ url, message, evidence }] };
}

function review(url: string, message: string, evidence: Record<string, unknown>): CheckResult {
  return { outcome: 'review', findings: [{ url, message, evidence }] };
}
