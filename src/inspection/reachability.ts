import type { Gathered, RenderedHomepage, SiteCrawl } from '../../crawlers/artifacts.ts';

/**
 * Why the homepage could not be inspected, in Chinese, or undefined when it could. A homepage is
 * reachable when either the browser or the crawler got it with a non-error status. A bot-protection
 * answer is said to be one, so that nobody reads it as a dead site.
 */
export function unreachableReason(
  rendered: Gathered<RenderedHomepage>,
  crawl: Gathered<SiteCrawl>,
): string | undefined {
  if (rendered.ok && rendered.value.status !== null && rendered.value.status < 400) return undefined;
  const homepage = crawl.ok ? crawl.value.pages.find((page) => page.depth === 0) : undefined;
  if (homepage?.status != null && homepage.status < 400 && !homepage.challenge) return undefined;

  if (homepage?.challenge) {
    return `首页被网站防护系统拦截（HTTP ${homepage.challenge.status}），无法自动检查；这不表示网站已无法访问，请人工复核。`;
  }
  if (homepage?.status != null) return `首页返回 HTTP ${homepage.status}，无法检查。`;
  if (homepage?.error) return `首页无法访问（${homepage.error}）。`;
  if (!rendered.ok) return `首页无法访问：${rendered.error}`;
  if (!crawl.ok) return `首页无法访问：${crawl.error}`;
  return '首页无法访问。';
}
