import type { CheerioAPI } from 'cheerio';
import { titleOf } from './html-outline.ts';
import { visibleText } from './visible-text.ts';

/**
 * Words saying the site is offline for now: in maintenance (网站维护中, 系统升级维护, 停机维护), being
 * rebuilt (改版中, 网站建设中), paused (本站暂停访问) or closed (临时关闭). Read in the page's text, they
 * must say so outright: "网站维护：某某中心" or "系统维护人员" names who keeps the site, "暂停使用IE8浏览器"
 * speaks of browsers, "Site maintenance by …" of a company.
 */
const OFFLINE = new RegExp(
  [
    '维护中',
    '正在(进行)?(系统)?(升级)?维护',
    '(进行|升级|停机|临时|例行)维护',
    '维护(升级|期间)',
    '(升级|改版|改造)(中|期间)',
    '正在(升级|改版)',
    '(网站|站点|页面)(正在)?建设中',
    '(网站|本站|站点|系统)(已|将)?暂停(访问|服务|开放)',
    '(临时|暂时)(关闭|下线|停止访问|停止服务)',
    '(网站|站点)已?(关闭|关停|下线)',
    'under\\s+(maintenance|construction)',
    'down\\s+for\\s+maintenance',
    'maintenance\\s+(mode|in\\s+progress)',
  ].join('|'),
  'i',
);
/** In the title alone, a maintenance word is enough: 系统维护, 网站维护公告. */
const OFFLINE_TITLE = new RegExp(
  `${OFFLINE.source}|(系统|网站|站点|平台|服务器)维护(?!人员|者|单位|部门|电话|[:：])`,
  'i',
);

/** A maintenance page is a notice: a few sentences, a footer, a link or two. A homepage has far more. */
const MAX_TEXT_CHARS = 1_000;
const MAX_LINKS = 10;

/** A link into the site: the page is a notice in front of a working site (进入网站), not an offline one. */
const WAY_IN = /进入|继续访问|点击访问|访问主站|网站首页/;

/**
 * Recognizes a page that says the site is offline for maintenance, served in place of the homepage.
 * Only a page that is itself a notice counts: short visible text, next to no links, none leading into
 * the site, and the wording in its title or its text; a homepage whose news mentions 系统维护 is not one.
 * `complete` is false when only the start of the body was read: then its text cannot be judged short
 * (the rest may be a full homepage), and only the title counts.
 */
export function detectMaintenancePage($: CheerioAPI, complete: boolean): { evidence: string } | undefined {
  const text = visibleText($, MAX_TEXT_CHARS + 1);
  const links = $('a[href]');
  if (text.length > MAX_TEXT_CHARS || links.length > MAX_LINKS) return undefined;
  if (links.toArray().some((link) => WAY_IN.test(linkLabel($, link)))) return undefined;
  // A frameset or an app shell draws its content elsewhere: its own text says nothing of the site.
  if ($('frameset, frame, iframe').length > 0) return undefined;
  const title = titleOf($);
  if (OFFLINE_TITLE.test(title)) return { evidence: `标题：${title}` };
  const said = OFFLINE.exec(text);
  if (!complete || !said) return undefined;
  return { evidence: `页面文字：${text.slice(Math.max(0, said.index - 20), said.index + 40).trim()}` };
}

/** What a link says: its text, its title, and the alt text of an image in it (a splash page's 进入主站 button). */
function linkLabel($: CheerioAPI, link: Parameters<CheerioAPI>[0]): string {
  const $link = $(link);
  const alts = $link
    .find('img[alt]')
    .map((_, img) => $(img).attr('alt') ?? '')
    .get()
    .join(' ');
  return `${$link.text()} ${$link.attr('title') ?? ''} ${alts}`;
}
