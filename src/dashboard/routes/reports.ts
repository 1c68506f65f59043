import type { FastifyInstance } from 'fastify';
import { sessionToken } from '../session.ts';
import { notFoundPage } from './not-found.ts';

const PLANS = { quarterly: /^\d{4}Q[1-4]$/, semiannual: /^\d{4}H[12]$/ } as const;
const FORMATS = new Set(['pdf', 'xlsx', 'csv', 'html']);
const PASSED_HEADERS = ['content-type', 'content-disposition', 'content-length', 'cache-control'];

/**
 * GET /reports/:plan/:period?format=: the period report downloads of /api/v1/reports, fetched for
 * the signed-in token. A browser's link cannot carry the API's bearer header, so the dashboard asks
 * the API on the viewer's behalf, with the viewer's own token: the API decides what it may see.
 */
export function reportRoutes(fastify: FastifyInstance): void {
  fastify.get<{
    Params: { plan: string; period: string };
    Querystring: { format?: string; region?: string };
  }>('/reports/:plan/:period', { config: { dashboard: 'signed-in' } }, async (request, reply) => {
    const { plan, period } = request.params;
    const format = request.query.format ?? 'pdf';
    const pattern = PLANS[plan as keyof typeof PLANS];
    const region = request.query.region;
    if (
      !pattern?.test(period) ||
      !FORMATS.has(format) ||
      (region !== undefined && !/^\d{4}(\d{2})?$/.test(region))
    ) {
      return notFoundPage(request, reply);
    }
    const answer = await fastify.inject({
      method: 'GET',
      url: `/api/v1/reports/${plan}/${period}?format=${format}${region ? `&region=${region}` : ''}`,
      headers: { authorization: `Bearer ${sessionToken(request)}` },
    });
    if (answer.statusCode === 404) return notFoundPage(request, reply);
    reply.status(answer.statusCode);
    for (const name of PASSED_HEADERS) {
      const value = answer.headers[name];
      if (value !== undefined) reply.header(name, value);
    }
    return reply.send(answer.rawPayload);
  });
}
