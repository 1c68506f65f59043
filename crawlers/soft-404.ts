/**
 * Soft-404 detection: a page answered 200 but its title or a heading says it does not exist.
 * Only the title and short headings are read, so an article that merely mentions 404 (第404号,
 * 404号文件) or discusses deleted content in its body is not flagged.
 */
const NOT_FOUND_PHRASES =
  /(页面|网页|链接|文章|信息|内容|资源|文件|栏目|访问的)[^，。,.]{0,6}(不存在|未找到|找不到|无法找到|没有找到|已(被)?删除|已失效)|not\s*found|page\s+(does\s+not|doesn't)\s+exist/i;

/** In a very short title these words alone say it: "找不到了", "已删除". */
const SHORT_NOT_FOUND = /不存在|未找到|找不到|已(被)?删除/;
const SHORT_TITLE_CHARS = 12;

/** "404" standing as a status, not as part of a document number such as 第404号 or 404号. */
const STATUS_404 = /(^|[^\d第])(404|410)(?![\d号期条])/;

/** A heading longer than this is an article title, not an error banner. */
const MAX_HEADING_CHARS = 40;

export function detectSoftNotFound(
  title: string,
  headings: readonly string[],
): { evidence: string } | undefined {
  const candidates = [title, ...headings.filter((h) => h.length <= MAX_HEADING_CHARS)];
  for (const text of candidates) {
    const t = text.trim();
    if (t === '') continue;
    if (
      STATUS_404.test(t) ||
      NOT_FOUND_PHRASES.test(t) ||
      (t.length <= SHORT_TITLE_CHARS && SHORT_NOT_FOUND.test(t))
    ) {
      return { evidence: t === title.trim() ? `标题：${t}` : `标题栏：${t}` };
    }
  }
  return undefined;
}
