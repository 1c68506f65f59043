import type { CrawledPage, RenderedLink, SiteCrawl } from '../crawlers/artifacts.ts';
import { type CheckResult, defineCheck, type Finding } from './check.ts';
import { findGazetteServices, type GazetteService, SERVICE_NAMES } from './lib/gazette-services.ts';
import { findCrawledPage, pageAnswer, pageKey, unreachableReason } from './lib/pages.ts';
import { compact } from './lib/text.ts';

/** '公报' alone names the column only in a short menu label (公报, 市公报), not in 统计公报. */
const SHORT_LABEL_CHARS = 4;

const MISSING_MESSAGES: Record<GazetteService, string> = {
  catalogue: '“政府公报”专栏没有目录导航：栏目页及其下一级页面中找不到按期次或年份浏览的链接或选择框。',
  search: '“政府公报”专栏没有内容检索：栏目页及其下一级页面中找不到检索表单或检索入口。',
  download: '“政府公报”专栏没有文件下载：栏目页及其下一级页面中找不到 PDF、OFD、DOC 等文件的下载链接。',
};

/**
 * Clause 6.5.1: province and city portals open a 政府公报 column from the homepage, with catalogue
 * navigation, content search and file download. The services are looked for on the column page and on
 * the crawled pages it links to directly, since many columns put the search or the years one click in.
 */
export const gazetteColumn = defineCheck({
  meta: {
    id: 'gazette-column',
    clause: '6.5.1',
    title: '“政府公报”专栏',
    description:
      '省、市（州）政府门户网站首页应开设“政府公报”专栏，且栏目能正常访问，并提供目录导航、内容检索、文件下载服务。',
    appliesToText: '省级和市（州）级政府门户网站',
    appliesTo: (site) => site.kind === 'portal' && (site.level === 'province' || site.level === 'city'),
    requires: ['renderedHomepage', 'siteCrawl'],
  },
  run({ renderedHomepage: home, siteCrawl: crawl }): CheckResult {
    const candidates = home.links.filter(isGazetteLink);
    if (candidates.length === 0) {
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
        r.page !== undefined && r.page.challenge === undefined && unreachableReason(r.page) === null,
    );
    if (open.length === 0) return judgeClosedColumns(resolved, crawl);

    const siteWide = new Set(
      [home.url, home.finalUrl, ...home.links.map((l) => l.href)].flatMap((url) => pageKey(url) ?? []),
    );
    const judged = open.map(({ link, page }) => {
      const examined = [page, ...childrenOf(page, crawl, siteWide)];
      return { link, page, examined, services: findGazetteServices(examined, siteWide) };
    });
    const missingCount = (j: (typeof judged)[number]) =>
      Object.values(j.services).filter((s) => s === undefined).length;
    const best = judged.reduce((a, b) => (missingCount(b) < missingCount(a) ? b : a));
    const findings: Finding[] = (Object.keys(SERVICE_NAMES) as GazetteService[])
      .filter((service) => best.services[service] === undefined)
      .map((service) => ({
        url: best.page.finalUrl,
        message: MISSING_MESSAGES[service],
        evidence: {
          missing: SERVICE_NAMES[service],
          homepageLink: describeLink(best.link),
          pagesExamined: best.examined.map((p) => p.finalUrl),
          servicesFound: Object.fromEntries(
            Object.entries(best.services).filter(([, found]) => found !== undefined),
          ),
        },
      }));
    return findings.length === 0 ? { outcome: 'pass', findings: [] } : { outcome: 'fail', findings };
  },
});

function isGazetteLink(link: RenderedLink): boolean {
  return [link.text, link.title, link.ariaLabel].some((label) => {
    const text = compact(label ?? '');
    return (
      text.includes('政府公报') ||
      (text.length <= SHORT_LABEL_CHARS && text.includes('公报') && !/统计|新闻/.test(text))
    );
  });
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
    message: `“政府公报”专栏页面无法正常访问：${unreachableReason(page!)}。`,
    evidence: { homepageLink: describeLink(link), answer: pageAnswer(page!) },
  }));
  return { outcome: 'fail', findings };
}

/**
 * The reachable crawled pages the column links to directly, leaving out the pages the homepage links
 * to as well: those are the site's navigation, whose forms and files say nothing about the column.
 */
function childrenOf(column: CrawledPage, crawl: SiteCrawl, siteWide: ReadonlySet<string>): CrawledPage[] {
  const columnKeys = new Set([pageKey(column.url), pageKey(column.finalUrl)]);
  const children = new Map<string, CrawledPage>();
  for (const link of column.links) {
    if (link.kind !== 'anchor' || siteWide.has(pageKey(link.url) ?? '')) continue;
    const child = findCrawledPage(crawl.pages, link.url);
    if (child === undefined || columnKeys.has(pageKey(child.url))) continue;
    if (child.challenge === undefined && unreachableReason(child) === null) children.set(child.url, child);
  }
  return [...children.values()];
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
