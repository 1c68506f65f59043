import { access } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { adjudicateStored } from '../../adjudication/adjudicated-view.ts';
import type { ResultsStore } from '../../store/store.ts';
import { quarterOf } from '../../sweep/period.ts';
import { loadOverview } from '../overview-data.ts';
import { viewerOf } from '../page-access.ts';
import { CITY_REGION, siteInReach, sweepInReach } from '../scope.ts';
import { sweepProgress } from '../sweep-progress.ts';
import { overviewPage } from '../views/overview.ts';
import { sitePage } from '../views/site.ts';
import { sweepPage } from '../views/sweep.ts';
import { headerScreenshotFile } from './evidence.ts';
import { notFoundPage } from './not-found.ts';

const QUARTER = /^\d{4}Q[1-4]$/;
const HISTORY_LIMIT = 40;

export interface PageOptions {
  store: ResultsStore;
  artifactDir: string;
  now: () => Date;
  sweepPollMs: number;
}

const HTML = 'text/html; charset=utf-8';

/** The overview (/), a site (/sites/:id), a sweep (/sweeps/:id) and its progress.json. */
export function pageRoutes(fastify: FastifyInstance, options: PageOptions): void {
  const { store, artifactDir } = options;

  fastify.get<{ Querystring: { region?: string; period?: string } }>(
    '/',
    { config: { dashboard: 'signed-in' } },
    async (request, reply) => {
      const viewer = viewerOf(request);
      const { region, period } = request.query;
      if (region && !CITY_REGION.test(region)) return notFoundPage(request, reply);
      if (period && !QUARTER.test(period)) return notFoundPage(request, reply);
      // A city token's overview is its own region; asking for another one shows nothing of it.
      const chosen = region && viewer.role === 'province' ? region : null;
      if (region && viewer.role !== 'province' && !viewer.region?.startsWith(region))
        return notFoundPage(request, reply);
      const overview = await loadOverview(store, viewer, period || quarterOf(options.now()), chosen);
      return reply.type(HTML).header('cache-control', 'no-store').send(overviewPage(overview, viewer));
    },
  );

  fastify.get<{ Params: { id: string } }>(
    '/sites/:id',
    { config: { dashboard: 'signed-in' } },
    async (request, reply) => {
      const viewer = viewerOf(request);
      const site = await siteInReach(store, viewer, request.params.id);
      if (!site) return notFoundPage(request, reply);
      const history = await adjudicateStored(store, await store.results.forSite(site.id, HISTORY_LIMIT));
      const latest = history[0];
      const file = latest && headerScreenshotFile(artifactDir, latest.sweepId, site.id);
      const hasScreenshot = file
        ? await access(file).then(
            () => true,
            () => false,
          )
        : false;
      return reply
        .type(HTML)
        .header('cache-control', 'no-store')
        .send(sitePage({ site, history, hasScreenshot }, viewer));
    },
  );

  fastify.get<{ Params: { id: string } }>(
    '/sweeps/:id',
    { config: { dashboard: 'signed-in' } },
    async (request, reply) => {
      const viewer = viewerOf(request);
      const sweep = await sweepInReach(store, viewer, request.params.id);
      if (!sweep) return notFoundPage(request, reply);
      const progress = await sweepProgress(store, sweep);
      return reply
        .type(HTML)
        .header('cache-control', 'no-store')
        .send(sweepPage(sweep, progress, viewer, options.sweepPollMs));
    },
  );

  fastify.get<{ Params: { id: string } }>(
    '/sweeps/:id/progress.json',
    { config: { dashboard: 'signed-in' } },
    async (request, reply) => {
      const sweep = await sweepInReach(store, viewerOf(request), request.params.id);
      if (!sweep) return reply.status(404).send({ error: { code: 'not-found', message: '检查批次不存在' } });
      return reply.header('cache-control', 'no-store').send(await sweepProgress(store, sweep));
    },
  );
}
