import type { Site } from '../src/registry/site.ts';
import { type CheckResult, defineCheck, type Finding } from './check.ts';
import { type Entry, findEntries } from './lib/entries.ts';
import { contentInFrames } from './lib/frames.ts';
import { compact } from './lib/text.ts';
import { describeHidden } from './lib/visibility.ts';

/** Texts longer than this are sentences or lists, not the label of a tab or column. */
const LABEL_LENGTH = 8;
/** The function whose absence from a portal is a single veto of the national indicators (服务不实用). */
const SERVICES = '办事服务';
const NO_SERVICES_VETO =
  '政府门户网站首页没有任何办事服务入口，属于国家检查指标“服务不实用”中的“未提供办事服务”，单项否决，网站评为不合格。';

interface SiteFunction {
  name: string;
  /** Words in a homepage link's text, title or aria-label that make it an entry to the function. */
  words: readonly string[];
  required(site: Site): boolean;
}

/**
 * The functions of clause 4.5. 办事服务 is asked of portals only: which departments have outward
 * services the registry does not say.
 */
const FUNCTIONS: readonly SiteFunction[] = [
  {
    name: '信息发布',
    words: ['信息发布', '信息公开', '政务公开', '新闻', '要闻', '动态', '通知公告', '政策文件'],
    required: () => true,
  },
  { name: '解读回应', words: ['政策解读', '解读', '回应关切', '回应'], required: () => true },
  {
    name: '互动交流',
    words: ['互动交流', '政民互动', '互动', '留言', '信箱', '咨询', '调查征集', '征集', '在线访谈', '访谈'],
    required: () => true,
  },
  {
    name: SERVICES,
    words: ['政务服务', '办事服务', '网上办事', '在线办事', '一网通办', '办事指南'],
    required: (site) => site.kind === 'portal',
  },
];

/**
 * Clause 4.5: a government site offers 信息发布, 解读回应 and 互动交流, and a portal 办事服务 too. Each
 * function needs a visible homepage link whose label names it. One finding per missing function; a name
 * shown only as plain text (a tab driven by script) or a homepage made of frames is `review`. A portal
 * with no 办事服务 entry at all, not even a hidden one, fails with a single veto (未提供办事服务); a
 * hidden entry is an ordinary fail, as is any other missing function.
 */
export const siteFunctions = defineCheck({
  meta: {
    id: 'site-functions',
    clause: '4.5',
    title: '网站具备信息发布、解读回应、互动交流和办事服务功能',
    description:
      '首页应有通往信息发布、解读回应、互动交流栏目的可见链接，政府门户网站还应有办事服务入口；缺一项功能记一条问题，列出查找的字样。政府门户网站首页连隐藏的办事服务入口都没有的，按国家检查指标“服务不实用”（未提供办事服务）单项否决；只有文字没有链接、或首页由框架组成的，列出待人工确认，不作否决。',
    appliesToText: '所有网站（办事服务功能只对政府门户网站检查）',
    appliesTo: () => true,
    requires: ['renderedHomepage'],
    // One finding per missing function: its hidden links, the label shown without a link, or nothing.
    identity: {
      key: ['evidence.function'],
      digest: [
        'evidence.function',
        'evidence.hiddenLinks.*.text',
        'evidence.hiddenLinks.*.hiddenReason',
        'evidence.text',
        'evidence.frames',
        'evidence.homepageLinks?',
      ],
    },
    singleVeto: { reason: NO_SERVICES_VETO, carriedBy: offersNoServices },
  },
  run({ renderedHomepage: home }, { site }): CheckResult {
    const frames = contentInFrames(home);
    const judged = FUNCTIONS.filter((f) => f.required(site)).flatMap(
      (f): { outcome: 'fail' | 'review'; finding: Finding }[] => {
        const entries = findEntries(home, { linkWords: f.words });
        if (entries.some((e) => e.visible)) return [];
        const lookedFor = f.words.join('、');
        const finding = (outcome: 'fail' | 'review', message: string, evidence: Record<string, unknown>) => ({
          outcome,
          finding: { url: home.finalUrl, message, evidence: { function: f.name, lookedFor, ...evidence } },
        });
        const hidden = entries[0];
        if (hidden !== undefined) {
          return [
            finding(
              'fail',
              `首页通往${f.name}功能的链接“${hidden.label}”${describeHidden(hidden.hiddenReason)}，读者看不到。`,
              { hiddenLinks: entries.map(describe) },
            ),
          ];
        }
        const label = home.texts.find((t) => t.visible && isLabel(t.text, f.words));
        if (label !== undefined) {
          return [
            finding(
              'review',
              `首页有“${label.text}”字样但不是链接（可能是脚本切换的栏目），需人工确认${f.name}功能的入口。`,
              { text: label.text, selector: label.selector },
            ),
          ];
        }
        if (frames.length > 0) {
          return [
            finding(
              'review',
              `首页内容位于框架（frame/iframe）中，自动检查看不到框架内的链接，需人工查看是否有${f.name}功能的入口。`,
              { frames },
            ),
          ];
        }
        return [
          finding('fail', `首页没有${f.name}功能的入口（查找了：${lookedFor}）。`, {
            homepageLinks: home.links.filter((l) => l.visible).length,
          }),
        ];
      },
    );
    const findings = judged.map((j) => j.finding);
    if (judged.some((j) => j.outcome === 'fail')) {
      const veto = judged.some((j) => j.outcome === 'fail' && offersNoServices(j.finding));
      return { outcome: 'fail', findings, ...(veto ? { singleVeto: NO_SERVICES_VETO } : {}) };
    }
    return { outcome: judged.length > 0 ? 'review' : 'pass', findings };
  },
});

/** The finding of a portal's 办事服务 with no entry found, hidden or not: what carries the single veto. */
function offersNoServices(finding: Finding): boolean {
  return finding.evidence.function === SERVICES && finding.evidence.hiddenLinks === undefined;
}

/** A short text naming the function, as a tab or a column heading does; not a sentence that mentions it. */
function isLabel(text: string, words: readonly string[]): boolean {
  const label = compact(text);
  return label.length <= LABEL_LENGTH && words.some((w) => label.includes(w));
}

function describe(entry: Entry): Record<string, unknown> {
  return {
    text: entry.label,
    href: entry.address,
    selector: entry.selector,
    ...(entry.hiddenReason === undefined ? {} : { hiddenReason: entry.hiddenReason }),
  };
}
