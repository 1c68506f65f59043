import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrawledPage } from '../../crawlers/artifacts.ts';
import { type CrawlCache, fileCrawlCache } from '../../src/inspection/crawl-cache.ts';

const HOMEPAGE = 'https://www.example.gov.cn/';

const page = (path: string, extra: Partial<CrawledPage> = {}): CrawledPage => ({
  url: `${HOMEPAGE.slice(0, -1)}${path}`,
  finalUrl: `${HOMEPAGE.slice(0, -1)}${path}`,
  status: 200,
  contentType: 'text/html; charset=utf-8',
  charset: 'utf-8',
  title: `标题 ${path}`,
  headings: [],
  text: '正文',
  links: [{ url: `${HOMEPAGE}a.html`, kind: 'anchor', text: '链接' }],
  forms: [],
  depth: 1,
  validators: { etag: `"${path}"` },
  ...extra,
});

describe('fileCrawlCache: one gzipped file of the pages a site’s next sweep may revalidate', () => {
  let dir: string;
  let cache: CrawlCache;
  const warnings: unknown[] = [];
  const log = pino({ level: 'warn' }, { write: (line: string) => warnings.push(JSON.parse(line)) });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'crawl-cache-'));
    cache = fileCrawlCache(join(dir, 'crawl-cache'), log);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps the 2xx HTML pages with validators, and nothing a next sweep must ask for afresh', async () => {
    const kept = [
      page('/'),
      page('/b.html', { validators: { lastModified: 'Wed, 18 Nov 2026 02:00:00 GMT' } }),
    ];
    const left = [
      page('/no-validators.html', { validators: undefined }),
      page('/404.html', { status: 404 }),
      page('/soft.html', {
        softNotFound: { evidence: '标题：页面不存在', by: 'wording' },
      }),
      page('/waf.html', { challenge: { vendor: 'waf-412', status: 200, evidence: '安全验证' } }),
      page('/timeout.html', { status: null, error: 'TIMEOUT' }),
      page('/file.pdf', { charset: undefined, contentType: 'application/pdf' }),
    ];
    await cache.save('cd-portal', HOMEPAGE, [...kept, ...left]);
    const loaded = await cache.load('cd-portal', HOMEPAGE);
    expect([...loaded.keys()]).toEqual(kept.map((p) => p.url));
    expect(loaded.get(kept[1]!.url)).toEqual(kept[1]);
    expect(await readdir(join(dir, 'crawl-cache'))).toEqual(['cd-portal.jsonl.gz']);
  });

  it('is empty for a site never saved, or saved from another homepage', async () => {
    expect((await cache.load('never', HOMEPAGE)).size).toBe(0);
    expect((await cache.load('cd-portal', 'https://new.example.gov.cn/')).size).toBe(0);
    expect(warnings).toHaveLength(0);
  });

  it('ignores, with a warning, a damaged file, a truncated one and one of another version', async () => {
    const file = join(dir, 'crawl-cache', 'cd-portal.jsonl.gz');
    const good = gunzipSync(await readFile(file)).toString('utf8');
    const [header, ...rows] = good.trimEnd().split('\n');
    const cases: [string, Buffer][] = [
      ['not gzip', Buffer.from('garbage')],
      ['a bad line', gzipSync(`${header}\n{"url":\n`)],
      ['a page short', gzipSync(`${header}\n${rows[0]}\n`)],
      ['another version', gzipSync(`${header!.replace('"version":1', '"version":0')}\n${rows.join('\n')}\n`)],
    ];
    for (const [name, bytes] of cases) {
      await writeFile(file, bytes);
      expect((await cache.load('cd-portal', HOMEPAGE)).size, name).toBe(0);
    }
    expect(warnings.length).toBe(3);
  });

  it('keeps a site id safe as a file name', async () => {
    await cache.save('../escape', HOMEPAGE, [page('/')]);
    expect((await readdir(join(dir, 'crawl-cache'))).sort()).toEqual([
      '..%2Fescape.jsonl.gz',
      'cd-portal.jsonl.gz',
    ]);
    expect((await cache.load('../escape', HOMEPAGE)).size).toBe(1);
  });

  it('leaves the file as it is after a sweep that found every page unchanged, and rewrites it otherwise', async () => {
    const pages = [page('/'), page('/b.html')];
    await cache.save('jy-county', HOMEPAGE, pages);
    const file = join(dir, 'crawl-cache', 'jy-county.jsonl.gz');
    const inode = async () => (await stat(file)).ino;
    const written = await inode();
    const again = async (changed: Partial<CrawledPage>) => {
      const previous = await cache.load('jy-county', HOMEPAGE);
      const revalidated = [...previous.values()].map((p) => ({ ...p, revalidated: true as const }));
      await cache.save('jy-county', HOMEPAGE, [{ ...revalidated[0]!, ...changed }, revalidated[1]!]);
    };
    await again({});
    expect(await inode()).toBe(written);
    await again({ validators: { etag: '"new"' } });
    expect(await inode()).not.toBe(written);
    expect((await cache.load('jy-county', HOMEPAGE)).get(pages[0]!.url)?.validators).toEqual({
      etag: '"new"',
    });
  });
});
