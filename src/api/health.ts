import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';

const HealthSchema = Type.Object({
  status: Type.Enum(['ok', 'unavailable']),
  redis: Type.Boolean(),
  database: Type.Boolean(),
});

/** GET /health, outside /api/v1 and without a token: 200 when Redis and the database both answer, else 503. */
export const health: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/health',
    {
      config: { rateLimit: false },
      schema: {
        summary: '服务健康状况（无需令牌）',
        tags: ['health'],
        security: [],
        response: { 200: HealthSchema, 503: HealthSchema },
      },
    },
    async (_request, reply) => {
      const [redis, database] = await Promise.all([
        fastify.services.queueHealthy(),
        fastify.services.databaseHealthy(),
      ]);
      const ok = redis && database;
      return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', redis, database });
    },
  );
};
