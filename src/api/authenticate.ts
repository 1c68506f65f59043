import type { FastifyRequest } from 'fastify';
import { forbidden, unauthorized } from './api-error.ts';
import { bearerToken } from './bearer.ts';
import { type Principal, principalOf } from './principal.ts';

/**
 * The bearer-token check every /api/v1 route gets (see `accessRules`), run before the body is read
 * or validated: 401 for a missing or unknown token, 403 for a city token on a province-only route.
 */
export async function authenticate(request: FastifyRequest): Promise<void> {
  const token = bearerToken(request.headers.authorization);
  if (!token) throw unauthorized();
  const record = await request.server.services.store.tokens.verify(token);
  if (!record) throw unauthorized();
  request.principal = principalOf(record);
  if (request.routeOptions.config.access === 'province' && record.role !== 'province') {
    throw forbidden('此操作仅限省级令牌');
  }
}

/** The caller of an /api/v1 route. */
export function principal(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthorized();
  return request.principal;
}
