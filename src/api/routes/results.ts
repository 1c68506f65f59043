import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { isHalfYear, previousPeriod } from '../../periods/period-names.ts';
import { buildPeriodReport, type PeriodReport } from '../../periods/period-report.ts';
import { planCovers } from '../../service/start-sweep.ts';
import { principal } from '../authenticate.ts';
import { errors, PeriodReportSchema } from '../schemas.ts';

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
 * result of the period, per-region totals, and new / fixed violations against the period before.
 */
export const resultRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify.services;

  async function report(request: FastifyRequest, period: string): Promise<PeriodReport> {
    const caller = principal(request);
    const [sites, current, previous] = await Promise.all([
      store.sites.list(),
      store.results.latestInPeriod(period),
      store.results.latestInPeriod(previousPeriod(period)),
    ]);
    // The half-year check covers the sites clause 4.6.1 has checked every half year (planCovers).
    const covered = isHalfYear(period) ? sites.filter((site) => planCovers('semiannual-check', site)) : sites;
    return buildPeriodReport({ period, sites: covered.filter(caller.reaches), current, previous });
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
          response: { 200: PeriodReportSchema, ...errors(400) },
        },
      },
      async (request) => report(request, (request.params as { period: string }).period),
    );
  }
};
