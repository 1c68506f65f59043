import { type CheckResult, defineCheck } from './check.ts';
import { describeEntry, findEntries } from './lib/entries.ts';
import { contentInFrames } from './lib/frames.ts';
import { describeHidden } from './lib/visibility.ts';

/**
 * The national 我为政府网站找错 platform. Its script (jiucuo.js, loaded with the site's code) draws
 * into `<span id="_span_jiucuo">` an image whose onclick opens zfwzgl.www.gov.cn/exposure/jiucuo.html.
 */
const ERROR_REPORT = {
  words: ['政府网站找错'],
  address: /jiucuo|zfwzgl/i,
  container: /#_span_jiucuo\b/,
} as const;

/**
 * Clause 4.6.2: the site handles the public's error reports every day, which it receives through the
 * 我为政府网站找错 entry on its homepage: the national platform's badge as its script draws it (an image
 * that opens the platform on a click, with no link), or a link of that name. A badge that neither
 * links nor reacts to a click, or one the platform's script should have drawn but did not, is `review`.
 */
export const errorReportEntry = defineCheck({
  meta: {
    id: 'error-report-entry',
    clause: '4.6.2',
    title: '首页设置“我为政府网站找错”入口',
    description:
      '首页应有可见的“我为政府网站找错”入口（全国政府网站找错平台的图标或同名链接），网民纠错意见由此提交；隐藏的入口不算。',
    appliesToText: '所有网站',
    appliesTo: () => true,
    requires: ['renderedHomepage'],
    // One finding per homepage: the entry seen but not clickable, hidden, or not drawn by its script.
    identity: {
      key: [],
      digest: [
        'evidence.images.*.label',
        'evidence.hiddenEntries.*.label',
        'evidence.hiddenEntries.*.hiddenReason',
        'evidence.script',
        'evidence.frames',
        'evidence.lookedFor?',
      ],
    },
  },
  run({ renderedHomepage: home }): CheckResult {
    const entries = findEntries(home, {
      linkWords: ERROR_REPORT.words,
      href: ERROR_REPORT.address,
      graphicWords: ERROR_REPORT.words,
      src: ERROR_REPORT.address,
      container: ERROR_REPORT.container,
    });
    const visible = entries.filter((e) => e.visible);
    if (visible.some((e) => e.kind === 'link' || e.clickable !== undefined))
      return { outcome: 'pass', findings: [] };
    const review = (message: string, evidence: Record<string, unknown>): CheckResult => ({
      outcome: 'review',
      findings: [{ url: home.finalUrl, message, evidence }],
    });
    if (visible.length > 0) {
      return review(
        `首页有“我为政府网站找错”${describeEntry(visible[0]!)}，但它既不是链接，也没有点击响应，需人工确认能否点击进入找错页面。`,
        { images: visible },
      );
    }
    const hidden = entries.filter((e) => !e.visible);
    if (hidden.length > 0) {
      const first = hidden.find((e) => e.kind === 'link') ?? hidden[0]!;
      const reason = describeHidden(first.hiddenReason);
      return {
        outcome: 'fail',
        findings: [
          {
            url: home.finalUrl,
            message: `首页的“我为政府网站找错”入口（${describeEntry(first)}）${reason}，读者看不到。`,
            evidence: { hiddenEntries: hidden },
          },
        ],
      };
    }
    const script = home.resources.find((r) => r.kind === 'script' && ERROR_REPORT.address.test(r.url));
    if (script !== undefined) {
      return review('首页引用了“我为政府网站找错”平台的脚本，但渲染后没有出现找错入口，需人工查看。', {
        script: script.url,
      });
    }
    const frames = contentInFrames(home);
    if (frames.length > 0) {
      return review(
        '首页几乎没有自己的链接，内容位于框架（frame/iframe）中，自动检查看不到框架内的链接，需人工查看是否有“我为政府网站找错”入口。',
        { homepageLinks: home.links.length, frames },
      );
    }
    return {
      outcome: 'fail',
      findings: [
        {
          url: home.finalUrl,
          message: '首页没有“我为政府网站找错”入口。',
          evidence: {
            lookedFor:
              '文字、title 或图片 alt 含“政府网站找错”，地址含 jiucuo、zfwzgl 的链接或图片，或找错平台脚本绘制的图标（_span_jiucuo）',
            homepageLinks: home.links.length,
          },
        },
      ],
    };
  },
});
