import type { BreakKind } from './site/site-plan.ts';
import type { ToolReport } from './tool-report.ts';

export interface Score {
  /** Planted broken targets (soft 404s included) the tool reported. */
  plantedFound: number;
  plantedTotal: number;
  softFound: number;
  softTotal: number;
  /** Planted targets the tool did not report, for the investigation. */
  missed: string[];
  /** Targets reported broken that are not in the answer key. */
  falseBroken: string[];
}

/** A tool's broken links against the site's answer key. */
export function scoreReport(report: ToolReport, key: ReadonlyMap<string, BreakKind>): Score {
  const broken = new Set(report.broken);
  const soft = [...key].filter(([, kind]) => kind === 'soft-404').map(([url]) => url);
  const missed = [...key.keys()].filter((url) => !broken.has(url));
  return {
    plantedFound: key.size - missed.length,
    plantedTotal: key.size,
    softFound: soft.filter((url) => report.softNotFound.includes(url) || broken.has(url)).length,
    softTotal: soft.length,
    missed,
    falseBroken: report.broken.filter((url) => !key.has(url)),
  };
}
