import { setTimeout as sleep } from 'node:timers/promises';
import type { SweepRecord } from '../../src/store/store.ts';

/** The calls the soak makes, as a province token. */
export interface SoakApi {
  /** Resolves once `GET /health` answers 200 (Redis and the store up). */
  healthy(timeoutMs: number): Promise<void>;
  putSites(sites: unknown[]): Promise<void>;
  /** Starts an ad-hoc sweep of every site; retried while the queue is unavailable (503). */
  startSweep(): Promise<string>;
  sweep(id: string): Promise<SweepRecord>;
  /** The sweep ids of a site's stored results, newest first. */
  resultSweeps(siteId: string): Promise<string[]>;
  /** A site's stored results, newest first, as much of each as the benches read. */
  results(siteId: string): Promise<ResultSummary[]>;
}

/** What the benches read of a stored result (`GET /sites/:id/results`): its sweep and its result's figures. */
export interface ResultSummary {
  sweepId: string;
  result: SiteResultFigures;
}

export interface SiteResultFigures {
  status: string;
  pagesCrawled: number;
  durationMs: number;
  /** Present when the crawl stopped at its page budget. */
  maxPagesReached?: number;
}

export function soakApi(origin: string, token: string): SoakApi {
  const call = async (method: string, path: string, body?: unknown) => {
    let response: Response;
    // The API allows a token 300 requests a minute: reading a province's results back waits its turn.
    for (let attempt = 1; ; attempt++) {
      response = await fetch(`${origin}/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(30_000),
      });
      if (response.status !== 429 || attempt >= 20) break;
      await response.arrayBuffer();
      await sleep(1_000 * (Number(response.headers.get('retry-after')) || 5));
    }
    const text = await response.text();
    if (!response.ok)
      throw Object.assign(new Error(`${method} ${path}: ${response.status} ${text}`), {
        status: response.status,
      });
    return JSON.parse(text) as Record<string, unknown>;
  };
  const results = async (siteId: string) => {
    const answer = await call('GET', `/sites/${encodeURIComponent(siteId)}/results?limit=1000`);
    return answer.results as ResultSummary[];
  };
  return {
    async healthy(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const status = await fetch(`${origin}/health`).then(
          (response) => response.status,
          () => 0,
        );
        if (status === 200) return;
        if (Date.now() > deadline) throw new Error(`${origin}/health not 200 within ${timeoutMs} ms`);
        await sleep(500);
      }
    },
    async putSites(sites) {
      await call('PUT', '/sites', { sites });
    },
    async startSweep() {
      for (let attempt = 1; ; attempt++) {
        try {
          return String((await call('POST', '/sweeps', { kind: 'adhoc' })).id);
        } catch (error) {
          if ((error as { status?: number }).status !== 503 || attempt >= 60) throw error;
          await sleep(1_000);
        }
      }
    },
    async sweep(id) {
      return (await call('GET', `/sweeps/${encodeURIComponent(id)}`)) as unknown as SweepRecord;
    },
    async resultSweeps(siteId) {
      return (await results(siteId)).map((result) => result.sweepId);
    },
    results,
  };
}
