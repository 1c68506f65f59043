import { type Sample, table } from './samples.ts';

/**
 * Each process over the run, from its first sample after a completed sweep (the first sweep warms up
 * Chromium and the caches) to the last, within its last start: its RSS, its RSS with what it started,
 * their least-squares slope per sweep, and its descriptors. Then the store and the artifacts.
 */
export function summaryTable(samples: readonly Sample[]): string {
  const warm = samples.filter((sample) => sample.sweeps >= 1);
  const names = samples[0]?.rows.map((row) => row.name) ?? [];
  const lines = names.map((name) => {
    const last = warm.at(-1)?.rows.find((row) => row.name === name)?.incarnation;
    const points = warm.flatMap((sample) => {
      const row = sample.rows.find((r) => r.name === name && r.incarnation === last);
      return row ? [{ sweeps: sample.sweeps, row }] : [];
    });
    const own = points.map((p) => ({ x: p.sweeps, y: p.row.rssMiB }));
    const tree = points.map((p) => ({ x: p.sweeps, y: p.row.rssMiB + p.row.childrenRssMiB }));
    const fds = points.map((p) => p.row.fds);
    return [
      last !== undefined && last > 1 ? `${name} (start ${last})` : name,
      points.length > 0 ? `${points[0]!.sweeps}–${points.at(-1)!.sweeps}` : '—',
      range(own.map((p) => p.y)),
      slope(own),
      name === 'redis' ? '' : range(tree.map((p) => p.y)),
      name === 'redis' ? '' : slope(tree),
      fds.length > 0 ? `${fds[0]} / ${Math.max(...fds)} / ${fds.at(-1)}` : '—',
    ];
  });
  const header = [
    'process',
    'after sweeps',
    'RSS MiB first / max / last',
    'MiB per sweep',
    'with children',
    'MiB per sweep',
    'fds first / max / last',
  ];
  const first = warm[0] ?? samples[0];
  const end = samples.at(-1);
  const disk =
    first && end
      ? `store ${first.storeMiB.toFixed(1)} → ${end.storeMiB.toFixed(1)} MiB, artifacts ${first.artifactsMiB.toFixed(1)} → ${end.artifactsMiB.toFixed(1)} MiB (after sweep ${first.sweeps} → end); processes left behind at the end: ${end.leftBehind.processes}`
      : '';
  return `${table(header, lines)}\n${disk}`;
}

function range(values: readonly number[]): string {
  if (values.length === 0) return '—';
  return `${values[0]!.toFixed(0)} / ${Math.max(...values).toFixed(0)} / ${values.at(-1)!.toFixed(0)}`;
}

/** The least-squares slope of y over x, or '—' with fewer than three points. */
function slope(points: readonly { x: number; y: number }[]): string {
  if (points.length < 3) return '—';
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  if (sxx === 0) return '—';
  const value = sxy / sxx;
  return `${value >= 0 ? '+' : ''}${value.toFixed(2)}`;
}
