import type { Browser, Page, Response } from 'playwright';
import type { Logger } from '../../src/log.ts';
import type { BotChallenge, RenderedHomepage } from '../artifacts.ts';
import { detectBotChallenge } from '../bot-challenge.ts';
import { type ReachRule, reachGuard } from '../reach/reach-rule.ts';
import { siteReach } from '../reach/site-reach.ts';
import type { ResolveTable } from '../resolve/resolve-table.ts';
import { DocumentResponses } from './document-responses.ts';
import { decideHeaderArea, type HeaderArea, isInHeader } from './header-area.ts';
import { HomepageNavigationError, navigate, proxyNavigationError, requireWebUrl } from './navigate.ts';
import { DEFAULT_LIMITS, extractPage, type Placed } from './page-extract.ts';
import { PageRedirects } from './page-redirects.ts';
import { PROXY_FAILURE_HEADER, type ReachProxy, startReachProxy } from './reach-proxy.ts';
import { settlePage } from './settle.ts';

export interface RenderOptions {
  /** Limit for reaching DOMContentLoaded. */
  navigationTimeoutMs?: number;
  /** Hard cap on waiting for script-written content after DOMContentLoaded. */
  settleCapMs?: number;
  /** On by default: TLS problems are recorded by the crawl gatherer, the rendering still looks at the page. */
  ignoreHttpsErrors?: boolean;
  /** `--resolve` entries: where the browser's connections to a host go. */
  resolve?: ResolveTable;
  /** Where the browser may go besides the public internet (default: the homepage host's own addresses). */
  reach?: ReachRule;
  log?: Logger;
}

/** Limit of resolving a host for the browser (the navigation has its own limit). */
const LOOKUP_TIMEOUT_MS = 10_000;

/** The common inspection size. */
export const INSPECTION_VIEWPORT = { width: 1366, height: 768 } as const;

const EXTRACTION_TIMEOUT_MS = 20_000;
const SCREENSHOT_TIMEOUT_MS = 10_000;

/** A desktop Chrome on Windows, the browser most officials read these sites with. */
function desktopUserAgent(browserVersion: string): string {
  const major = browserVersion.split('.')[0] || '120';
  return `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${major}.0.0.0 Safari/537.36`;
}

/** Turns an extracted item into its artifact form: `inHeader` decided from where it is placed. */
function locate<T extends Placed>(item: T, header: HeaderArea): Omit<T, 'place'> & { inHeader: boolean } {
  const { place, ...rest } = item;
  return { ...rest, inHeader: isInHeader(place, header) };
}

async function screenshotHeader(
  page: Page,
  header: HeaderArea,
  log?: Logger,
): Promise<Uint8Array | undefined> {
  try {
    await page.evaluate('window.scrollTo(0, 0)');
    const png = await page.screenshot({
      type: 'png',
      clip: { x: 0, y: 0, width: header.box.width, height: header.box.height },
      timeout: SCREENSHOT_TIMEOUT_MS,
    });
    return new Uint8Array(png);
  } catch (error) {
    log?.warn({ err: error }, 'header screenshot failed');
    return undefined;
  }
}

/** A bot challenge the page on screen still is (the browser did not get through), judged on its DOM. */
async function challengeOf(page: Page, response: Response): Promise<BotChallenge | undefined> {
  const html = await page.content().catch(() => '');
  return detectBotChallenge(response.status(), response.headers(), html);
}

/**
 * `navigate`, with what the proxy knows of a failure: Chromium only sees the proxy's answer (a tunnel
 * that failed, a 502 of ours), not why the server was not reached.
 */
async function navigateThrough(
  proxy: ReachProxy,
  page: Page,
  url: string,
  timeoutMs: number,
): Promise<Response | null> {
  let response: Response | null;
  try {
    response = await navigate(page, url, timeoutMs);
  } catch (error) {
    const failure = proxy.lastTunnelFailure();
    if (
      error instanceof HomepageNavigationError &&
      error.code === 'ERR_TUNNEL_CONNECTION_FAILED' &&
      failure
    ) {
      throw proxyNavigationError(failure, url);
    }
    throw error;
  }
  const failure = response?.headers()[PROXY_FAILURE_HEADER];
  if (failure) throw proxyNavigationError(failure, url);
  return response;
}

