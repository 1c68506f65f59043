import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeReportHtml } from '../../reports/report-html.ts';
import { writeResultsJson } from '../../reports/results-json.ts';
import type { InspectionSettings } from '../inspection/context.ts';
import { fileEvidenceStore } from '../inspection/evidence-store.ts';
import type { Logger } from '../log.ts';
import type { Site } from '../registry/site.ts';
import type { SweepResults } from '../results.ts';
import { runSweep } from '../sweep/run-sweep.ts';
import { terminalProgress } from './progress.ts';

export interface SweepRun {
  sites: readonly Site[];
  out: string;
  now: Date;
  concurrency: number;
  settings: InspectionSettings;
  log: Logger;
}

/** Runs a sweep and writes `results.json` and `report.html` into `out`; prints where they are. */
export async function sweepAndWrite(run: SweepRun): Promise<SweepResults> {
  const out = resolve(run.out);
  await mkdir(out, { recursive: true });
  const results = await runSweep(run.sites, {
    now: run.now,
    settings: run.settings,
    concurrency: run.concurrency,
    evidence: fileEvidenceStore(out),
    log: run.log,
    onProgress: terminalProgress(),
  });
  const json = await writeResultsJson(out, results);
  const html = await writeReportHtml(out, results, (siteId) =>
    readFile(join(out, 'evidence', siteId, 'header.png')).then(
      (bytes) => new Uint8Array(bytes),
      () => undefined,
    ),
  );
  process.stdout.write(`${summaryLines(results).join('\n')}\n结果：${json}\n报告：${html}\n`);
  return results;
}

function summaryLines(results: SweepResults): string[] {
  const label = { done: '完成', unreachable: '无法访问', error: '检查出错' } as const;
  const lines = [`检查周期 ${results.sweep.period}，共 ${results.sites.length} 个网站：`];
  for (const site of results.sites) {
    const failing = site.checks.filter((c) => c.outcome === 'fail').map((c) => c.ruleId);
    const verdict =
      site.status === 'done'
        ? `得分 ${site.score}${failing.length ? `，不通过：${failing.join('、')}` : '，全部通过或待复核'}`
        : label[site.status];
    lines.push(`  ${site.siteId.padEnd(16)} ${verdict}`);
  }
  return lines;
}
