import { setTimeout as sleep } from 'node:timers/promises';
import type { RunningRedis } from '../../tests/support/redis.ts';
import { say } from './say.ts';
import type { ServiceProcess } from './service-process.ts';

export type Disruption = 'kill worker-1' | 'crash Redis' | 'restart Redis';

/** What happens during which sweep: worker-1 killed three times, Redis down twice, spread over the run. */
export function disruptions(sweeps: number): Map<number, Disruption[]> {
  const plan = new Map<number, Disruption[]>();
  const at = (fraction: number, what: Disruption) => {
    const sweep = Math.min(sweeps, Math.max(1, Math.round(sweeps * fraction)));
    plan.set(sweep, [...(plan.get(sweep) ?? []), what]);
  };
  at(0.2, 'kill worker-1');
  at(0.35, 'crash Redis');
  at(0.5, 'kill worker-1');
  at(0.65, 'restart Redis');
  at(0.8, 'kill worker-1');
  return plan;
}

export async function disrupt(
  what: Disruption,
  { redis, worker }: { redis: RunningRedis; worker: ServiceProcess },
): Promise<void> {
  if (what === 'kill worker-1') {
    const pid = worker.pid;
    await worker.kill();
    await sleep(2_000);
    worker.start();
    say(`worker-1 (pid ${pid}) killed with -9; started again as pid ${worker.pid}`);
  } else if (what === 'crash Redis') {
    await redis.kill();
    await sleep(5_000);
    await redis.restart();
    say('Redis killed with -9, back 5 s later from its append-only file');
  } else {
    await redis.restart();
    say('Redis stopped (SIGTERM) and started again');
  }
}
