import { randomUUID } from 'node:crypto';
import type { OfficeWordingEntry } from '../../checks/lib/office-wording.ts';
import type { Database } from './database.ts';
import { isoTimestamp } from './timestamps.ts';

/** An office's wording-error entry as kept: province-wide. */
export interface StoredWordingEntry extends OfficeWordingEntry {
  id: string;
  /** The token's name (or its id) that added it. */
  createdBy: string;
  createdAt: string;
}

/** A phrase of one site that is no wording error there. */
export interface StoredWordingException {
  id: string;
  siteId: string;
  text: string;
  /** Why it is no error (a place's or a company's registered name…). */
  reason: string;
  createdBy: string;
  createdAt: string;
}

export type NewWordingEntry = OfficeWordingEntry & { createdBy: string };
export type NewWordingException = Pick<StoredWordingException, 'siteId' | 'text' | 'reason' | 'createdBy'>;

/**
 * The offices' dictionary beside the shipped one (issue 12). Rows are never edited: a deleted entry or
 * exception keeps its row, with `deleted_at` set, and no longer counts.
 */
export interface WordingRepository {
  /** The live entries, oldest first. */
  entries(): Promise<StoredWordingEntry[]>;
  /** Adds an entry; undefined, and nothing written, when a live entry has its wrong form already. */
  addEntry(entry: NewWordingEntry): Promise<StoredWordingEntry | undefined>;
  /** False when there was no live entry of that id. */
  deleteEntry(id: string): Promise<boolean>;
  /** The live exceptions of these sites, by site then oldest first. */
  exceptions(siteIds: readonly string[]): Promise<StoredWordingException[]>;
  /** Adds an exception; undefined, and nothing written, when the site has a live one of that text. */
  addException(exception: NewWordingException): Promise<StoredWordingException | undefined>;
  /** False when the site had no live exception of that id. */
  deleteException(siteId: string, id: string): Promise<boolean>;
}

interface EntryRow {
  id: string;
  wrong: string;
  correct: string;
  category: StoredWordingEntry['category'];
  grade: StoredWordingEntry['grade'];
  created_by: string;
  created_at: Date;
}

interface ExceptionRow {
  id: string;
  site_id: string;
  text: string;
  reason: string;
  created_by: string;
  created_at: Date;
}

const ENTRY_COLUMNS = 'id, wrong, correct, category, grade, created_by, created_at';
const EXCEPTION_COLUMNS = 'id, site_id, text, reason, created_by, created_at';

export function wordingRepository(db: Database): WordingRepository {
  return {
    async entries() {
      const rows = await db.query<EntryRow>(
        `SELECT ${ENTRY_COLUMNS} FROM wording_entries WHERE deleted_at IS NULL ORDER BY created_at, id`,
      );
      return rows.map(toEntry);
    },
    async addEntry({ wrong, correct, category, grade, createdBy }) {
      const [row] = await db.query<EntryRow>(
        `INSERT INTO wording_entries (id, wrong, correct, category, grade, created_by)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (wrong) WHERE deleted_at IS NULL DO NOTHING
         RETURNING ${ENTRY_COLUMNS}`,
        [randomUUID(), wrong, correct, category, grade, createdBy],
      );
      return row && toEntry(row);
    },
    async deleteEntry(id) {
      const rows = await db.query(
        'UPDATE wording_entries SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL RETURNING id',
        [id],
      );
      return rows.length > 0;
    },
    async exceptions(siteIds) {
      if (siteIds.length === 0) return [];
      const rows = await db.query<ExceptionRow>(
        `SELECT ${EXCEPTION_COLUMNS} FROM wording_exceptions
         WHERE deleted_at IS NULL AND site_id = ANY($1::text[]) ORDER BY site_id, created_at, id`,
        [siteIds],
      );
      return rows.map(toException);
    },
    async addException({ siteId, text, reason, createdBy }) {
      const [row] = await db.query<ExceptionRow>(
        `INSERT INTO wording_exceptions (id, site_id, text, reason, created_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (site_id, text) WHERE deleted_at IS NULL DO NOTHING
         RETURNING ${EXCEPTION_COLUMNS}`,
        [randomUUID(), siteId, text, reason, createdBy],
      );
      return row && toException(row);
    },
    async deleteException(siteId, id) {
      const rows = await db.query(
        `UPDATE wording_exceptions SET deleted_at = now()
         WHERE id = $1 AND site_id = $2 AND deleted_at IS NULL RETURNING id`,
        [id, siteId],
      );
      return rows.length > 0;
    },
  };
}

function toEntry(row: EntryRow): StoredWordingEntry {
  return {
    id: row.id,
    wrong: row.wrong,
    correct: row.correct,
    category: row.category,
    grade: row.grade,
    createdBy: row.created_by,
    createdAt: isoTimestamp(row.created_at),
  };
}

function toException(row: ExceptionRow): StoredWordingException {
  return {
    id: row.id,
    siteId: row.site_id,
    text: row.text,
    reason: row.reason,
    createdBy: row.created_by,
    createdAt: isoTimestamp(row.created_at),
  };
}
