import type { RenderedHomepage } from '../crawlers/artifacts.ts';
import { type CheckResult, defineCheck, type Finding } from './check.ts';
import { contentInFrames } from './lib/frames.ts';
import { NUMBERS_INSIDE, TEXT_IDENTIFIERS, type TextIdentifier } from './lib/identifiers.ts';
import { findText, type JoinedText, joinTexts, pageEnd, type TextMatch } from './lib/page-text.ts';
import { judgePartyGovBadge } from './lib/party-gov-badge.ts';
import { describeHidden, roundBox } from './lib/visibility.ts';

type Judged = { outcome: 'pass' } | { outcome: 'fail' | 'review'; finding: Finding };

interface Reading {
  home: RenderedHomepage;
  visible: JoinedText;
  hidden: JoinedText;
  /** Frame URLs when the content may sit in frames, or the homepage shows no text at all. */
  unreadable: string[] | null;
}

/**
 * Clauses 4.3.2.3 and 4.3.2.4: a site goes online with its 政府网站标识码, ICP 备案, 公安机关备案 and the
 * 党政机关网站标识, which the homepage shows (in practice in the footer). Text anywhere visible on the
 * homepage counts; a label and its value may sit in neighbouring elements, or the value in an element
 * inside the label's (see `joinTexts`). One finding per missing item.
 */
export const footerIdentifiers = defineCheck({
  meta: {
    id: 'footer-identifiers',
    clause: '4.3.2.3',
    title: '首页展示网站标识码、备案编号和党政机关网站标识',
    description:
      '首页（通常在页脚）应可见地展示政府网站标识码（登记了标识码的须一致）、ICP备案编号、公安机关备案号和党政机关网站标识（4.3.2.3、4.3.2.4）；缺一项记一条问题，隐藏的不算。',
    appliesToText: '所有网站',
    appliesTo: () => true,
    requires: ['renderedHomepage'],
    // One finding per missing item. It rests on the number shown (and the one registered), how it is
    // hidden, the label read without a number; not on the text around it or the page's last lines.
    identity: {
      key: ['evidence.item'],
      digest: [
        'evidence.item',
        'evidence.shown',
        'evidence.registered',
        'evidence.text',
        'evidence.hiddenReason',
        'evidence.hiddenBadges.*.label',
        'evidence.hiddenBadges.*.hiddenReason',
        'evidence.script',
        'evidence.frames',
        'evidence.lookedFor?',
      ],
    },
  },
  run({ renderedHomepage: home }, { site }): CheckResult {
    const frames = contentInFrames(home);
    const reading: Reading = {
      home,
      visible: joinTexts(home, true, NUMBERS_INSIDE),
      hidden: joinTexts(home, false, NUMBERS_INSIDE),
      unreadable: frames.length > 0 || home.texts.length === 0 ? frames : null,
    };
    const judged = [
      ...TEXT_IDENTIFIERS.map((identifier) => judgeText(reading, identifier, site.siteCode)),
      judgePartyGovBadge(reading, unreadable),
    ];
    const findings = judged.flatMap((j) => (j.outcome === 'pass' ? [] : [j.finding]));
    const outcome = judged.some((j) => j.outcome === 'fail')
      ? 'fail'
      : judged.some((j) => j.outcome === 'review')
        ? 'review'
        : 'pass';
    return { outcome, findings };
  },
});

function judgeText(reading: Reading, identifier: TextIdentifier, registered?: string): Judged {
  const { home, visible, hidden } = reading;
  const finding = (message: string, evidence: Record<string, unknown>): Finding => ({
    url: home.finalUrl,
    message,
    evidence: { item: identifier.name, ...evidence },
  });
  const shown = findText(visible, identifier.value);
  if (shown !== null) {
    const value = shown.groups[0]!;
    if (identifier.key !== 'siteCode' || registered === undefined) return { outcome: 'pass' };
    if (value.toUpperCase() === registered.toUpperCase()) return { outcome: 'pass' };
    return {
      outcome: 'fail',
      finding: finding(`首页显示的政府网站标识码 ${value} 与登记的 ${registered} 不一致。`, {
        shown: value,
        registered,
        ...found(shown),
      }),
    };
  }
  const concealed = findText(hidden, identifier.value);
  if (concealed !== null) {
    const reason = describeHidden(concealed.element.hiddenReason);
    return {
      outcome: 'fail',
      finding: finding(`首页的${identifier.name}“${concealed.match}”${reason}，读者看不到。`, {
        ...found(concealed),
        hiddenReason: concealed.element.hiddenReason ?? null,
      }),
    };
  }
  const label = findText(visible, identifier.label);
  if (label !== null) {
    return {
      outcome: 'review',
      finding: finding(
        `首页有“${label.match}”字样，但读不出${identifier.name}（可能写在图片里），需人工查看。`,
        found(label),
      ),
    };
  }
  if (reading.unreadable !== null) return unreadable(reading, identifier.name);
  return {
    outcome: 'fail',
    finding: finding(`首页没有显示${identifier.name}（如“${identifier.example}”）。`, {
      lookedFor: identifier.example,
      pageEnd: pageEnd(visible),
    }),
  };
}

function unreadable(reading: Reading, item: string): Judged {
  const frames = reading.unreadable ?? [];
  const where =
    frames.length > 0
      ? '首页内容位于框架（frame/iframe）中，自动检查看不到框架内的内容'
      : '首页没有可读取的文字';
  return {
    outcome: 'review',
    finding: {
      url: reading.home.finalUrl,
      message: `${where}，需人工查看是否展示了${item}。`,
      evidence: { item, frames, homepageTexts: reading.home.texts.length },
    },
  };
}

function found(match: TextMatch): Record<string, unknown> {
  return {
    text: match.match,
    context: match.context,
    selector: match.element.selector,
    box: roundBox(match.element.box),
  };
}
