import { type JobSchedulerTemplateOptions, Queue } from 'bullmq';
import type { Logger } from '../log.ts';
import type { Site } from '../registry/site.ts';
import type { ResultsStore } from '../store/store.ts';
import { TIME_ZONE } from '../sweep/period.ts';
import {
  KEEP_FINISHED,
  PATIENT_BACKOFF,
  type PlanJobData,
  type QueueConfig,
  SWEEP_PLANS,
  workerConnection,
} from './queues.ts';
import { logRedisErrors } from './redis-errors.ts';

/** An inspection plan of clause 4.6.1, fired by a BullMQ job scheduler. */
export interface Plan extends PlanJobData {
  /** Cron pattern, read in Asia/Shanghai. */
  pattern: string;
}

/**
 * The default schedules (Asia/Shanghai), chosen so that the plans never start on the same day:
 * - the provincial quarterly patrol of every site: 09:00 on the 1st of the quarter's 2nd month
 *   (Feb, May, Aug, Nov), leaving the rest of the quarter to fix what it finds;
 * - the semi-annual check of city governments and provincial departments: 09:00 on 15 May and 15 Nov;
 * - each city's quarterly check of its own region: 09:00 on the 1st of the quarter's 3rd month.
 */
export const PATTERNS = {
  quarterlyPatrol: '0 9 1 2,5,8,11 *',
  semiannualCheck: '0 9 15 5,11 *',
  cityQuarterly: '0 9 1 3,6,9,12 *',
} as const;

const CITY_PLAN_PREFIX = 'city-quarterly-';

/** The city (市州) region a site lies in, e.g. 510522 → 510500; none for province-level sites. */
export function cityRegionOf(site: Site): string | undefined {
  if (site.region.endsWith('0000')) return undefined;
  return `${site.region.slice(0, 4)}00`;
}

/** The plans for a registry: the two provincial plans, and one quarterly check per city region present. */
export function plansFor(sites: readonly Site[]): Plan[] {
  const cities = [...new Set(sites.map(cityRegionOf).filter((code) => code !== undefined))].sort();
  return [
    { plan: 'quarterly-patrol', kind: 'quarterly-patrol', pattern: PATTERNS.quarterlyPatrol },
    { plan: 'semiannual-check', kind: 'semiannual-check', pattern: PATTERNS.semiannualCheck },
    ...cities.map(
      (region): Plan => ({
        plan: `${CITY_PLAN_PREFIX}${region}`,
        kind: 'quarterly-patrol',
        region,
        pattern: PATTERNS.cityQuarterly,
      }),
    ),
  ];
}

/** The job a plan's scheduler puts on `sweep-plans` each time it fires. */
export function planTemplate(plan: PlanJobData): {
  name: string;
  data: PlanJobData;
  opts: JobSchedulerTemplateOptions;
} {
  const data: PlanJobData = {
    plan: plan.plan,
    kind: plan.kind,
    ...(plan.region ? { region: plan.region } : {}),
  };
  return {
    name: plan.plan,
    data,
    // A plan must not be skipped for a brief outage at its hour: retried for about a day.
    opts: { attempts: 300, backoff: { type: PATIENT_BACKOFF, delay: 30_000 }, ...KEEP_FINISHED },
  };
}

/**
 * Makes the schedulers on `sweep-plans` those of the registry's plans: upserts each (atomic in
 * Redis, so any number of processes may do this at once and each scheduler keeps exactly one
 * pending job) and removes the schedulers of plans that no longer exist (a city gone from the
 * registry). Returns the plans in force.
 */
export async function reconcileSchedulers(
  config: QueueConfig,
  store: Pick<ResultsStore, 'sites'>,
  log?: Logger,
): Promise<Plan[]> {
  const plans = plansFor(await store.sites.list());
  const queue = new Queue<PlanJobData>(SWEEP_PLANS, {
    connection: workerConnection(config),
    prefix: config.queuePrefix,
  });
  // The connection waits for Redis rather than fail: at boot, the schedulers are set once Redis is up.
  queue.on('error', log ? logRedisErrors(log, 'plan schedulers') : () => {});
  try {
    // First: BullMQ 5.81's job-scheduler getter awaits the connection inside a promise executor, so a
    // connection that never comes up (dropped at shutdown while Redis is away) would reject unhandled.
    await queue.waitUntilReady();
    for (const plan of plans) {
      await queue.upsertJobScheduler(plan.plan, { pattern: plan.pattern, tz: TIME_ZONE }, planTemplate(plan));
    }
    const wanted = new Set(plans.map((plan) => plan.plan));
    for (const scheduler of await allSchedulers(queue)) {
      if (!wanted.has(scheduler)) await queue.removeJobScheduler(scheduler);
    }
    return plans;
  } finally {
    await queue.close();
  }
}

async function allSchedulers(queue: Queue): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; ; start += 100) {
    const page = await queue.getJobSchedulers(start, start + 99, true);
    // An entry may be gone already (another process removed it while we listed): skip it.
    ids.push(...page.flatMap((scheduler) => (scheduler ? [scheduler.key] : [])));
    if (page.length < 100) return ids;
  }
}
