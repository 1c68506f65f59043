import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { regionContains, regionPrefix } from '../../access/region.ts';
import { sweepWithinReach } from '../../access/sweep-reach.ts';
import { startSweep } from '../../service/start-sweep.ts';
import type { SweepLauncher } from '../../service/sweep-launcher.ts';
import { ApiError, notFound, queueUnavailable } from '../api-error.ts';
import { principal } from '../authenticate.ts';
import { errors, SweepId, SweepRequestSchema, SweepSchema } from '../schemas.ts';
import { withTimeout } from '../with-timeout.ts';

/** The launcher failed or did not answer in time: the queue is unavailable, not the request wrong. */
class QueueLaunchError extends Error {
  override readonly name = 'QueueLaunchError';
}

/** POST /sweeps (start one now) and GET /sweeps/:id (its progress, read live from the store). */
export const sweepRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store, launcher, dependencyTimeoutMs } = fastify.services;
  const boundedLauncher: SweepLauncher = {
    async launch(sweep, sites) {
      try {
        await withTimeout(launcher.launch(sweep, sites), dependencyTimeoutMs, 'the sweep queue');
      } catch (error) {
        throw new QueueLaunchError(error instanceof Error ? error.message : String(error), { cause: error });
      }
    },
  };

  fastify.post(
    '/sweeps',
    {
      config: { access: 'any' },
      schema: {
        summary: '立即开始一次检查',
        description: '市级令牌只能检查其辖区内的站点；不指定 region 时即为令牌所属辖区。',
        tags: ['sweeps'],
        body: SweepRequestSchema,
        response: { 202: Type.Object({ id: Type.String() }), ...errors(400, 403, 404, 503) },
      },
    },
    async (request, reply) => {
      const caller = principal(request);
      const { kind, siteIds, region } = request.body;
      if (caller.region !== null && region !== undefined && !regionContains(caller.region, region)) {
        throw new ApiError(403, 'forbidden', `此令牌只能检查 ${caller.region} 辖区内的站点`, {
          field: 'region',
        });
      }
      if (caller.role === 'city' && siteIds) {
        // Unknown and out-of-reach ids answer alike, so a city token cannot probe the registry.
        const sites = await Promise.all(siteIds.map((id) => store.sites.get(id)));
        const hidden = siteIds.filter((_, index) => !sites[index] || !caller.reaches(sites[index]));
        if (hidden.length)
          throw new ApiError(404, 'unknown-site', `站点不存在：${hidden.join('、')}`, { field: 'siteIds' });
      }
      if (!(await fastify.services.queueHealthy())) throw queueUnavailable('Redis 无法连接');
      const cityRegion = caller.role === 'city' && caller.region ? regionPrefix(caller.region) : undefined;
      try {
        const sweep = await startSweep(
          store,
          boundedLauncher,
          {
            kind,
            ...(siteIds ? { siteIds } : {}),
            ...((region ?? cityRegion) ? { region: region ?? cityRegion } : {}),
            requestedBy: caller.label,
            now: fastify.services.now(),
          },
          caller.reaches,
        );
        return reply.status(202).header('location', `${request.url}/${sweep.id}`).send({ id: sweep.id });
      } catch (error) {
        if (error instanceof QueueLaunchError) throw queueUnavailable(error.message);
        throw error;
      }
    },
  );

  fastify.get(
    '/sweeps/:id',
    {
      config: { access: 'any' },
      schema: {
        summary: '一次检查的进度',
        tags: ['sweeps'],
        params: Type.Object({ id: SweepId }),
        response: { 200: SweepSchema, ...errors(400, 404) },
      },
    },
    async (request) => {
      const caller = principal(request);
      const sweep = await store.sweeps.get(request.params.id);
      if (!sweep) throw notFound(`检查任务 ${request.params.id} `);
      if (caller.role !== 'province' && !(await sweepWithinReach(store, sweep, caller.reaches))) {
        throw notFound(`检查任务 ${request.params.id} `);
      }
      return sweep;
    },
  );
};
