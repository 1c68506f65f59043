import type { AdjudicationCounts } from '../adjudication/types.ts';
import type { Database } from './database.ts';
import { isoTimestamp } from './timestamps.ts';

export type NoticeKind = 'quarterly' | 'semiannual';

/** Which notice: its kind, period and region (a 6-digit division code; null for the whole province). */
export interface NoticeScope {
  kind: NoticeKind;
  period: string;
  region: string | null;
}

/** A finalised version (定稿) as listed. */
export interface NoticeVersion extends NoticeScope {
  version: number;
  finalisedAt: string;
  /** The token's name that finalised it. */
  finalisedBy: string;
  /** sha256 (hex) of `content`. */
  contentHash: string;
  /** Its findings reviewed (复核), appealed (申诉), struck off (核减). */
  counts: AdjudicationCounts;
}

/** The formats a version is served in from its finalisation on. */
export interface NoticeFiles {
  /** The notice's model as JSON: the text hashed. */
  content: string;
  contentHash: string;
  html: string;
  csv: string;
  xlsx: Buffer;
}

export type StoredNotice = NoticeVersion & NoticeFiles;

export interface FinaliseRequest extends NoticeScope {
  /** sha256 of the notice's content without its dates: equal to the last version's means nothing changed. */
  substanceHash: string;
  counts: AdjudicationCounts;
  by: string;
  at: Date;
  /** The files of the new version, given its number (shown in it). */
  render(version: number): Promise<NoticeFiles>;
}

/**
 * Finalised period notices, append-only: a version once stored is served unchanged (a trigger refuses
 * updates and deletes).
 */
export interface NoticesRepository {
  /**
   * Stores the next version, in one transaction under a lock per notice; when its substance equals the
   * last version's, that version is answered instead (`created: false`) and nothing is written.
   */
  finalise(request: FinaliseRequest): Promise<{ version: NoticeVersion; created: boolean }>;
  /** The versions of a notice, oldest first. */
  versions(scope: NoticeScope): Promise<NoticeVersion[]>;
  get(scope: NoticeScope, version: number): Promise<StoredNotice | undefined>;
}

/** One notice is finalised at a time (with the migrations' lock as first key). */
const NOTICE_LOCK = 7_202_605;
const LISTED = 'kind, period, scope, version, finalised_at, finalised_by, content_hash, counts';

interface VersionRow {
  kind: NoticeKind;
  period: string;
  scope: string;
  version: number;
  finalised_at: Date;
  finalised_by: string;
  content_hash: string;
  counts: AdjudicationCounts | string;
}

interface NoticeRow extends VersionRow {
  content: string;
  html: string;
  csv: Uint8Array;
  xlsx: Uint8Array;
}

export function noticesRepository(db: Database): NoticesRepository {
  return {
    finalise(request) {
      return db.transaction(async (tx) => {
        const key = scopeKey(request);
        await tx.query(`SELECT pg_advisory_xact_lock(${NOTICE_LOCK}, hashtext($1))`, [key.join('/')]);
        const [last] = await tx.query<VersionRow & { substance_hash: string }>(
          `SELECT ${LISTED}, substance_hash FROM notice_versions
           WHERE kind = $1 AND period = $2 AND scope = $3 ORDER BY version DESC LIMIT 1`,
          key,
        );
        if (last && last.substance_hash === request.substanceHash) {
          return { version: toVersion(last), created: false };
        }
        const version = (last?.version ?? 0) + 1;
        const files = await request.render(version);
        const [row] = await tx.query<VersionRow>(
          `INSERT INTO notice_versions (kind, period, scope, version, finalised_at, finalised_by, content,
             content_hash, substance_hash, counts, html, csv, xlsx)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13)
           RETURNING ${LISTED}`,
          [
            ...key,
            version,
            request.at.toISOString(),
            request.by,
            files.content,
            files.contentHash,
            request.substanceHash,
            JSON.stringify(request.counts),
            files.html,
            Buffer.from(files.csv, 'utf8'),
            files.xlsx,
          ],
        );
        return { version: toVersion(row!), created: true };
      });
    },
    async versions(scope) {
      const rows = await db.query<VersionRow>(
        `SELECT ${LISTED} FROM notice_versions WHERE kind = $1 AND period = $2 AND scope = $3 ORDER BY version`,
        scopeKey(scope),
      );
      return rows.map(toVersion);
    },
    async get(scope, version) {
      const [row] = await db.query<NoticeRow>(
        `SELECT ${LISTED}, content, html, csv, xlsx FROM notice_versions
         WHERE kind = $1 AND period = $2 AND scope = $3 AND version = $4`,
        [...scopeKey(scope), version],
      );
      return row ? toStored(row) : undefined;
    },
  };
}

function scopeKey(scope: NoticeScope): [string, string, string] {
  return [scope.kind, scope.period, scope.region ?? 'province'];
}

function toVersion(row: VersionRow): NoticeVersion {
  return {
    kind: row.kind,
    period: row.period,
    region: row.scope === 'province' ? null : row.scope,
    version: Number(row.version),
    finalisedAt: isoTimestamp(row.finalised_at),
    finalisedBy: row.finalised_by,
    contentHash: row.content_hash,
    counts: typeof row.counts === 'string' ? JSON.parse(row.counts) : row.counts,
  };
}

function toStored(row: NoticeRow): StoredNotice {
  return {
    ...toVersion(row),
    content: row.content,
    html: row.html,
    csv: Buffer.from(row.csv).toString('utf8'),
    xlsx: Buffer.from(row.xlsx),
  };
}
