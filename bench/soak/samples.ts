import { join } from 'node:path';
import { diskBytes, markedProcesses, pidByCommandLine, processFigures } from './proc.ts';
import type { ServiceProcess } from './service-process.ts';

const MiB = 1024 * 1024;

/** One process of the service as sampled: itself, and what it started (site processors, Chromium). */
export interface ProcessRow {
  name: string;
  /** Which start of it this is (a worker killed and started again is a new one). */
  incarnation: number;
  pid: number;
  rssMiB: number;
  fds: number;
  children: number;
  childrenRssMiB: number;
}

export interface Sample {
  label: string;
  /** Sweeps completed when it was taken. */
  sweeps: number;
  elapsedS: number;
  rows: ProcessRow[];
  /** Processes of an earlier incarnation still running (a killed worker's Chromium, say). */
  leftBehind: { processes: number; rssMiB: number };
  storeMiB: number;
  artifactsMiB: number;
}

export interface SampleSources {
  processes: readonly ServiceProcess[];
  redisPort: number;
  dataDir: string;
  artifactDir: string;
  startedAt: number;
}

export async function takeSample(sources: SampleSources, label: string, sweeps: number): Promise<Sample> {
  const marked = await markedProcesses();
  const rows: ProcessRow[] = [];
  for (const process of sources.processes) {
    const own = marked.get(process.mark) ?? [];
    const main = own.find((figures) => figures.pid === process.pid);
    const children = own.filter((figures) => figures.pid !== process.pid);
    rows.push({
      name: process.role,
      incarnation: process.incarnation,
      pid: process.pid,
      rssMiB: (main?.rssKiB ?? 0) / 1024,
      fds: main?.fds ?? 0,
      children: children.length,
      childrenRssMiB: children.reduce((sum, child) => sum + child.rssKiB, 0) / 1024,
    });
  }
  const redisPid = await pidByCommandLine(`127.0.0.1:${sources.redisPort}`);
  const redis = redisPid === undefined ? undefined : await processFigures(redisPid);
  rows.push({
    name: 'redis',
    incarnation: 0,
    pid: redis?.pid ?? 0,
    rssMiB: (redis?.rssKiB ?? 0) / 1024,
    fds: redis?.fds ?? 0,
    children: 0,
    childrenRssMiB: 0,
  });
  const current = new Set(sources.processes.map((process) => process.mark));
  const stale = [...marked].filter(([mark]) => !current.has(mark)).flatMap(([, figures]) => figures);
  return {
    label,
    sweeps,
    elapsedS: Math.round((Date.now() - sources.startedAt) / 1000),
    rows,
    leftBehind: { processes: stale.length, rssMiB: stale.reduce((sum, f) => sum + f.rssKiB, 0) / 1024 },
    storeMiB: (await diskBytes(join(sources.dataDir, 'pg'))) / MiB,
    artifactsMiB: (await diskBytes(sources.artifactDir)) / MiB,
  };
}

/** A sample as a table: one row per process. */
export function sampleTable(sample: Sample): string {
  const minutes = `${Math.floor(sample.elapsedS / 60)} min ${String(sample.elapsedS % 60).padStart(2, '0')} s`;
  const heading = `${sample.label} · ${minutes} · store ${sample.storeMiB.toFixed(1)} MiB · artifacts ${sample.artifactsMiB.toFixed(1)} MiB · left behind ${sample.leftBehind.processes} processes (${sample.leftBehind.rssMiB.toFixed(0)} MiB)`;
  const header = ['process', 'pid', 'RSS MiB', 'fds', 'children', 'children RSS MiB'];
  const lines = sample.rows.map((row) => [
    row.incarnation > 1 ? `${row.name} (start ${row.incarnation})` : row.name,
    String(row.pid || '—'),
    row.rssMiB.toFixed(1),
    String(row.fds),
    row.name === 'redis' ? '' : String(row.children),
    row.name === 'redis' ? '' : row.childrenRssMiB.toFixed(0),
  ]);
  return `${heading}\n${table(header, lines)}`;
}

/** Right-aligned columns (the first left-aligned), Markdown-style, so they can be pasted as is. */
export function table(header: string[], lines: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i]!.length)));
  const format = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `-${'-'.repeat(w)}-` : `-${'-'.repeat(w)}:`)).join('|')}|`;
  return [format(header), rule, ...lines.map(format)].join('\n');
}
