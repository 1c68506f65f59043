import { readFile } from 'node:fs/promises';
import { markedProcesses, processFigures } from '../soak/proc.ts';
import type { ServiceProcess } from '../soak/service-process.ts';

/** The most one service process and what it started (site processors, Chromium) took during a run. */
export interface TreeFigures {
  role: string;
  /** Largest RSS of the process alone, MiB. */
  peakOwnMiB: number;
  /** Largest RSS of the process with its children at one sample, MiB. */
  peakTreeMiB: number;
  /** Most processes in the tree at one sample. */
  peakProcesses: number;
  /** CPU seconds the tree used during the run (each process's last reading; a process that ended early counts until its last sample). */
  cpuS: number;
}

export interface WatchFigures {
  trees: TreeFigures[];
  redisPeakMiB: number;
  /** Share of the machine's CPU time (all cores) that was busy over the run, /proc/stat. */
  machineBusy: number;
  samples: number;
}

/**
 * Samples every `intervalMs` the RSS and CPU time of each service process's tree (told apart by the
 * soak's environment mark) and of Redis, until `stop()`, which returns the peaks and totals.
 */
export function watchTrees(
  processes: readonly ServiceProcess[],
  redisPid: number | undefined,
  intervalMs = 1_000,
): { stop(): Promise<WatchFigures> } {
  const trees = new Map<string, TreeFigures & { cpuByPid: Map<number, number> }>(
    processes.map((p) => [
      p.mark,
      { role: p.role, peakOwnMiB: 0, peakTreeMiB: 0, peakProcesses: 0, cpuS: 0, cpuByPid: new Map() },
    ]),
  );
  const cpuAtStart = new Map<number, number>();
  let redisPeakMiB = 0;
  let samples = 0;
  let stopped = false;
  const machineAtStart = machineCpu();
  const sample = async () => {
    const marked = await markedProcesses();
    for (const p of processes) {
      const tree = trees.get(p.mark)!;
      const own = marked.get(p.mark) ?? [];
      const main = own.find((figures) => figures.pid === p.pid);
      tree.peakOwnMiB = Math.max(tree.peakOwnMiB, (main?.rssKiB ?? 0) / 1024);
      tree.peakTreeMiB = Math.max(tree.peakTreeMiB, own.reduce((sum, f) => sum + f.rssKiB, 0) / 1024);
      tree.peakProcesses = Math.max(tree.peakProcesses, own.length);
      for (const figures of own) {
        if (!cpuAtStart.has(figures.pid)) cpuAtStart.set(figures.pid, samples === 0 ? figures.cpuS : 0);
        tree.cpuByPid.set(figures.pid, figures.cpuS - cpuAtStart.get(figures.pid)!);
      }
    }
    const redis = redisPid === undefined ? undefined : await processFigures(redisPid);
    redisPeakMiB = Math.max(redisPeakMiB, (redis?.rssKiB ?? 0) / 1024);
    samples++;
  };
  const loop = (async () => {
    while (!stopped) {
      const started = Date.now();
      await sample();
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, intervalMs - (Date.now() - started))));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      await sample();
      const [start, end] = [await machineAtStart, await machineCpu()];
      return {
        trees: [...trees.values()].map(({ cpuByPid, ...figures }) => ({
          ...figures,
          cpuS: [...cpuByPid.values()].reduce((sum, s) => sum + s, 0),
        })),
        redisPeakMiB,
        machineBusy: (end.busy - start.busy) / (end.total - start.total || 1),
        samples,
      };
    },
  };
}

/** The machine's CPU time so far, all cores, in ticks: busy (not idle, not waiting for I/O) and total. */
async function machineCpu(): Promise<{ busy: number; total: number }> {
  const line = (await readFile('/proc/stat', 'utf8')).split('\n')[0]!;
  const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = ticks.reduce((sum, t) => sum + t, 0);
  const idle = ticks[3]! + ticks[4]!;
  return { busy: total - idle, total };
}
