import {
  type AddRequestsBatchedResult,
  type IRequestManager,
  Request,
  type RequestQueueOperationInfo,
  type RequestQueueOperationOptions,
  type RequestsLike,
  type Source,
} from '@crawlee/cheerio';

/**
 * The crawl's request queue: Crawlee's request-manager interface over an in-process FIFO, for one site
 * crawl that never outlives its process. Crawlee's own in-memory queue writes each request as JSON and
 * reads it back at every fetch, and keeps million-slot caches per queue: on a 10,000-page crawl that
 * bookkeeping took more CPU than reading the pages. Crawlee still drives the crawl (concurrency,
 * retries, timeouts, the request lifecycle); this only holds the requests. First in, first out
 * (breadth-first, as the frontier queues); a reclaimed request (a retry) goes to the back, or the
 * front when asked.
 */
export class CrawlQueue implements IRequestManager {
  private pending: (Request | undefined)[] = [];
  private head = 0;
  private readonly known = new Set<string>();
  private inProgress = 0;
  private handled = 0;

  async isFinished(): Promise<boolean> {
    return this.waiting() === 0 && this.inProgress === 0;
  }

  async isEmpty(): Promise<boolean> {
    return this.waiting() === 0;
  }

  async handledCount(): Promise<number> {
    return this.handled;
  }

  getTotalCount(): number {
    return this.known.size;
  }

  getPendingCount(): number {
    return this.waiting() + this.inProgress;
  }

  async fetchNextRequest<
    T extends Record<string, unknown> = Record<string, unknown>,
  >(): Promise<Request<T> | null> {
    if (this.head >= this.pending.length) return null;
    const request = this.pending[this.head];
    this.pending[this.head++] = undefined;
    // Drops the spent head now and then, so that a long crawl's array does not only grow.
    if (this.head > 1024 && this.head * 2 > this.pending.length) {
      this.pending = this.pending.slice(this.head);
      this.head = 0;
    }
    this.inProgress++;
    return (request as Request<T> | undefined) ?? null;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Request> {
    for (;;) {
      const request = await this.fetchNextRequest();
      if (!request) return;
      yield request;
    }
  }

  async markRequestHandled(request: Request): Promise<RequestQueueOperationInfo> {
    this.inProgress--;
    this.handled++;
    request.handledAt ??= new Date().toISOString();
    return this.info(request, true);
  }

  async reclaimRequest(
    request: Request,
    options?: RequestQueueOperationOptions,
  ): Promise<RequestQueueOperationInfo> {
    this.inProgress--;
    this.enqueue(request, options?.forefront === true);
    return this.info(request, true, options);
  }

  async addRequest(
    source: Source,
    options?: RequestQueueOperationOptions,
  ): Promise<RequestQueueOperationInfo> {
    if (!(source instanceof Request) && typeof source.url !== 'string') {
      throw new TypeError('A crawl request needs a URL');
    }
    const request =
      source instanceof Request ? source : new Request({ ...source, url: source.url as string });
    if (this.known.has(request.uniqueKey)) {
      return this.info(request, true, options);
    }
    this.known.add(request.uniqueKey);
    request.id ??= String(this.known.size);
    this.enqueue(request, options?.forefront === true);
    return this.info(request, false, options);
  }

  async addRequestsBatched(
    requests: RequestsLike,
    options?: RequestQueueOperationOptions,
  ): Promise<AddRequestsBatchedResult> {
    const added = [];
    for await (const item of requests) {
      added.push(await this.addRequest(typeof item === 'string' ? { url: item } : item, options));
    }
    return { addedRequests: added, waitForAllRequestsToBeAdded: Promise.resolve([]) };
  }

  private waiting(): number {
    return this.pending.length - this.head;
  }

  private enqueue(request: Request, forefront: boolean): void {
    if (!forefront) this.pending.push(request);
    else if (this.head > 0) this.pending[--this.head] = request;
    else this.pending.unshift(request);
  }

  /** Whether a request already present was handled is not kept: the frontier never asks. */
  private info(
    request: Request,
    wasAlreadyPresent: boolean,
    options?: RequestQueueOperationOptions,
  ): RequestQueueOperationInfo {
    return {
      wasAlreadyPresent,
      wasAlreadyHandled: false,
      requestId: request.id ?? request.uniqueKey,
      uniqueKey: request.uniqueKey,
      forefront: options?.forefront === true,
    };
  }
}
