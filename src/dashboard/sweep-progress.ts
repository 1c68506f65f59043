import { formatScore } from '../../reports/html/format.ts';
import { STATUS_LABELS } from '../../reports/html/labels.ts';
import { type RatingLabel, ratingLabel } from '../../reports/html/rating.ts';
import type { Site } from '../registry/site.ts';
import type { ResultsStore, SweepKind, SweepRecord, SweepState } from '../store/store.ts';
import { DASHBOARD_PREFIX } from './session.ts';

export const KIND_LABELS: Record<SweepKind, string> = {
  'quarterly-patrol': '季度巡查',
  'semiannual-check': '半年检查',
  adhoc: '临时检查',
};

export const STATE_LABELS: Record<SweepState, string> = {
  queued: '排队中',
  running: '检查中',
  done: '已完成',
  failed: '未能完成',
};

export interface ArrivedResult {
  siteId: string;
  fullName: string;
  href: string;
  score: string;
  /** 合格, 不合格 (with the veto reasons) or 未评定. */
  rating: RatingLabel;
  status: string;
  statusCss: string;
  failing: number;
}

/** What the sweep page shows and its script polls: progress and the results stored so far. */
export interface SweepProgress {
  id: string;
  kind: string;
  state: SweepState;
  stateText: string;
  total: number;
  done: number;
  failed: number;
  finished: boolean;
  results: ArrivedResult[];
}

export async function sweepProgress(store: ResultsStore, sweep: SweepRecord): Promise<SweepProgress> {
  // Two queries however large the sweep: the page polls this every few seconds.
  const [found, registry] = await Promise.all([store.results.forSweep(sweep.id), store.sites.list()]);
  const sites = new Map<string, Site>(registry.map((site) => [site.id, site]));
  const results = found.map((stored) => {
    const label = STATUS_LABELS[stored.result.status];
    return {
      siteId: stored.siteId,
      fullName: sites.get(stored.siteId)?.fullName ?? stored.result.fullName,
      href: `${DASHBOARD_PREFIX}/sites/${encodeURIComponent(stored.siteId)}`,
      score: formatScore(stored.result.score),
      rating: ratingLabel(stored.result),
      status: label.text,
      statusCss: label.css,
      failing: stored.result.checks.filter((check) => check.outcome === 'fail').length,
    };
  });
  return {
    id: sweep.id,
    kind: KIND_LABELS[sweep.kind],
    state: sweep.state,
    stateText: STATE_LABELS[sweep.state],
    total: sweep.total,
    done: sweep.done,
    failed: sweep.failed,
    finished: sweep.state === 'done' || sweep.state === 'failed',
    results,
  };
}
