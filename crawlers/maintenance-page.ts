import type { CheerioAPI } from 'cheerio';
import { titleOf } from './html-outline.ts';
import { visibleText } from './visible-text.ts';

/**
 * Words saying the site is offline for now: in maintenance (网站维护中, 系统升级维护, 停机维护), being
 * rebuilt (改版中, 网站建设中), paused (暂停访问) or closed (临时关闭). "网站维护人员" or "维护单位" names
 * who keeps the site, not its state.
 */
const MAINTENANCE = new RegExp(
  [
    '维护中',
    '正在(进行)?(系统)?(升级)?维护',
    '(进行|升级|停机|临时|例行)维护',
    '维护(升级|期间)',
    '(系统|网站|站点|平台|服务器)维护(?!人员|者|单位|部门|中心|电话|联系|方)',
    '(升级|改版|改造)(中|期间)',
    '正在(升级|改版)',
    '(网站|站点|页面)(正在)?建设中',
    '暂停(访问|服务|使用|开放)',
    '(临时|暂时)(关闭|下线|停止访问|停止服务)',
    '(网站|站点)已?(关闭|关停|下线)',
    'under\\s+(maintenance|construction)',
    'maintenance',
  ].join('|'),
  'i',
);

/** A maintenance page is a notice: a few sentences, a footer, a link or two. A homepage has far more. */
const MAX_TEXT_CHARS = 1_000;
const MAX_LINKS = 10;

/** A link into the site: the page is a notice in front of a working site (进入网站), not an offline one. */
const WAY_IN = /进入|继续访问|点击访问/;

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
  if (links.toArray().some((link) => WAY_IN.test($(link).text()))) return undefined;
  const title = titleOf($);
  if (MAINTENANCE.test(title)) return { evidence: `标题：${title}` };
  const said = MAINTENANCE.exec(text);
  if (!complete || !said) return undefined;
  return { evidence: `页面文字：${text.slice(Math.max(0, said.index - 20), said.index + 40).trim()}` };
}
