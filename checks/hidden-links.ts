import type { HiddenLink, PageRedirect } from '../crawlers/artifacts.ts';
import { type CheckResult, defineCheck, type Finding } from './check.ts';
import { type DarkLinkHit, darkLinkHits, hitsWeight, VETO_WEIGHT } from './lib/dark-link-words.ts';
import { LINK_HIDING, REDIRECT_BY } from './lib/link-hiding.ts';

const UPHELD_VETO =
  '经人工复核，网页中的隐藏链接（暗链）链接色情、赌博等内容，属于全国政府网站检查指标“安全、泄密事故等严重问题”，单项否决，网站评为不合格。';

/** A government host: under gov.cn (中国政府网 and every government's site), or the site's own or under it. */
function isGovernmentHost(target: string, homepage: string): boolean {
  try {
    const host = new URL(target).hostname.toLowerCase();
    const own = new URL(homepage).hostname.toLowerCase().replace(/^www\./, '');
    return host === 'gov.cn' || host.endsWith('.gov.cn') || host === own || host.endsWith(`.${own}`);
  } catch {
    return true;
  }
}

/**
 * The national indicators (国办秘函〔2019〕19号) veto 安全、泄密事故等严重问题, among them "发布或链接反动、暴力、
 * 色情等内容" and a page 被挂马、内容被篡改: judged here on 暗链, links a reader does not see (hidden by
 * display, visibility, position, size, a font size of 0, the colour of the background, a tiny frame)
 * and meta or script redirects, on the rendered homepage and the crawled pages. Those to government
 * hosts (gov.cn, the site's own) are no finding, so a site's hidden menus never are, nor a menu's
 * drop-down to another host (`inMenu`) unless its words make it a veto. One to another host is
 * `review`; one whose text, title or address carries the listed words of gambling, pornography and
 * the like (weights reaching `VETO_WEIGHT`) fails with a single veto.
 */
export const hiddenLinks = defineCheck({
  meta: {
    id: 'hidden-links',
    clause: '检查指标：安全、泄密事故等严重问题',
    title: '无暗链和被植入的跳转',
    description:
      '依据国家《政府网站与政务新媒体检查指标》“安全、泄密事故等严重问题”（发布或链接反动、暴力、色情等内容；页面被挂马、内容被篡改）：首页（浏览器渲染）和抓取的网页中，读者看不到的链接（所在元素不显示或不可见、定位到页面之外、尺寸为零、字号为0、文字与背景同色、极小的内嵌框架）以及页面自行跳转（meta 刷新、脚本跳转）指向政府网站域名（gov.cn 和本网站）以外的，列出待人工确认；其文字、标题或地址含有赌博、色情等关键词的，单项否决。网站自身的隐藏菜单和指向政府网站的隐藏链接不算。',
    appliesToText: '所有网站',
    appliesTo: () => true,
    requires: ['renderedHomepage'],
    optional: ['siteCrawl'],
    // One finding per (page, target, how it is hidden or redirected); it rests on the words matched.
    identity: {
      key: ['evidence.target', 'evidence.how', 'evidence.by'],
      digest: ['evidence.target', 'evidence.how', 'evidence.by', 'evidence.keywords.*.word'],
    },
    singleVeto: {
      reason: UPHELD_VETO,
      carriedBy: (finding) =>
        Array.isArray(finding.evidence.keywords) && finding.evidence.keywords.length > 0,
    },
  },
  run({ renderedHomepage: home, siteCrawl }, { site }): CheckResult {
    const pages = [
      { url: home.finalUrl, hiddenLinks: home.hiddenLinks ?? [], redirects: home.redirects ?? [] },
      ...(siteCrawl?.pages ?? []).map((page) => ({
        url: page.finalUrl,
        hiddenLinks: page.hiddenLinks ?? [],
        redirects: page.redirects ?? [],
      })),
    ];
    const judged = new Map<string, Judged>();
    for (const page of pages) {
      for (const link of page.hiddenLinks) {
        if (isGovernmentHost(link.target, site.homepage)) continue;
        const found = hiddenLinkFinding(page.url, link);
        // A drop-down of the site's menu (友情链接 to 人民网 on hover) is no 暗链 unless its words say so.
        if (link.inMenu && !found.veto) continue;
        add(judged, found);
      }
      for (const redirect of page.redirects) {
        if (isGovernmentHost(redirect.target, site.homepage)) continue;
        add(judged, redirectFinding(page.url, redirect));
      }
    }
    const all = [...judged.values()];
    const vetoed = all.filter((j) => j.veto);
    if (vetoed.length > 0) {
      const words = [...new Set(vetoed.flatMap((j) => j.hits.map((h) => h.word)))].slice(0, 5).join('、');
      return {
        outcome: 'fail',
        findings: all.map((j) => j.finding),
        singleVeto: `网页中有${vetoed.length}处隐藏链接或跳转指向含“${words}”等赌博、色情类内容的外部网站（暗链），属于全国政府网站检查指标“安全、泄密事故等严重问题”，单项否决，网站评为不合格。`,
      };
    }
    return { outcome: all.length > 0 ? 'review' : 'pass', findings: all.map((j) => j.finding) };
  },
});

interface Judged {
  finding: Finding;
  hits: DarkLinkHit[];
  veto: boolean;
}

function add(judged: Map<string, Judged>, found: Judged): void {
  const { url, evidence } = found.finding;
  const key = `${url} ${evidence.target} ${evidence.how ?? evidence.by}`;
  if (!judged.has(key)) judged.set(key, found);
}

function judge(wording: string, make: (hits: DarkLinkHit[], veto: boolean) => Finding): Judged {
  const hits = darkLinkHits(wording);
  const veto = hitsWeight(hits) >= VETO_WEIGHT;
  return { finding: make(veto ? hits : [], veto), hits, veto };
}

function hiddenLinkFinding(url: string, link: HiddenLink): Judged {
  const host = new URL(link.target).host;
  const label = link.text || link.title || link.target;
  return judge([link.text, link.title ?? '', link.target].join(' '), (keywords, veto) => ({
    url,
    message: veto
      ? `网页中有读者看不到的链接“${label}”（${LINK_HIDING[link.how]}），指向外部网站 ${host}，含“${keywords.map((k) => k.word).join('、')}”等赌博、色情类关键词，属于暗链。`
      : `网页中有读者看不到的链接“${label}”（${LINK_HIDING[link.how]}），指向政府网站以外的 ${host}，可能是被植入的暗链，需人工确认。`,
    evidence: {
      target: link.target,
      host,
      text: link.text,
      ...(link.title ? { title: link.title } : {}),
      how: link.how,
      selector: link.selector,
      html: link.html,
      keywords,
    },
  }));
}

function redirectFinding(url: string, redirect: PageRedirect): Judged {
  const host = new URL(redirect.target).host;
  return judge(redirect.target, (keywords, veto) => ({
    url,
    message: veto
      ? `${REDIRECT_BY[redirect.by]}将读者跳转到外部网站 ${host}，其地址含“${keywords.map((k) => k.word).join('、')}”等赌博、色情类关键词，页面可能被篡改。`
      : `${REDIRECT_BY[redirect.by]}将读者跳转到政府网站以外的 ${host}，可能是被植入的跳转，需人工确认。`,
    evidence: { target: redirect.target, host, by: redirect.by, keywords },
  }));
}
