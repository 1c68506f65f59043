import type { FastifyPluginAsync } from 'fastify';
import { authenticateRequests } from './authenticate.ts';
import { resultRoutes } from './routes/results.ts';
import { siteRoutes } from './routes/sites.ts';
import { sitesImportRoute } from './routes/sites-import.ts';
import { sweepRoutes } from './routes/sweeps.ts';

/** The /api/v1 subtree: every route behind the bearer-token hook. Webhooks come with issue 4. */
export const apiRoutes: FastifyPluginAsync = async (fastify) => {
  authenticateRequests(fastify);
  await fastify.register(siteRoutes);
  await fastify.register(sitesImportRoute);
  await fastify.register(sweepRoutes);
  await fastify.register(resultRoutes);
};
