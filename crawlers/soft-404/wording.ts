/**
 * The words with which a page says it does not exist. They decide nothing alone (see `judge.ts`: only
 * on a short page), and they are about the page or what was asked for: 政府信息不存在 (the legal wording
 * of an answer to a disclosure request), 规范性文件已失效 (a repeal) or 第404期 say nothing of the page.
 */

/** The page, link or document asked for is not there: 页面不存在, 网页找不到, 文件未找到, 链接已失效. */
const PAGE_NOT_THERE =
  /(页面|网页|链接|网址|文章|栏目|文件|资源)[^，。,.；;！!]{0,6}(不存在|未找到|找不到|无法找到|没有找到)|(页面|网页|链接|网址)[^，。,.；;！!]{0,6}已(被)?(删除|移除|失效|过期)/;

/** What you asked for is not there: 您访问的页面不存在或已被删除, 你要查找的内容已被移除. */
const WHAT_YOU_ASKED_FOR =
  /(您|你)(所|要|正在)?(访问|请求|查看|浏览|查找|打开|查询)的[^，。,.；;！!]{0,10}(不存在|未找到|找不到|已(被)?(删除|移除|失效|过期))/;

/** This item is gone: 该信息已删除, 此文章不存在, 该稿件已撤销. */
const THIS_ITEM_GONE =
  /(该|此)条?(信息|文章|内容|稿件|页面|新闻|记录)[^，。,.；;！!]{0,4}(不存在|已(被)?(删除|撤销|撤回|下线|移除))/;

/** 找不到您要的页面, 找不到该网页. */
const CANNOT_FIND = /(找不到|无法找到)(您|你)?(要|所)?(访问|请求|查看|查找)?的?(该|此)?(页面|网页|内容|信息)/;

const IN_ENGLISH = /not\s*found|page\s+(does\s+not|doesn't)\s+exist|no\s+longer\s+(exists|available)/i;

/** In a very short title these words alone say it: "找不到了", "已删除", "信息已删除". */
const SHORT_TITLE = /不存在|未找到|找不到|^(信息|内容|文章|页面)?已(被)?(删除|失效)[!！。]?$/;
const SHORT_TITLE_CHARS = 12;

/** The status code as a number of its own (not 4041, not part of S410). */
const STATUS_CODE = /(?<![\da-z])(404|410)(?![\d])/i;

/** Words that may stand around the status code in an error title: "404 Not Found", "错误404", "404错误页面". */
const ERROR_WORDS =
  /error|http|not|found|gone|page|错误|出错|页面|网页|提示|状态码?|代码|抱歉|对不起|不存在|找不到|未找到|了|啦|[\s:：!！.。,，()（）[\]【】]/gi;

/** Between a title's own words and the site's name: "Error 404 - 四川省人民政府", "410 Gone | 某某局". */
const TITLE_PARTS = /\s+[-–—|｜_·]\s+|[|｜_–—]/;

/** A line longer than this is a sentence of an article, not an error banner. */
const MAX_BANNER_CHARS = 40;

/** True when one part of the text is the status code with nothing but error words around it. */
function isStatusLine(text: string): boolean {
  return text
    .split(TITLE_PARTS)
    .some((part) => STATUS_CODE.test(part) && part.replace(STATUS_CODE, '').replace(ERROR_WORDS, '') === '');
}

function saysNotThere(text: string): boolean {
  return (
    PAGE_NOT_THERE.test(text) ||
    WHAT_YOU_ASKED_FOR.test(text) ||
    THIS_ITEM_GONE.test(text) ||
    CANNOT_FIND.test(text) ||
    IN_ENGLISH.test(text)
  );
}

/** True when the title says the page does not exist ("404 Not Found", "页面不存在", "信息已删除"). */
export function titleSaysNotFound(title: string): boolean {
  const t = title.trim();
  if (t === '') return false;
  return isStatusLine(t) || saysNotThere(t) || (t.length <= SHORT_TITLE_CHARS && SHORT_TITLE.test(t));
}

/** True when a line of the page's own text says so: a "404" banner, or 您访问的页面不存在. */
export function lineSaysNotFound(line: string): boolean {
  return saysNotThere(line) || (line.length <= MAX_BANNER_CHARS && isStatusLine(line));
}

/** A cheap first look at the page's whole text, before its own lines are read. */
export function mayTellNotFound(text: string): boolean {
  return saysNotThere(text) || STATUS_CODE.test(text);
}

/**
 * Lines every page of a site prints, and the help an error page adds around its message: the footer
 * (主办, 地址, 备案, 网站标识码, 技术支持), the top bar (今天是, 无障碍), 当前位置, an article's info line
 * (发布时间, 来源, 浏览次数, 字体, 打印), and 请检查网址 / 返回首页 / 请稍后再试.
 */
const FURNITURE =
  /主办|承办|协办|主管|地址|电话|邮编|传真|邮箱|备案|ICP|公网安备|标识码|版权|copyright|©|技术支持|建议使用|分辨率|浏览器|访问量|访问人次|今天是|星期|无障碍|长者|当前位置|您的位置|所在位置|发布时间|发布日期|来源|浏览次数|点击数|阅读次数|字体|打印|关闭|分享|网址|首页|返回|上一页|反馈|稍后|刷新|管理员|温馨提示/i;

/** True for a line of site furniture or of an error page's help, which says nothing of the page's own. */
export function isFurniture(line: string): boolean {
  return FURNITURE.test(line);
}
