import type { CrawledPage } from '../crawlers/artifacts.ts';
import { type CheckResult, defineCheck, type Finding } from './check.ts';
import { officeWordingMatcher, type SourcedEntry } from './lib/office-wording.ts';
import { pageKey, unusableReason } from './lib/pages.ts';
import { CATEGORY_NAMES, type WordingHit } from './lib/wording-matcher.ts';

/** Punctuation that ends a sentence, kept in the quoted sentence. */
const SENTENCE_END = /[。！？；!?;]/;
/** A Chinese character or full-width punctuation: a space between two of them is where a block ended. */
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
/** At most this many characters either side of an error when no sentence end comes sooner. */
const SENTENCE_RADIUS = 40;
const UPHELD_VETO =
  '经人工复核，网站出现严重表述错误，属于全国政府网站检查指标“安全、泄密事故等严重问题”，单项否决，网站评为不合格。';

type Matcher = (text: string) => WordingHit<SourcedEntry>[];

/**
 * The national indicator 安全、泄密事故等严重问题 — "出现严重表述错误": the visible text of the rendered
 * homepage and the text of every crawled page read against a dictionary of wrong forms (错敏字) with
 * their correct forms. A wrong form inside a longer correct phrase (北朝鲜 in 东北朝鲜族) is no error. Any
 * error fails; a 严重 one (a leader's name, the country's or the Party's name, a major meeting, a state
 * organ, the political terms) is a single veto. Pages that could not be read are not judged. The offices'
 * own entries join the shipped dictionary, and a site's exceptions are no error on that site.
 */
export const wordingErrors = defineCheck({
  meta: {
    id: 'wording-errors',
    clause: '4.6.3',
    title: '无严重表述错误（错敏字）',
    description:
      '依据国家《政府网站与政务新媒体检查指标》“出现严重表述错误”单项否决：首页和抓取到的网页文字与错敏字词典比对（国家领导人姓名职务、国家机关名称、法律法规名称、重要会议名称、行政区划名称、政治术语规范表述），出现严重错误单项否决，出现一般错误不通过；错误字样属于更长的正确表述（如“东北朝鲜族”中的“北朝鲜”）时不算错误；省级管理单位可增补词条，各单位可为所辖网站登记不属于错误的表述（例外）。',
    appliesToText: '所有网站',
    appliesTo: () => true,
    requires: ['renderedHomepage', 'siteCrawl'],
    // One finding per wrong form per page. It rests on what was written and what should be: the
    // sentence around it is kept so that a corrected sentence reopens a decision.
    identity: {
      key: ['evidence.wrong'],
      digest: ['evidence.wrong', 'evidence.correct', 'evidence.grade', 'evidence.sentence'],
    },
    singleVeto: { reason: UPHELD_VETO, carriedBy: (finding) => finding.evidence.grade === '严重' },
  },
  run({ renderedHomepage: home, siteCrawl: crawl }, { wording }): CheckResult {
    const findErrors = officeWordingMatcher(wording);
    const homeTexts = [
      { text: home.title, selector: 'title' },
      ...home.texts.filter((t) => t.visible).map((t) => ({ text: t.text, selector: t.selector })),
    ];
    const findings = findingsOn(findErrors, home.finalUrl, homeTexts);
    const homeKeys = new Set([pageKey(home.url), pageKey(home.finalUrl)]);
    for (const page of crawl.pages) {
      if (!readable(page) || homeKeys.has(pageKey(page.finalUrl))) continue;
      findings.push(...findingsOn(findErrors, page.finalUrl, [{ text: `${page.title}\n${page.text}` }]));
    }
    if (findings.length === 0) return { outcome: 'pass', findings: [] };
    const serious = findings.filter((f) => f.evidence.grade === '严重');
    if (serious.length === 0) return { outcome: 'fail', findings };
    const first = serious[0]!.evidence;
    const veto = `网站出现严重表述错误（如“${first.wrong}”应为“${first.correct}”，共${serious.length}处），属于全国政府网站检查指标“安全、泄密事故等严重问题”，单项否决，网站评为不合格。`;
    return { outcome: 'fail', findings, singleVeto: veto };
  },
});

/** A page whose text is the site's own: answered, not a missing page, not a bot challenge. */
function readable(page: CrawledPage): boolean {
  return unusableReason(page) === null && page.challenge === undefined;
}

/** One finding per wrong form on a page, quoting the first sentence it stands in. */
function findingsOn(
  findErrors: Matcher,
  url: string,
  texts: readonly { text: string; selector?: string }[],
): Finding[] {
  const byWrong = new Map<
    string,
    { hit: WordingHit<SourcedEntry>; text: string; selector?: string; count: number }
  >();
  for (const { text, selector } of texts) {
    for (const hit of findErrors(text)) {
      const seen = byWrong.get(hit.entry.wrong);
      if (seen) seen.count++;
      else byWrong.set(hit.entry.wrong, { hit, text, count: 1, ...(selector ? { selector } : {}) });
    }
  }
  return [...byWrong.values()].map(({ hit, text, selector, count }) => {
    const { wrong, correct, category, grade, source } = hit.entry;
    const sentence = markedSentence(text, hit.start, hit.end);
    const times = count > 1 ? `（本页共${count}处）` : '';
    return {
      url,
      message: `“${sentence}”中“${wrong}”应为“${correct}”${times}，属于${CATEGORY_NAMES[category]}${grade}错误。`,
      evidence: {
        wrong,
        correct,
        category: CATEGORY_NAMES[category],
        grade,
        sentence,
        occurrences: count,
        source,
        ...(selector ? { selector } : {}),
      },
    };
  });
}

/**
 * The sentence around [start, end), the error marked with 【】: up to the nearest sentence end, line end
 * or block break (the crawl joins a page's blocks with a space: a space between Chinese characters), and
 * at most 40 characters either side.
 */
export function markedSentence(text: string, start: number, end: number): string {
  const punctuation = (at: number) => SENTENCE_END.test(text[at]!);
  const breaks = (at: number) =>
    text[at] === '\n' ||
    (/\s/.test(text[at]!) && CJK.test(text[at - 1] ?? '') && CJK.test(text[at + 1] ?? ''));
  const ends = (at: number) => punctuation(at) || breaks(at);
  let from = start;
  while (from > 0 && start - from < SENTENCE_RADIUS && !ends(from - 1)) from--;
  let to = end;
  while (to < text.length && to - end < SENTENCE_RADIUS && !ends(to)) to++;
  const cutBefore = from > 0 && !ends(from - 1);
  const cutAfter = to < text.length && !ends(to);
  if (to < text.length && punctuation(to)) to++;
  const before = `${cutBefore ? '…' : ''}${text.slice(from, start).trimStart()}`;
  const after = `${text.slice(end, to).trimEnd()}${cutAfter ? '…' : ''}`;
  return `${before}【${text.slice(start, end)}】${after}`;
}
