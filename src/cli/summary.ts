import { CHECKS } from '../../checks/index.ts';
import { STATUS_LABELS } from '../../reports/html/labels.ts';
import type { SweepResults } from '../results.ts';

const TITLES = new Map(CHECKS.map((check) => [check.meta.id, check.meta.title]));

/** The few lines a terminal user reads after a sweep: each site's score, rating and the rules it failed. */
export function summaryLines(results: SweepResults): string[] {
  const lines = [`检查周期 ${results.sweep.period}，共 ${results.sites.length} 个网站：`];
  for (const site of results.sites) {
    const titled = (outcome: string) =>
      site.checks.filter((c) => c.outcome === outcome).map((c) => TITLES.get(c.ruleId) ?? c.ruleId);
    const failing = titled('fail');
    const review = titled('review');
    const veto = site.vetoes?.length
      ? `不合格（单项否决：${site.vetoes.map((v) => `「${TITLES.get(v.ruleId) ?? v.ruleId}」`).join('')}）`
      : '';
    const parts =
      site.status === 'done'
        ? [
            `得分 ${site.score}`,
            veto,
            failing.length ? `不通过：${failing.map((t) => `「${t}」`).join('')}` : '无不通过项',
            ...(review.length ? [`待人工复核：${review.map((t) => `「${t}」`).join('')}`] : []),
          ]
        : [STATUS_LABELS[site.status].text, veto, site.reason ?? ''];
    lines.push(`  ${site.fullName}（${site.siteId}）${parts.filter(Boolean).join('；')}`);
  }
  return lines;
}