/**
 * Renders a homepage in a fresh browser context at the inspection viewport and gathers what the
 * checks read: texts, links, graphics and sub-resources with their boxes and visibility, the header
 * area and its screenshot. The status and final URL are those of the document finally rendered, after
 * the page settled: a WAF's 412 that sets a cookie and reloads is recorded as `challengeStatus`.
 * The browser goes through a proxy of ours, which lets it reach only the addresses the reach rule
 * allows (`startReachProxy`); what it was refused is `refusedRequests`. Rejects when the page cannot be
 * opened at all.
 */
export async function renderHomepage(
  browser: Browser,
  url: string,
  options: RenderOptions = {},
): Promise<RenderedHomepage> {
  const { navigationTimeoutMs = 30_000, settleCapMs = 8_000, ignoreHttpsErrors = true, log } = options;
  requireWebUrl(url);
  const started = Date.now();
  const resolve = options.resolve ?? [];
  const rule = options.reach ?? (await siteReach(url, { resolve }));
  const proxy = await startReachProxy({ guard: reachGuard(rule), resolve, timeoutMs: LOOKUP_TIMEOUT_MS });
  const context = await browser
    .newContext({
      viewport: INSPECTION_VIEWPORT,
      screen: INSPECTION_VIEWPORT,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      userAgent: desktopUserAgent(browser.version()),
      ignoreHTTPSErrors: ignoreHttpsErrors,
      serviceWorkers: 'block',
      acceptDownloads: false,
      // Loopback too goes through the proxy (Playwright keeps Chromium from bypassing it for loopback).
      proxy: { server: proxy.url },
    })
    .catch(async (error: unknown) => {
      await proxy.close();
      throw error;
    });
  try {
    const page = await context.newPage();
    const documents = new DocumentResponses(page);
    const redirects = await PageRedirects.watch(page, url);
    const response = await navigateThrough(proxy, page, url, navigationTimeoutMs);
    const settle = await settlePage(page, settleCapMs);
    const rendered = documents.last ?? response;
    const status = rendered ? rendered.status() : null;
    const extracted = await extractPage(page, DEFAULT_LIMITS, EXTRACTION_TIMEOUT_MS);
    if (extracted.truncated) log?.warn({ url, limit: DEFAULT_LIMITS.elements }, 'element walk truncated');
    const headerArea = decideHeaderArea(extracted.topElements, INSPECTION_VIEWPORT.width);
    const headerScreenshot = await screenshotHeader(page, headerArea, log);
    const homepage: RenderedHomepage = {
      url,
      finalUrl: rendered?.url() ?? page.url(),
      status,
      title: extracted.title,
      viewport: { ...INSPECTION_VIEWPORT },
      headerArea,
      texts: extracted.texts.map((text) => locate(text, headerArea)),
      links: extracted.links.map((link) => locate(link, headerArea)),
      graphics: extracted.graphics.map((graphic) => locate(graphic, headerArea)),
      resources: extracted.resources,
      ...(extracted.hiddenLinks.length > 0 ? { hiddenLinks: extracted.hiddenLinks } : {}),
      settle,
      headerScreenshot,
    };
    const first = documents.first;
    if (first && first !== rendered && first.status() >= 400) homepage.challengeStatus = first.status();
    const challenge = rendered && (await challengeOf(page, rendered));
    if (challenge) homepage.challenge = challenge;
    const redirected = redirects.list(extracted.redirects);
    redirects.close();
    if (redirected.length > 0) homepage.redirects = redirected;
    const refused = proxy.refused();
    if (refused.length > 0) homepage.refusedRequests = refused;
    log?.debug(
      { url, ms: Date.now() - started, settle, texts: homepage.texts.length, links: homepage.links.length },
      'homepage rendered',
    );
    return homepage;
  } finally {
    await context
      .close()
      .catch((error: unknown) => log?.warn({ err: error }, 'closing browser context failed'));
    await proxy.close();
  }
}
