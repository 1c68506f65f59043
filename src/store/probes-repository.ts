import { FULL_PROBE_DAY, type HomepageAvailability, type HomepageProbe } from '../../crawlers/artifacts.ts';
import {
  availabilityOf,
  type FailedProbe,
  OUTAGE_GAP_MS,
  type ProbeTally,
  type ProbeWindow,
  shanghaiDate,
  shanghaiDayStart,
} from '../../crawlers/homepage-probe/summarize.ts';
import type { Database } from './database.ts';
import type { ProbesRepository, SiteProbe } from './store.ts';
import { isoTimestamp } from './timestamps.ts';

const DAY = "(at AT TIME ZONE 'Asia/Shanghai')::date";
/** A firewall's block page (as `summarizeProbes` tells it): never NULL, as `ok` is never NULL. */
const BLOCKED = "(ok AND error IS NOT DISTINCT FROM 'BLOCKED')";
const DAY_MS = 86_400_000;

interface TallyRow {
  site_id: string;
  probes: number;
  failures: number;
  days: number;
  full_days: number;
  blocked: number;
}

interface FailedRow {
  site_id: string;
  at: Date;
  url: string;
  status: number | null;
  error: string | null;
  duration_ms: number;
  after_failure: boolean;
}

export function probesRepository(db: Database): ProbesRepository {
  return {
    async record(probes) {
      if (probes.length === 0) return;
      const column = <K extends keyof SiteProbe>(key: K) => probes.map((probe) => probe[key] ?? null);
      // A probe stored already (the same batch recorded again, as a retried write would) adds nothing, to the
      // probes or to the day counts. A round run twice probes again: those are new probes, and count.
      await db.query(
        `WITH stored AS (
           INSERT INTO homepage_probes (site_id, at, url, ok, status, error, duration_ms)
           SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::boolean[], $5::integer[], $6::text[], $7::integer[])
           ON CONFLICT (site_id, at) DO NOTHING
           RETURNING site_id, at, ok, error
         )
         INSERT INTO homepage_probe_days (site_id, day, probes, failures, blocked)
         SELECT site_id, ${DAY}, count(*) FILTER (WHERE NOT ${BLOCKED}), count(*) FILTER (WHERE NOT ok),
           count(*) FILTER (WHERE ${BLOCKED})
         FROM stored GROUP BY 1, 2
         ON CONFLICT (site_id, day) DO UPDATE SET
           probes = homepage_probe_days.probes + excluded.probes,
           failures = homepage_probe_days.failures + excluded.failures,
           blocked = homepage_probe_days.blocked + excluded.blocked`,
        [
          column('siteId'),
          column('at'),
          column('url'),
          column('ok'),
          column('status'),
          column('error'),
          column('durationMs'),
        ],
      );
    },

    async availability(siteIds, window) {
      const tallies = await tally(db, siteIds, window);
      const failed = await db.query<FailedRow>(
        // Whether the probe before a failure (in the window, and close enough to continue an outage) failed
        // too: one index look-up per failure.
        `SELECT f.site_id, f.at, f.url, f.status, f.error, f.duration_ms,
           COALESCE((SELECT NOT b.ok AND b.at >= f.at - interval '1 millisecond' * $4 FROM homepage_probes b
                     WHERE b.site_id = f.site_id AND b.at < f.at AND b.at >= $2
                     ORDER BY b.at DESC LIMIT 1), false) AS after_failure
         FROM homepage_probes f
         WHERE f.site_id = ANY($1) AND f.at >= $2 AND f.at <= $3 AND NOT f.ok
         ORDER BY f.site_id, f.at`,
        [siteIds, window.from.toISOString(), window.to.toISOString(), OUTAGE_GAP_MS],
      );
      const failedBySite = new Map<string, FailedProbe[]>();
      for (const row of failed) {
        const list = failedBySite.get(row.site_id) ?? [];
        list.push(toFailedProbe(row));
        failedBySite.set(row.site_id, list);
      }
      const summaries = new Map<string, HomepageAvailability>();
      for (const [siteId, counts] of tallies) {
        const failures = failedBySite.get(siteId) ?? [];
        summaries.set(siteId, availabilityOf(counts, failures, window, 'scheduled-probes'));
      }
      return summaries;
    },

    async prune(before) {
      const day = shanghaiDate(before);
      return db.transaction(async (tx) => {
        const deleted = await tx.query('DELETE FROM homepage_probes WHERE at < $1 RETURNING 1', [
          shanghaiDayStart(day).toISOString(),
        ]);
        await tx.query('DELETE FROM homepage_probe_days WHERE day < $1::date', [day]);
        return deleted.length;
      });
    },
  };
}

/**
 * The window's counts per site: whole Asia/Shanghai days from the day counts, the part-days at either
 * end (a window ends at a sweep's "now") from the probes themselves. Sites with no probe are absent; a
 * day of blocked probes only is not a day probed.
 */
async function tally(
  db: Database,
  siteIds: readonly string[],
  { from, to }: ProbeWindow,
): Promise<Map<string, ProbeTally>> {
  // The whole days are [firstWhole, endWhole): none when no whole day lies inside the window.
  const dayStart = (instant: Date) => shanghaiDayStart(shanghaiDate(instant)).getTime();
  const fromStart = dayStart(from);
  const firstWhole = new Date(fromStart < from.getTime() ? fromStart + DAY_MS : fromStart);
  const endWhole = new Date(Math.max(firstWhole.getTime(), dayStart(to)));
  const rows = await db.query<TallyRow>(
    `SELECT site_id, sum(probes)::integer AS probes, sum(failures)::integer AS failures,
       count(*) FILTER (WHERE probes > 0)::integer AS days,
       count(*) FILTER (WHERE probes >= ${FULL_PROBE_DAY})::integer AS full_days, sum(blocked)::integer AS blocked
     FROM (
       SELECT site_id, day, probes, failures, blocked
       FROM homepage_probe_days
       WHERE site_id = ANY($1) AND day >= $2::date AND day < $3::date AND probes + blocked > 0
       UNION ALL
       SELECT site_id, ${DAY}, count(*) FILTER (WHERE NOT ${BLOCKED}), count(*) FILTER (WHERE NOT ok),
         count(*) FILTER (WHERE ${BLOCKED})
       FROM homepage_probes
       WHERE site_id = ANY($1) AND ((at >= $4 AND at < $6 AND at <= $5) OR (at >= $7 AND at <= $5))
       GROUP BY site_id, ${DAY}
     ) parts
     GROUP BY site_id`,
    [
      siteIds,
      shanghaiDate(firstWhole),
      shanghaiDate(endWhole),
      from.toISOString(),
      to.toISOString(),
      firstWhole.toISOString(),
      endWhole.toISOString(),
    ],
  );
  return new Map(
    rows.map((row) => [
      row.site_id,
      {
        probes: row.probes,
        failures: row.failures,
        daysProbed: row.days,
        fullDays: row.full_days,
        blocked: row.blocked,
      },
    ]),
  );
}

function toFailedProbe(row: FailedRow): FailedProbe {
  const probe: HomepageProbe = {
    at: isoTimestamp(row.at),
    url: row.url,
    ok: false,
    ...(row.status !== null ? { status: row.status } : {}),
    ...(row.error !== null ? { error: row.error } : {}),
    durationMs: row.duration_ms,
  };
  return { probe, afterFailure: row.after_failure };
}
