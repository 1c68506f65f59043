import { gunzipSync } from 'node:zlib';
import { parseSitemap, RobotsTxtFile } from '@crawlee/utils';
import { followRedirects } from '../link-status/follow.ts';
import { HostPoliteness } from '../link-status/politeness.ts';
import { resolveLinkCheckSettings } from '../link-status/settings.ts';
import { LenientTlsAgent } from '../link-status/tls-agent.ts';
import type { ReachRule } from '../reach/reach-rule.ts';
import { isSameSite, normalizeUrl } from '../url.ts';
import type { CrawlSettings } from './settings.ts';

/** A sitemap file is read up to this size (the protocol's limit is 50 MiB uncompressed)… */
const MAX_SITEMAP_BYTES = 50 * 1024 * 1024;
/** …and at most this many files, an index and the sitemaps it names. */
const MAX_SITEMAP_FILES = 20;

export interface SitemapOptions {
  settings: CrawlSettings;
  reach: ReachRule;
  /** At most this many URLs. */
  limit: number;
  signal?: AbortSignal;
}

/**
 * The site's own page URLs its sitemaps list: those robots.txt names on `Sitemap:` lines, else
 * /sitemap.xml; a sitemap index's sitemaps are followed (one level, 20 files in all), gzipped ones
 * unpacked, plain-text ones read a URL a line. Parsed by Crawlee, fetched as the crawl fetches (its
 * timeouts, User-Agent, `--resolve` entries and reach rule). A site without sitemaps gives none;
 * nothing here fails the crawl.
 */
export async function sitemapUrls(homepage: string, options: SitemapOptions): Promise<string[]> {
  const { connectTimeoutMs, responseTimeoutMs, totalTimeoutMs, userAgent, resolve } = options.settings;
  const settings = resolveLinkCheckSettings({
    connectTimeoutMs,
    responseTimeoutMs,
    totalTimeoutMs,
    userAgent,
    resolve,
    reach: options.reach,
  });
  const context = {
    agent: new LenientTlsAgent(settings),
    politeness: new HostPoliteness({ concurrency: 2, perHostConcurrency: 2 }),
    settings,
    ...(options.signal ? { signal: options.signal } : {}),
  };
  const get = async (url: string): Promise<Buffer | undefined> => {
    const chain = await followRedirects(
      url,
      'GET',
      (status) => (status === 200 ? MAX_SITEMAP_BYTES : 0),
      context,
    );
    return chain.end.ok && chain.end.status === 200 && chain.end.body
      ? Buffer.from(chain.end.body)
      : undefined;
  };
  try {
    const origin = new URL(homepage).origin;
    const robotsUrl = `${origin}/robots.txt`;
    const robots = await get(robotsUrl);
    // Every host's, filtered here: Crawlee's own filter warns on its console of each one it drops.
    const named = robots
      ? RobotsTxtFile.from(robotsUrl, robots.toString('utf8'))
          .getSitemaps({ enqueueStrategy: 'all' })
          .filter((url) => isSameSite(url, homepage))
      : [];
    const queue = named.length > 0 ? named : [`${origin}/sitemap.xml`];
    const seen = new Set<string>();
    const urls = new Set<string>();
    while (queue.length > 0 && seen.size < MAX_SITEMAP_FILES && urls.size < options.limit) {
      const file = queue.shift()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const body = await get(file);
      if (!body) continue;
      for (const entry of await entriesOf(unpacked(body))) {
        if (entry.sitemap) {
          if (isSameSite(entry.loc, homepage)) queue.push(entry.loc);
          continue;
        }
        const url = normalizeUrl(entry.loc);
        if (url && isSameSite(url, homepage)) urls.add(url);
        if (urls.size >= options.limit) break;
      }
    }
    return [...urls];
  } finally {
    await context.agent.close();
  }
}

function unpacked(body: Buffer): string {
  const gzip = body[0] === 0x1f && body[1] === 0x8b;
  return (gzip ? gunzipSync(body, { maxOutputLength: MAX_SITEMAP_BYTES }) : body).toString('utf8');
}

/** A sitemap's entries: XML (urlset or sitemapindex) by Crawlee's parser, else a URL a line. */
async function entriesOf(text: string): Promise<{ loc: string; sitemap: boolean }[]> {
  if (!text.trimStart().startsWith('<')) {
    return text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => /^https?:\/\//i.test(line))
      .map((loc) => ({ loc, sitemap: false }));
  }
  const entries: { loc: string; sitemap: boolean }[] = [];
  // Depth 0: a sitemap index's sitemaps are handed back, to be fetched here, never by Crawlee itself.
  for await (const item of parseSitemap([{ type: 'raw', content: text }], undefined, {
    emitNestedSitemaps: true,
    maxDepth: 0,
  })) {
    entries.push({ loc: item.loc, sitemap: item.originSitemapUrl === null });
  }
  return entries;
}
