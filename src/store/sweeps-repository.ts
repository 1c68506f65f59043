import type { Database, Queryable } from './database.ts';
import type { SweepKind, SweepRecord, SweepState, SweepsRepository } from './store.ts';
import { isoTimestamp, isoTimestampOrNull } from './timestamps.ts';

export interface SweepRow {
  id: string;
  kind: SweepKind;
  period: string;
  state: SweepState;
  total: number;
  done: number;
  failed: number;
  site_ids: string[];
  now: Date;
  region: string | null;
  requested_by: string;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  error: string | null;
}

export class UnknownSweepError extends Error {
  override readonly name = 'UnknownSweepError';
  constructor(readonly sweepId: string) {
    super(`No sweep ${sweepId} in the store: was it created with sweeps.create?`);
  }
}

export function sweepsRepository(db: Database): SweepsRepository {
  return {
    async create(sweep) {
      const [row] = await db.query<SweepRow>(
        `INSERT INTO sweeps (id, kind, period, total, site_ids, now, region, requested_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
        [
          sweep.id,
          sweep.kind,
          sweep.period,
          sweep.siteIds.length,
          sweep.siteIds,
          sweep.now,
          sweep.region,
          sweep.requestedBy,
        ],
      );
      return toSweepRecord(row!);
    },
    async get(id) {
      const [row] = await db.query<SweepRow>('SELECT * FROM sweeps WHERE id = $1', [id]);
      return row && toSweepRecord(row);
    },
    async latest(limit) {
      const rows = await db.query<SweepRow>(
        'SELECT * FROM sweeps ORDER BY created_at DESC, id COLLATE "C" DESC LIMIT $1',
        [limit],
      );
      return rows.map(toSweepRecord);
    },
    async markRunning(id, at) {
      // Only a queued sweep starts; a running, done or failed one is left as it is.
      const updated = await db.query(
        `UPDATE sweeps SET state = 'running', started_at = COALESCE(started_at, $2)
         WHERE id = $1 AND state = 'queued' RETURNING id`,
        [id, at.toISOString()],
      );
      if (updated.length === 0) await mustExist(db, id);
    },
    async markFailed(id, error, at) {
      // A sweep that already completed keeps its results and its `done` state.
      const updated = await db.query(
        `UPDATE sweeps SET state = 'failed', error = $2, finished_at = $3
         WHERE id = $1 AND state IN ('queued', 'running') RETURNING id`,
        [id, error, at.toISOString()],
      );
      if (updated.length === 0) await mustExist(db, id);
    },
  };
}

async function mustExist(db: Queryable, id: string): Promise<void> {
  const rows = await db.query('SELECT 1 FROM sweeps WHERE id = $1', [id]);
  if (rows.length === 0) throw new UnknownSweepError(id);
}

export function toSweepRecord(row: SweepRow): SweepRecord {
  return {
    id: row.id,
    kind: row.kind,
    period: row.period,
    state: row.state,
    total: row.total,
    done: row.done,
    failed: row.failed,
    siteIds: row.site_ids,
    now: isoTimestamp(row.now),
    region: row.region,
    requestedBy: row.requested_by,
    createdAt: isoTimestamp(row.created_at),
    startedAt: isoTimestampOrNull(row.started_at),
    finishedAt: isoTimestampOrNull(row.finished_at),
    error: row.error,
  };
}
