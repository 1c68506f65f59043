import type { FastifyPluginAsync } from 'fastify';
import { resultRoutes } from './routes/results.ts';
import { siteRoutes } from './routes/sites.ts';
import { sitesImportRoute } from './routes/sites-import.ts';
import { sweepRoutes } from './routes/sweeps.ts';

/** The /api/v1 subtree (each route authenticated by `accessRules`). Webhooks come with issue 4. */
export const apiRoutes: FastifyPluginAsync = async (fastify) => {
  await fastify.register(siteRoutes);
  await fastify.register(sitesImportRoute);
  await fastify.register(sweepRoutes);
  await fastify.register(resultRoutes);
};
