import type { Score } from './score.ts';
import type { ToolReport } from './tool-report.ts';

/** A tool's outcome: its report, its score and the site's view of it, or why it has none. */
export type ToolOutcome = { report: ToolReport; score: Score; peakConnections: number } | { error: string };

type Measured = Exclude<ToolOutcome, { error: string }>;

interface Row {
  label: string;
  value: (outcome: Measured) => number | string;
  /** Rows whose ours/linkinator ratio means something. */
  ratio?: boolean;
}

const ROWS: Row[] = [
  { label: 'wall time (s)', value: ({ report: r }) => round(r.wallMs / 1000, 1), ratio: true },
  { label: 'pages crawled', value: ({ report: r }) => r.pagesCrawled },
  { label: 'pages/s', value: ({ report: r }) => round(r.pagesCrawled / (r.wallMs / 1000), 1), ratio: true },
  { label: 'distinct links checked', value: ({ report: r }) => r.linksChecked },
  { label: 'links/s', value: ({ report: r }) => round(r.linksChecked / (r.wallMs / 1000), 1), ratio: true },
  { label: 'RSS at start (MiB)', value: ({ report: r }) => round(r.startRssMb, 0) },
  { label: 'peak RSS (MiB)', value: ({ report: r }) => round(r.peakRssMb, 0), ratio: true },
  { label: 'peak open connections', value: (o) => o.peakConnections },
  { label: 'broken links found', value: ({ report: r }) => r.broken.length },
  {
    label: 'planted broken found',
    value: ({ score: s }) =>
      `${s.plantedFound}/${s.plantedTotal} (${percent(s.plantedFound, s.plantedTotal)})`,
  },
  { label: 'soft 404s found', value: ({ score: s }) => `${s.softFound}/${s.softTotal}` },
  { label: 'false broken', value: ({ score: s }) => s.falseBroken.length },
];

/** The side-by-side table, in Markdown so it can be pasted into the README as is. */
export function comparisonTable(ours: ToolOutcome, linkinator: ToolOutcome): string {
  const cell = (outcome: ToolOutcome, row: Row) => ('error' in outcome ? 'failed' : row.value(outcome));
  const lines = ROWS.map((row) => {
    const a = cell(ours, row);
    const b = cell(linkinator, row);
    const ratio =
      row.ratio && typeof a === 'number' && typeof b === 'number' && b > 0 ? `${round(a / b, 2)}×` : '';
    return [row.label, String(a), String(b), ratio];
  });
  const header = ['', 'ours', 'linkinator 7', 'ours/linkinator'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i]!.length)));
  const format = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `-${'-'.repeat(w)}-` : `-${'-'.repeat(w)}:`)).join('|')}|`;
  return [format(header), rule, ...lines.map(format)].join('\n');
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`;
}
