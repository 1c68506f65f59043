import type { LoggedProbe } from '../crawlers/homepage-probe/probe-log.ts';
import type { ServedDemo } from './serve-demo.ts';

/**
 * The demo's probe history: a fiction, like its sites. No cron ever probed them; these are the probes
 * `gov-inspect probe` would have logged had it run every 30 minutes for the 8 days before `today`, so
 * that the sweep can judge homepage availability as the service does. The live sites answer (one now
 * and then slowly, one timing out once: far below the 5 % that fails a site); the dead site refused
 * every probe, which fails it with a single veto.
 */
export const HISTORY_DAYS = 8;
const INTERVAL_MS = 30 * 60_000;
/** The probe round the live site's lone timeout falls on, counted back from `today`. */
const LONE_TIMEOUT_ROUND = 100;

/** The probe rounds of the 8 days before `today`, oldest first, each probing every demo site. */
export function probeHistory(demo: Pick<ServedDemo, 'sites' | 'demos'>, today: Date): LoggedProbe[] {
  const lastRound = Math.floor(today.getTime() / INTERVAL_MS) * INTERVAL_MS;
  const rounds = (HISTORY_DAYS * 86_400_000) / INTERVAL_MS;
  const dead = new Set(demo.demos.filter((d) => d.expected.status === 'unreachable').map((d) => d.site.id));
  const live = demo.sites.filter((site) => !dead.has(site.id)).map((site) => site.id);
  const slowSite = live[0];
  const flakySite = live.at(-1);
  const probes: LoggedProbe[] = [];
  for (let back = rounds; back >= 1; back--) {
    const at = new Date(lastRound - back * INTERVAL_MS).toISOString();
    for (const [i, site] of demo.sites.entries()) {
      const seen = { siteId: site.id, at, url: site.homepage };
      const jitter = (back * 37 + i * 101) % 400;
      if (dead.has(site.id)) {
        probes.push({ ...seen, ok: false, error: 'ECONNREFUSED', durationMs: 1 + (jitter % 4) });
      } else if (site.id === flakySite && back === LONE_TIMEOUT_ROUND) {
        probes.push({ ...seen, ok: false, error: 'TIMEOUT', durationMs: 15_000 });
      } else {
        const slow = site.id === slowSite && back % 61 === 0;
        probes.push({ ...seen, ok: true, status: 200, durationMs: slow ? 9_000 + jitter * 10 : 80 + jitter });
      }
    }
  }
  return probes;
}
