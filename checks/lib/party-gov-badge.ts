import type { RenderedHomepage } from '../../crawlers/artifacts.ts';
import type { Finding } from '../check.ts';
import { describeEntry, findEntries } from './entries.ts';
import { type JoinedText, pageEnd } from './page-text.ts';
import { describeHidden } from './visibility.ts';

/**
 * The 党政机关网站标识 (clause 4.3.2.4). The registry's script (dcs.conac.cn/js/…, written in with
 * document.write) draws into `<span id="_ideConac">` a link to bszs.conac.cn around
 * `<img id="imgConac" src="//dcs.conac.cn/image/red.png">`; sites also keep a copy of the image
 * (often under /dzjg/, or renamed by their CMS), or draw it as a CSS background.
 */
const PARTY_GOV_BADGE = {
  name: '党政机关网站标识',
  words: ['党政机关'],
  address: /dzjg|conac/i,
  container: /#_ideConac\b|#imgConac\b/,
  /** The registry's script that draws the badge, when the page loads it instead of an image. */
  script: /conac\.cn/i,
} as const;

export type BadgeJudged = { outcome: 'pass' } | { outcome: 'fail' | 'review'; finding: Finding };

/** What `footer-identifiers` read of the homepage (see its `Reading`). */
interface BadgeReading {
  home: RenderedHomepage;
  visible: JoinedText;
  /** Set when the content may sit in frames, or the homepage shows no text at all. */
  unreadable: string[] | null;
}

/**
 * Shown when any badge image, registry link or registry container is visible: a badge need not be
 * clickable, it identifies the site. Hidden only → fail; the registry's script loaded but nothing
 * drawn → review; nothing on an unreadable page (frames, no text) → `unreadable`'s answer; else fail.
 */
export function judgePartyGovBadge<R extends BadgeReading>(
  reading: R,
  unreadable: (reading: R, item: string) => BadgeJudged,
): BadgeJudged {
  const { home } = reading;
  const badges = findEntries(home, {
    linkWords: [],
    href: PARTY_GOV_BADGE.address,
    graphicWords: PARTY_GOV_BADGE.words,
    src: PARTY_GOV_BADGE.address,
    container: PARTY_GOV_BADGE.container,
  });
  if (badges.some((b) => b.visible)) return { outcome: 'pass' };
  const evidence = { item: PARTY_GOV_BADGE.name };
  const hidden = badges.find((b) => b.kind === 'link') ?? badges[0];
  if (hidden !== undefined) {
    return {
      outcome: 'fail',
      finding: {
        url: home.finalUrl,
        message: `首页的党政机关网站标识（${describeEntry(hidden)}）${describeHidden(hidden.hiddenReason)}，读者看不到。`,
        evidence: { ...evidence, hiddenBadges: badges },
      },
    };
  }
  const script = home.resources.find((r) => r.kind === 'script' && PARTY_GOV_BADGE.script.test(r.url));
  if (script !== undefined) {
    return {
      outcome: 'review',
      finding: {
        url: home.finalUrl,
        message: '首页引用了显示党政机关网站标识的脚本，但渲染后没有出现标识图片，需人工查看。',
        evidence: { ...evidence, script: script.url },
      },
    };
  }
  if (reading.unreadable !== null) return unreadable(reading, PARTY_GOV_BADGE.name);
  return {
    outcome: 'fail',
    finding: {
      url: home.finalUrl,
      message: '首页没有党政机关网站标识（“党政机关”图标或指向 conac.cn 的链接）。',
      evidence: {
        ...evidence,
        lookedFor:
          '图片的 alt/title 含“党政机关”，图片地址、链接地址含 dzjg、conac，或标识脚本绘制的图标（_ideConac）',
        images: home.graphics.filter((g) => g.visible && g.kind === 'img').length,
        pageEnd: pageEnd(reading.visible),
      },
    },
  };
}
