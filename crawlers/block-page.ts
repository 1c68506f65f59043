import type { CheerioAPI } from 'cheerio';
import { parseHtml, titleOf } from './html-outline.ts';
import { visibleText } from './visible-text.ts';

/**
 * The statuses firewalls refuse a client with: 403 most of them, 405 Alibaba Cloud's WAF, 406
 * ModSecurity, 501 some cloud WAFs, 429 and 503 rate limits.
 */
const BLOCK_STATUSES = new Set([403, 405, 406, 429, 501, 503]);

/**
 * What a firewall's block page says: that the request was intercepted (拦截, 阻断), as an attack or
 * for illegal parameters, too frequent, or from a banned IP. Read in the page's visible text and title:
 * a site's own error page may carry scripts that speak of 拦截 (拦截右键复制). "访问被拒绝" alone is not
 * one: IIS says it on its plain 403 of a directory without a default page, a site that is broken.
 */
const BLOCK_MARKERS = new RegExp(
  [
    '拦截',
    '阻断',
    '防火墙',
    '疑似(黑客)?攻击',
    '攻击(行为|请求)',
    '(不合法|非法|危险)的?(参数|请求|字符|操作)',
    '安全威胁',
    '恶意(行为|访问|请求)',
    '可疑的?(访问|攻击|请求)',
    '(访问|请求|操作)(过于|太|过度)?频繁',
    '(访问|请求)频率',
    '访问行为存在异常',
    'IP[^，。,.]{0,10}(封禁|限制|禁止|黑名单|不在)',
    '(request|access)\\s+(has\\s+been\\s+|was\\s+)?blocked',
    '(have|has)\\s+been\\s+blocked',
    'rate[\\s-]?limit',
    'web\\s+application\\s+firewall',
  ].join('|'),
  'i',
);

/** A vendor's block page that writes its message from a script (Alibaba Cloud's): read in the whole HTML. */
const VENDOR_MARKERS = /errors\.aliyun(dun)?\./i;

/**
 * What a CDN's or a cloud WAF's page says when the site behind it is down: its origin unreachable,
 * timing out, or in maintenance. Such a page may name the firewall but reports an outage, not a refusal.
 */
const OUTAGE_MARKERS =
  /源站|回源|(无法|不能)连接|连接超时|服务器(错误|故障|异常)|维护中|正在维护|停机|bad\s+gateway|gateway\s+time-?out/i;

/** A block page is short: a full page of content behind an error status is not a firewall's. */
const BLOCK_TEXT_CHARS = 2_000;

/**
 * Recognizes a firewall's refusal of this client (创宇盾, 安全狗, 云锁, 宝塔, 阿里云盾, 腾讯云 WAF and the
 * like): the server is up and answered, but blocked the request or rate-limited the client's IP. Unlike a
 * bot challenge (`detectBotChallenge`), no browser gets past it. A 429 is a rate limit whatever its body;
 * another block status needs a short page in a firewall's words, and none of an outage's.
 * `html` is the (start of the) decoded body; pass `parsed` when the caller has parsed it already.
 */
export function detectBlockPage(
  status: number,
  html: string,
  parsed?: CheerioAPI,
): { evidence: string } | undefined {
  if (!BLOCK_STATUSES.has(status)) return undefined;
  const page = blockPage(status, html, parsed);
  if (page) return page;
  if (status === 429) return { evidence: 'HTTP 429（请求过于频繁，探测方被限流）' };
  return undefined;
}

function blockPage(
  status: number,
  html: string,
  parsed: CheerioAPI | undefined,
): { evidence: string } | undefined {
  if (OUTAGE_MARKERS.test(html)) return undefined;
  const $ = parsed ?? parseHtml(html);
  const text = visibleText($, BLOCK_TEXT_CHARS);
  if (text.length >= BLOCK_TEXT_CHARS) return undefined;
  const title = titleOf($);
  const marker = BLOCK_MARKERS.exec(`${title} ${text}`)?.[0];
  const vendor = marker === undefined && VENDOR_MARKERS.test(html);
  if (marker === undefined && !vendor) return undefined;
  const said = text.slice(0, 80) || (vendor ? '阿里云盾拦截页（提示由脚本写出）' : `页面含“${marker}”`);
  const shown = title === '' || said.includes(title) ? said : `${title}；${said}`;
  return { evidence: `HTTP ${status} 防火墙拦截页：${shown}` };
}
