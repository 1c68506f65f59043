/**
 * Soft-404 detection: a page answered 200 but its title or a heading says it does not exist.
 * Only the title and short headings are read, so an article that merely mentions 404 (第404号,
 * 关于对404家企业的通报, S410省道) or discusses deleted or repealed documents is not flagged.
 */

/** Something that is not there: "页面不存在", "您访问的页面不存在或已被删除", "文件未找到". */
const NOT_THERE =
  /(页面|网页|链接|文章|信息|内容|资源|文件|栏目|访问的)[^，。,.]{0,6}(不存在|未找到|找不到|无法找到|没有找到)|not\s*found|page\s+(does\s+not|doesn't)\s+exist/i;

/**
 * Something taken down: only a page or its content (页面已删除, 该信息已被删除), never a document
 * (规范性文件已失效 announces a repeal, not a missing page).
 */
const TAKEN_DOWN = /(页面|网页|链接|文章|信息|内容)[^，。,.]{0,6}已(被)?(删除|失效)/;

/** In a very short title these words alone say it: "找不到了", "已删除". */
const SHORT_NOT_FOUND = /不存在|未找到|找不到|^已(被)?(删除|失效)[!！。]?$/;
const SHORT_TITLE_CHARS = 12;

/** The status code as a number of its own (not 4041, not part of S410). */
const STATUS_CODE = /(?<![\da-z])(404|410)(?![\d])/i;

/** Words that may stand around the status code in an error title: "404 Not Found", "错误404", "404错误页面". */
const ERROR_WORDS =
  /error|http|not|found|gone|page|错误|出错|页面|网页|提示|状态码?|代码|抱歉|对不起|不存在|找不到|未找到|了|啦|[\s:：!！.。,，()（）[\]【】]/gi;

/** Between a title's own words and the site's name: "Error 404 - 四川省人民政府", "410 Gone | 某某局". */
const TITLE_PARTS = /\s+[-–—|｜_·]\s+|[|｜_–—]/;

/** A heading longer than this is an article title, not an error banner. */
const MAX_HEADING_CHARS = 40;

/** True when one part of the title is the status code with nothing but error words around it. */
function isStatusTitle(text: string): boolean {
  return text
    .split(TITLE_PARTS)
    .some((part) => STATUS_CODE.test(part) && part.replace(STATUS_CODE, '').replace(ERROR_WORDS, '') === '');
}

export function detectSoftNotFound(
  title: string,
  headings: readonly string[],
): { evidence: string } | undefined {
  const candidates = [title, ...headings.filter((h) => h.length <= MAX_HEADING_CHARS)];
  for (const text of candidates) {
    const t = text.trim();
    if (t === '') continue;
    if (
      isStatusTitle(t) ||
      NOT_THERE.test(t) ||
      TAKEN_DOWN.test(t) ||
      (t.length <= SHORT_TITLE_CHARS && SHORT_NOT_FOUND.test(t))
    ) {
      return { evidence: t === title.trim() ? `标题：${t}` : `标题栏：${t}` };
    }
  }
  return undefined;
}
