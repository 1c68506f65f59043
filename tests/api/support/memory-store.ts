import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Site } from '../../../src/registry/site.ts';
import type { SiteResult } from '../../../src/results.ts';
import type {
  NewSweep,
  ResultsStore,
  StoredResult,
  SweepRecord,
  TokenRecord,
  TokenRole,
} from '../../../src/store/store.ts';
import { halfYearOf, quarterOf } from '../../../src/sweep/period.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * A ResultsStore held in memory, with the interface's documented semantics (idempotent record,
 * counters, newest-first), for API tests while the embedded store is being written.
 */
export function memoryStore(): ResultsStore {
  let sites: Site[] = [];
  const sweeps = new Map<string, SweepRecord>();
  const results: (StoredResult & { seq: number })[] = [];
  const tokens = new Map<string, TokenRecord>();
  let seq = 0;
  const copy = <T>(value: T): T => structuredClone(value);

  return {
    sites: {
      async replaceAll(next) {
        sites = copy([...next]);
      },
      async list() {
        return copy(sites);
      },
      async get(id) {
        return copy(sites.find((site) => site.id === id));
      },
    },
    sweeps: {
      async create(sweep: NewSweep) {
        const record: SweepRecord = {
          ...copy(sweep),
          state: 'queued',
          total: sweep.siteIds.length,
          done: 0,
          failed: 0,
          createdAt: new Date().toISOString(),
          startedAt: null,
          finishedAt: null,
          error: null,
        };
        sweeps.set(sweep.id, record);
        return copy(record);
      },
      async get(id) {
        return copy(sweeps.get(id));
      },
      async markRunning(id, at) {
        const sweep = sweeps.get(id);
        if (sweep?.state === 'queued')
          Object.assign(sweep, { state: 'running', startedAt: at.toISOString() });
      },
      async markFailed(id, error, at) {
        const sweep = sweeps.get(id);
        if (sweep) Object.assign(sweep, { state: 'failed', error, finishedAt: at.toISOString() });
      },
    },
    results: {
      async record(sweepId: string, result: SiteResult) {
        const sweep = sweeps.get(sweepId);
        if (!sweep) throw new Error(`unknown sweep ${sweepId}`);
        if (results.some((stored) => stored.sweepId === sweepId && stored.siteId === result.siteId))
          return false;
        const now = new Date(sweep.now);
        results.push({
          sweepId,
          siteId: result.siteId,
          quarter: quarterOf(now),
          halfYear: halfYearOf(now),
          result: copy(result),
          storedAt: new Date().toISOString(),
          seq: seq++,
        });
        sweep.done += 1;
        if (result.status === 'error') sweep.failed += 1;
        if (sweep.done === sweep.total)
          Object.assign(sweep, { state: 'done', finishedAt: new Date().toISOString() });
        return true;
      },
      async latestInPeriod(period) {
        const latest = new Map<string, StoredResult & { seq: number }>();
        for (const stored of results) {
          if (stored.quarter !== period && stored.halfYear !== period) continue;
          const known = latest.get(stored.siteId);
          if (!known || known.seq < stored.seq) latest.set(stored.siteId, stored);
        }
        return [...latest.values()].map(({ seq: _, ...stored }) => copy(stored));
      },
      async forSite(siteId, limit = Number.POSITIVE_INFINITY) {
        return results
          .filter((stored) => stored.siteId === siteId)
          .sort((a, b) => b.seq - a.seq)
          .slice(0, limit)
          .map(({ seq: _, ...stored }) => copy(stored));
      },
    },
    tokens: {
      async create(input: { role: TokenRole; region: string | null; name: string | null }) {
        const token = randomBytes(32).toString('base64url');
        const record: TokenRecord = { id: randomUUID(), ...input, createdAt: new Date().toISOString() };
        tokens.set(sha256(token), record);
        return { token, record: copy(record) };
      },
      async verify(token) {
        return copy(tokens.get(sha256(token)));
      },
    },
    async close() {},
  };
}
