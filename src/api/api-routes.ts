import type { FastifyPluginAsync } from 'fastify';
import { periodReportRoutes } from '../period-reports/routes.ts';
import { findingRoutes } from './routes/findings.ts';
import { resultRoutes } from './routes/results.ts';
import { siteRoutes } from './routes/sites.ts';
import { sitesImportRoute } from './routes/sites-import.ts';
import { sweepRoutes } from './routes/sweeps.ts';
import { tokenRoutes } from './routes/tokens.ts';
import { wordingRoutes } from './routes/wording.ts';

/**
 * The /api/v1 subtree (each route authenticated by `accessRules`). The webhook routes, which need the
 * queue, are registered beside it by `serve`.
 */
export const apiRoutes: FastifyPluginAsync = async (fastify) => {
  await fastify.register(siteRoutes);
  await fastify.register(sitesImportRoute);
  await fastify.register(sweepRoutes);
  await fastify.register(resultRoutes);
  await fastify.register(periodReportRoutes);
  await fastify.register(findingRoutes);
  await fastify.register(tokenRoutes);
  await fastify.register(wordingRoutes);
};
