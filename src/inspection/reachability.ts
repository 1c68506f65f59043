import type { BotChallenge, Gathered, RenderedHomepage, SiteCrawl } from '../../crawlers/artifacts.ts';

/**
 * Why the homepage could not be inspected, in Chinese, or undefined when it could. A homepage is
 * reachable when the document the browser finally rendered is neither an error nor a bot challenge
 * (a WAF's 412 whose script sets a cookie and reloads is passed by the browser, while the crawl, which
 * runs no script, only ever sees the challenge), or when the crawler got it without either.
 * A bot-protection answer is said to be one, so that nobody reads it as a dead site.
 */
export function unreachableReason(
  rendered: Gathered<RenderedHomepage>,
  crawl: Gathered<SiteCrawl>,
): string | undefined {
  const page = rendered.ok ? rendered.value : undefined;
  if (page?.status != null && page.status < 400 && !page.challenge) return undefined;
  const homepage = crawl.ok ? crawl.value.pages.find((crawled) => crawled.depth === 0) : undefined;
  if (homepage?.status != null && homepage.status < 400 && !homepage.challenge) return undefined;

  const challenge: BotChallenge | undefined = page?.challenge ?? homepage?.challenge;
  if (challenge) {
    return `首页被网站防护系统拦截（HTTP ${challenge.status}），无法自动检查；这不表示网站已无法访问，请人工复核。`;
  }
  if (homepage?.status != null) return `首页返回 HTTP ${homepage.status}，无法检查。`;
  if (homepage?.error) return `首页无法访问（${homepage.error}）。`;
  if (page?.status != null) return `首页返回 HTTP ${page.status}，无法检查。`;
  if (!rendered.ok) return `首页无法访问：${rendered.error}`;
  if (!crawl.ok) return `首页无法访问：${crawl.error}`;
  return '首页无法访问。';
}
