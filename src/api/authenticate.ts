import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Principal, principalOf } from './access.ts';
import { forbidden, unauthorized } from './api-error.ts';
import { bearerToken } from './bearer.ts';

/**
 * The bearer-token hook of the /api/v1 subtree, run before the body is read or validated: 401 for a
 * missing or unknown token, 403 when a province-only route is called with a city token.
 */
export function authenticateRequests(fastify: FastifyInstance): void {
  fastify.decorateRequest('principal', null);
  fastify.addHook('onRequest', async (request: FastifyRequest) => {
    const token = bearerToken(request.headers.authorization);
    if (!token) throw unauthorized();
    const record = await fastify.services.store.tokens.verify(token);
    if (!record) throw unauthorized();
    request.principal = principalOf(record);
    if (request.routeOptions.config.access === 'province' && record.role !== 'province') {
      throw forbidden('此操作仅限省级令牌');
    }
  });
}

/** The caller of a route under the authenticating hook. */
export function principal(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthorized();
  return request.principal;
}
