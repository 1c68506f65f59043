import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LinkStatus } from '../../../crawlers/artifacts.ts';
import { LinkStatusCache } from '../../../crawlers/link-status/cache.ts';
import { checkLinks } from '../../../crawlers/link-status/check-links.ts';
import { HostPoliteness } from '../../../crawlers/link-status/politeness.ts';
import { MADE_UP_NAME } from '../../../crawlers/soft-404/made-up-url.ts';
import { type RunningServer, startServer } from '../../support/http-server.ts';
import { FAST, occurrence } from './support.ts';

let server: RunningServer;
const hits = new Map<string, number>();
let inFlight = 0;
let peakInFlight = 0;

function route(req: IncomingMessage, res: ServerResponse) {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  // The made-up missing page each check asks the host for is counted apart.
  if (!MADE_UP_NAME.test(path.slice(1))) hits.set(path, (hits.get(path) ?? 0) + 1);
  peakInFlight = Math.max(peakInFlight, ++inFlight);
  setTimeout(() => {
    inFlight--;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<title>正常</title>');
  }, 60);
}

beforeAll(async () => {
  server = await startServer(route);
});
beforeEach(() => {
  hits.clear();
  peakInFlight = 0;
});
afterAll(() => server.close());

const url = (path: string) => `${server.origin}${path}`;

describe('checkLinks: once per target, politely', () => {
  it('checks a target linked three times once, and keeps every occurrence', async () => {
    const target = url('/shared.html');
    const occurrences = ['/a', '/b', '/c'].map((page) => occurrence(target, url(page)));
    const result = await checkLinks({ occurrences, settings: FAST });
    expect(hits.get('/shared.html')).toBe(1);
    expect(result.occurrences).toHaveLength(3);
    expect(Object.keys(result.statuses)).toEqual([target]);
  });

  it('two concurrent checks sharing a cache fetch a common target once', async () => {
    const cache = new LinkStatusCache();
    const common = url('/common.html');
    const [siteA, siteB] = await Promise.all([
      checkLinks({
        occurrences: [occurrence(common), occurrence(url('/only-a.html'))],
        cache,
        settings: FAST,
      }),
      checkLinks({
        occurrences: [occurrence(common), occurrence(url('/only-b.html'))],
        cache,
        settings: FAST,
      }),
    ]);
    expect(hits.get('/common.html')).toBe(1);
    expect(siteA.statuses[common]).toEqual(siteB.statuses[common]);
    expect(siteA.statuses[common]?.verdict).toBe('ok');
    expect(Object.keys(siteB.statuses)).toEqual([common, url('/only-b.html')]);
  });

  it('never has more requests in flight to a host than the politeness allows', async () => {
    const politeness = new HostPoliteness({ perHostConcurrency: 2 });
    const occurrences = Array.from({ length: 12 }, (_, i) => occurrence(url(`/p${i}.html`)));
    const half = occurrences.length / 2;
    await Promise.all([
      checkLinks({ occurrences: occurrences.slice(0, half), politeness, settings: FAST }),
      checkLinks({ occurrences: occurrences.slice(half), politeness, settings: FAST }),
    ]);
    expect(hits.size).toBe(12);
    expect(peakInFlight).toBe(2);
  });

  it('uses perHostConcurrency from the settings when no politeness is given', async () => {
    const occurrences = Array.from({ length: 10 }, (_, i) => occurrence(url(`/q${i}.html`)));
    await checkLinks({ occurrences, settings: { ...FAST, perHostConcurrency: 3 } });
    expect(peakInFlight).toBe(3);
  });

  it('reuses known statuses without fetching them, and returns them', async () => {
    const crawled = url('/crawled.html');
    const known: LinkStatus = {
      url: crawled,
      status: 200,
      verdict: 'ok',
      redirects: [],
      method: 'crawl',
      attempts: 1,
      durationMs: 0,
    };
    const result = await checkLinks({
      occurrences: [occurrence(crawled), occurrence(url('/fresh.html'))],
      known: new Map([[crawled, known]]),
      settings: FAST,
    });
    expect(hits.has('/crawled.html')).toBe(false);
    expect(hits.get('/fresh.html')).toBe(1);
    expect(result.statuses[crawled]).toBe(known);
  });

  it('rejects a target that is not an absolute http(s) URL', async () => {
    await expect(checkLinks({ occurrences: [occurrence('mailto:a@b.gov.cn')] })).rejects.toThrow(
      /mailto:a@b/,
    );
    await expect(checkLinks({ occurrences: [occurrence('/relative')] })).rejects.toThrow(/absolute URL/);
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = checkLinks({
      occurrences: [occurrence(url('/aborted.html'))],
      settings: FAST,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(new Error('sweep cancelled')), 20);
    await expect(pending).rejects.toThrow('sweep cancelled');
  });
});
