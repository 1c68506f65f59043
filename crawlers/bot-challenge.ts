import type { CheerioAPI } from 'cheerio';
import type { BotChallenge } from './artifacts.ts';
import { parseHtml, titleOf } from './html-outline.ts';
import { visibleText } from './visible-text.ts';

/** Words and cookie names of Chinese WAFs' verification pages. */
const GENERIC_MARKERS =
  /安全验证|人机验证|访问验证|滑动验证|请开启JavaScript并刷新|__jsl_clearance|waf_cookie|_waf_/i;

/** A title part this short that names a verification is the page's subject ("安全验证 - 某某局"), not an article's. */
const GATE_TITLE_CHARS = 10;

function isGateTitle(title: string): boolean {
  return title
    .split(/\s+[-–—|｜_·]\s+|[|｜_–—]/)
    .some((part) => part.trim().length <= GATE_TITLE_CHARS && GENERIC_MARKERS.test(part));
}

/** Below this much visible text, and with next to no links, a page is a gate, not content. */
const BARE_TEXT_CHARS = 2_000;
const BARE_MAX_LINKS = 4;

/**
 * Recognizes an answer from a bot-protection layer instead of the page: the 412 and 521 pages that
 * Chinese WAFs (Ruishu/瑞数, Jiasule/加速乐, Chuangyu/创宇盾 and the like) serve to clients without their
 * JavaScript cookie, and Cloudflare's challenge. Such an answer says nothing about whether the link works.
 *
 * A 200/202/403 page is a generic WAF's verification page only when its `<title>` is one (安全验证) or
 * when it is bare — little visible text and next to no links, i.e. mostly script — and mentions a
 * WAF's words or cookie: an article of the site that talks about 安全验证 is content, not a gate.
 * `html` is the (start of the) decoded body; pass `parsed` when the caller has parsed it already.
 */
export function detectBotChallenge(
  status: number,
  headers: Record<string, string | string[] | undefined>,
  html: string,
  parsed?: CheerioAPI,
): BotChallenge | undefined {
  const header = (name: string) => String(headers[name] ?? '').toLowerCase();
  const snippet = html.slice(0, 200).replace(/\s+/g, ' ');
  if (
    header('cf-mitigated') === 'challenge' ||
    (header('server') === 'cloudflare' && /just a moment|cf-chl|challenge-platform/i.test(html))
  ) {
    return { vendor: 'cloudflare', status, evidence: `cf-mitigated/Cloudflare 质询页：${snippet}` };
  }
  if (status === 412)
    return { vendor: 'waf-412', status, evidence: `HTTP 412（防护系统要求执行脚本）：${snippet}` };
  if (status === 521) return { vendor: 'waf-521', status, evidence: `HTTP 521（防护系统质询）：${snippet}` };
  if ((status === 403 || status === 200 || status === 202) && GENERIC_MARKERS.test(html)) {
    const $ = parsed ?? parseHtml(html);
    const title = titleOf($);
    if (isGateTitle(title)) return { vendor: 'generic', status, evidence: `防护系统验证页：${title}` };
    const text = visibleText($, BARE_TEXT_CHARS);
    if (text.length < BARE_TEXT_CHARS && $('a[href]').length <= BARE_MAX_LINKS) {
      return { vendor: 'generic', status, evidence: `防护系统验证页：${text.slice(0, 100) || snippet}` };
    }
  }
  return undefined;
}
