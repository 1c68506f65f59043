import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { adjudicateStored } from '../../adjudication/adjudicated-view.ts';
import { adjudicatedPeriodReport, sumCounts } from '../../period-reports/adjudicated-period.ts';
import { isHalfYear, previousPeriod } from '../../periods/period-names.ts';
import { reportRegionOf } from '../../periods/period-report.ts';
import { planCovers } from '../../service/start-sweep.ts';
import { principal } from '../authenticate.ts';
import { AdjudicatedPeriodReportSchema } from '../period-results-schema.ts';
import { errors } from '../schemas.ts';

const PLANS = [
  {
    path: '/results/quarterly/:period',
    pattern: '^\\d{4}Q[1-4]$',
    example: '2026Q4',
    summary: '季度检查结果',
  },
  {
    path: '/results/semiannual/:period',
    pattern: '^\\d{4}H[12]$',
    example: '2026H2',
    summary: '半年检查结果',
  },
] as const;

/**
 * GET /results/quarterly/:period and /results/semiannual/:period: each site in reach with its latest
 * result of the period (automated values) and `adjudicated` beside them (contract §7), per-region
 * totals and new / fixed violations against the period before, as decided, and the findings reviewed,
 * appealed and struck off.
 */
export const resultRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify.services;

  async function report(request: FastifyRequest, period: string) {
    const caller = principal(request);
    const sites = await store.sites.list();
    // The half-year check covers the sites clause 4.6.1 has checked every half year (planCovers).
    const covered = (
      isHalfYear(period) ? sites.filter((site) => planCovers('semiannual-check', site)) : sites
    ).filter(caller.reaches);
    const ids = new Set(covered.map((site) => site.id));
    // Only the results in reach are adjudicated: a city's request costs its own sites.
    const adjudicatedOf = async (of: string) =>
      adjudicateStored(
        store,
        (await store.results.latestInPeriod(of)).filter((stored) => ids.has(stored.siteId)),
      );
    const [current, previous] = await Promise.all([
      adjudicatedOf(period),
      adjudicatedOf(previousPeriod(period)),
    ]);
    const { decided, automated, results } = adjudicatedPeriodReport({
      period,
      sites: covered,
      current,
      previous,
    });
    const automatedEntries = new Map(automated.sites.map((entry) => [entry.siteId, entry]));
    const siteEntries = decided.sites.map((entry) => {
      const stored = results.get(entry.siteId)!;
      const before = automatedEntries.get(entry.siteId)?.previous;
      return {
        ...stored.result,
        region: entry.region,
        sweepId: entry.sweepId,
        storedAt: entry.storedAt,
        previous: entry.previous && before ? { ...before, adjudicatedScore: entry.previous.score } : null,
        newViolations: entry.newViolations,
        fixedViolations: entry.fixedViolations,
      };
    });
    const countsIn = (region: string) =>
      sumCounts(
        siteEntries
          .filter((entry) => reportRegionOf(entry.region) === region)
          .map((entry) => entry.adjudicated.counts),
      );
    const automatedAverage = new Map(automated.regions.map((totals) => [totals.region, totals.averageScore]));
    return {
      ...decided,
      sites: siteEntries,
      regions: decided.regions.map((totals) => ({
        ...totals,
        automatedAverageScore: automatedAverage.get(totals.region) ?? totals.averageScore,
        counts: countsIn(totals.region),
      })),
      counts: sumCounts(siteEntries.map((entry) => entry.adjudicated.counts)),
    };
  }

  for (const plan of PLANS) {
    fastify.get(
      plan.path,
      {
        config: { access: 'any' },
        schema: {
          summary: plan.summary,
          tags: ['results'],
          params: Type.Object({ period: Type.String({ pattern: plan.pattern, examples: [plan.example] }) }),
          response: { 200: AdjudicatedPeriodReportSchema, ...errors(400) },
        },
      },
      async (request) => report(request, (request.params as { period: string }).period),
    );
  }
};
