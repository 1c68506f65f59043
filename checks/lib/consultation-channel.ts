import type { CrawledPage, RenderedHomepage, SiteCrawl } from '../../crawlers/artifacts.ts';
import { pageKey } from './pages.ts';

/** Words of a link's label that name a consultation channel (网上有效咨询建言渠道). */
export const CHANNEL_WORDS = [
  '咨询',
  '留言',
  '信箱',
  '问政',
  '民意征集',
  '意见征集',
  '建言',
  '互动交流',
  '政民互动',
] as const;
const CHANNEL = new RegExp(CHANNEL_WORDS.join('|'));
/** Channels the national indicators except: 网上信访 and 纪检举报 (and a 信访 or 举报 box of any name). */
const EXCEPTED = /信访|举报|纪检|纪委|监委/;
/** A label longer than this is a sentence (an article's title), not the name of a channel. */
const MAX_LABEL_CHARS = 16;

export interface Channel {
  /** Where the link leads. */
  url: string;
  label: string;
  /** The page that links it. */
  on: string;
}

/**
 * Whether a link's label names a consultation channel ('channel'), a channel the indicators except
 * ('excepted': 网上信访, 纪检举报, 信访信箱), or neither (null).
 */
export function channelKind(label: string): 'channel' | 'excepted' | null {
  const words = label.replace(/\s/g, '');
  if (words === '' || words.length > MAX_LABEL_CHARS) return null;
  if (EXCEPTED.test(words)) return 'excepted';
  return CHANNEL.test(words) ? 'channel' : null;
}

/** A 网上信访 or 举报 page: what it links names no channel, and the letters it lists are no consultation. */
export function isPetitionPage(page: Pick<CrawledPage, 'title' | 'headings'>): boolean {
  const title = page.title.split(/[_|-]/)[0] ?? '';
  return EXCEPTED.test(title) || page.headings.slice(0, 1).some((heading) => EXCEPTED.test(heading));
}

/**
 * The site's consultation channels: links on the rendered homepage and on the crawled pages that
 * answered (a 信访 or 举报 page's own links left out) whose label names one, each target once; and the
 * excepted ones (网上信访, 纪检举报) found the same way, for evidence.
 */
export function consultationChannels(
  home: RenderedHomepage,
  crawl: SiteCrawl,
): { channels: Channel[]; excepted: Channel[] } {
  const found = { channel: new Map<string, Channel>(), excepted: new Map<string, Channel>() };
  const add = (href: string, label: string, on: string) => {
    const kind = channelKind(label);
    const key = kind && pageKey(href);
    if (!kind || !key || found[kind].has(key)) return;
    found[kind].set(key, { url: href, label: label.trim(), on });
  };
  for (const link of home.links) {
    add(link.href, link.text || link.title || link.ariaLabel || '', home.finalUrl);
  }
  for (const page of crawl.pages) {
    if (page.status === null || page.status >= 400 || page.challenge || isPetitionPage(page)) continue;
    for (const link of page.links) if (link.kind === 'anchor') add(link.url, link.text, page.finalUrl);
  }
  return { channels: [...found.channel.values()], excepted: [...found.excepted.values()] };
}
