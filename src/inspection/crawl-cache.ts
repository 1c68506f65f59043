import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';
import type { CrawledPage } from '../../crawlers/artifacts.ts';
import { isRevalidatable, type PreviousPages } from '../../crawlers/site-crawl/revalidation.ts';
import type { Logger } from '../log.ts';

/**
 * What a site's pages held at its last sweep, for the next sweep to ask conditionally (issue 13):
 * the facts of each page that can be revalidated, with its `ETag` and `Last-Modified`.
 */
export interface CrawlCache {
  /** The pages of the site's last sweep from `homepage`; empty when there is none to trust. */
  load(siteId: string, homepage: string): Promise<PreviousPages>;
  /** Keeps this sweep's revalidatable pages in place of the last sweep's. */
  save(siteId: string, homepage: string, pages: readonly CrawledPage[]): Promise<void>;
}

const FORMAT = 'gov-inspector-crawl-cache';
/**
 * Bumped whenever what the crawl reads of a page changes (a new field of `CrawledPage`, a reader that
 * reads differently): facts read by older code must not stand for a page at the next sweep.
 */
export const PAGE_FACTS_VERSION = 1;

interface CacheHeader {
  format: typeof FORMAT;
  version: number;
  homepage: string;
  savedAt: string;
  pages: number;
}

/**
 * One gzipped file of JSON lines per site under `dir` (the service's `${ARTIFACT_DIR}/crawl-cache`),
 * a header line first. A file that is missing, damaged, of another version or of another homepage is
 * no cache: the sweep asks for every page afresh. A file is replaced only once the new one is written.
 */
export function fileCrawlCache(dir: string, log: Logger): CrawlCache {
  const pathOf = (siteId: string) => join(dir, `${encodeURIComponent(siteId)}.jsonl.gz`);
  // A digest of each site's file as loaded (its pages' URLs and validators): a sweep that found every
  // page unchanged leaves the file as it is.
  const loaded = new Map<string, string>();
  return {
    async load(siteId, homepage) {
      const path = pathOf(siteId);
      try {
        const pages = await readCache(path, homepage);
        loaded.set(siteId, validatorsDigest([...pages.values()]));
        return pages;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT')
          log.warn({ siteId, path, err: String(error) }, 'crawl cache unreadable, ignored');
        return new Map();
      }
    },
    async save(siteId, homepage, pages) {
      const kept = pages.filter(isRevalidatable);
      const before = loaded.get(siteId);
      loaded.delete(siteId);
      if (kept.every((page) => page.revalidated) && before === validatorsDigest(kept)) return;
      const path = pathOf(siteId);
      const partial = `${path}.${process.pid}.${randomUUID()}.partial`;
      await mkdir(dir, { recursive: true });
      const header: CacheHeader = {
        format: FORMAT,
        version: PAGE_FACTS_VERSION,
        homepage,
        savedAt: new Date().toISOString(),
        pages: kept.length,
      };
      try {
        await pipeline(
          Readable.from(lines(header, kept)),
          createGzip({ level: 1 }),
          createWriteStream(partial),
        );
        await rename(partial, path);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
    },
  };
}

/** What a file of these pages asks with: their URLs and validators, in any order. */
function validatorsDigest(pages: readonly CrawledPage[]): string {
  const hash = createHash('sha256');
  const rows = pages.map((page) =>
    JSON.stringify([page.url, page.validators?.etag, page.validators?.lastModified]),
  );
  for (const row of rows.sort()) hash.update(row).update('\n');
  return hash.digest('hex');
}

function* lines(header: CacheHeader, pages: readonly CrawledPage[]): Generator<string> {
  yield `${JSON.stringify(header)}\n`;
  for (const page of pages) yield `${JSON.stringify(page)}\n`;
}

async function readCache(path: string, homepage: string): Promise<PreviousPages> {
  const file = await open(path);
  const gunzip = createGunzip();
  const piping = pipeline(file.createReadStream(), gunzip);
  const decoder = new StringDecoder('utf8');
  const pages = new Map<string, CrawledPage>();
  let header: CacheHeader | undefined;
  let rest = '';
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      rest += decoder.write(chunk);
      let end = rest.indexOf('\n');
      while (end >= 0) {
        const line = rest.slice(0, end);
        rest = rest.slice(end + 1);
        end = rest.indexOf('\n');
        if (header) {
          const page = JSON.parse(line) as CrawledPage;
          if (typeof page.url !== 'string' || !isRevalidatable(page)) throw new Error('not a crawled page');
          pages.set(page.url, page);
          continue;
        }
        header = JSON.parse(line) as CacheHeader;
        const usable =
          header.format === FORMAT && header.version === PAGE_FACTS_VERSION && header.homepage === homepage;
        if (!usable) return new Map();
      }
    }
    await piping;
  } finally {
    gunzip.destroy();
    await piping.catch(() => undefined);
  }
  if (!header || rest !== '' || pages.size !== header.pages) {
    throw new Error(`truncated: ${pages.size} of ${header?.pages ?? '?'} pages`);
  }
  return pages;
}
