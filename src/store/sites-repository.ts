import type { Site, SiteKind, SiteLevel } from '../registry/site.ts';
import type { Database } from './database.ts';
import type { SitesRepository } from './store.ts';

interface SiteRow {
  id: string;
  full_name: string;
  homepage: string;
  level: SiteLevel;
  kind: SiteKind;
  region: string;
  parent: string | null;
  site_code: string | null;
  archive_roots: string[];
  max_pages: number | null;
}

const COLUMNS = 'id, full_name, homepage, level, kind, region, parent, site_code, archive_roots, max_pages';

export function sitesRepository(db: Database): SitesRepository {
  return {
    replaceAll(sites) {
      return db.transaction(async (tx) => {
        await tx.query('DELETE FROM sites');
        for (const [position, site] of sites.entries()) {
          await tx.query(
            `INSERT INTO sites (position, ${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
            [
              position,
              site.id,
              site.fullName,
              site.homepage,
              site.level,
              site.kind,
              site.region,
              site.parent,
              site.siteCode ?? null,
              site.archiveRoots,
              site.maxPages ?? null,
            ],
          );
        }
      });
    },
    async list() {
      const rows = await db.query<SiteRow>(`SELECT ${COLUMNS} FROM sites ORDER BY position`);
      return rows.map(toSite);
    },
    async get(id) {
      const [row] = await db.query<SiteRow>(`SELECT ${COLUMNS} FROM sites WHERE id = $1`, [id]);
      return row && toSite(row);
    },
  };
}

function toSite(row: SiteRow): Site {
  return {
    id: row.id,
    fullName: row.full_name,
    homepage: row.homepage,
    level: row.level,
    kind: row.kind,
    region: row.region,
    parent: row.parent,
    ...(row.site_code === null ? {} : { siteCode: row.site_code }),
    archiveRoots: row.archive_roots,
    ...(row.max_pages === null ? {} : { maxPages: row.max_pages }),
  };
}
