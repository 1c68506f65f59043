import { describe, expect, it } from 'vitest';
import { CrawlQueue } from '../../../crawlers/site-crawl/crawl-queue.ts';

const url = (n: number) => `https://www.example.gov.cn/${n}.html`;

describe('CrawlQueue: the crawl’s requests first in, first out, each URL once', () => {
  it('hands requests out in the order added, each unique key once', async () => {
    const queue = new CrawlQueue();
    for (const n of [1, 2, 1, 3])
      await queue.addRequest({ url: url(n), uniqueKey: url(n), userData: { depth: n } });
    expect(queue.getTotalCount()).toBe(3);
    const got = [];
    for (let request = await queue.fetchNextRequest(); request; request = await queue.fetchNextRequest()) {
      got.push(request.url);
      await queue.markRequestHandled(request);
    }
    expect(got).toEqual([url(1), url(2), url(3)]);
    expect(await queue.handledCount()).toBe(3);
    expect(await queue.isFinished()).toBe(true);
  });

  it('says a duplicate was present, and is not finished while a request is out', async () => {
    const queue = new CrawlQueue();
    expect((await queue.addRequest({ url: url(1) })).wasAlreadyPresent).toBe(false);
    expect((await queue.addRequest({ url: url(1) })).wasAlreadyPresent).toBe(true);
    const request = await queue.fetchNextRequest();
    expect(await queue.isEmpty()).toBe(true);
    expect(await queue.isFinished()).toBe(false);
    expect(queue.getPendingCount()).toBe(1);
    await queue.markRequestHandled(request!);
    expect(await queue.isFinished()).toBe(true);
  });

  it('puts a reclaimed request (a retry) at the back, or at the front when asked', async () => {
    const queue = new CrawlQueue();
    for (const n of [1, 2, 3]) await queue.addRequest({ url: url(n) });
    const first = await queue.fetchNextRequest();
    await queue.reclaimRequest(first!);
    const second = await queue.fetchNextRequest();
    await queue.reclaimRequest(second!, { forefront: true });
    const order = [];
    for (let request = await queue.fetchNextRequest(); request; request = await queue.fetchNextRequest())
      order.push(request.url);
    expect(order).toEqual([url(2), url(3), url(1)]);
  });

  it('keeps its order over thousands of requests while it drops the spent ones', async () => {
    const queue = new CrawlQueue();
    const got: string[] = [];
    for (let n = 0; n < 5000; n++) {
      await queue.addRequest({ url: url(n) });
      if (n % 2 === 1) got.push((await queue.fetchNextRequest())!.url);
    }
    await queue.addRequestsBatched([url(5000), { url: url(5001) }]);
    for (let request = await queue.fetchNextRequest(); request; request = await queue.fetchNextRequest())
      got.push(request.url);
    expect(got).toEqual(Array.from({ length: 5002 }, (_, n) => url(n)));
  });
});
