import type { FastifyRequest } from 'fastify';
import type { TokenRecord } from '../store/store.ts';
import { forbidden, unauthorized } from './api-error.ts';
import { bearerToken } from './bearer.ts';
import { type Principal, principalOf } from './principal.ts';

/**
 * The bearer-token check every /api/v1 route gets (see `accessRules`), run before the body is read
 * or validated: 401 for a missing or unknown token, 403 for a city token on a province-only route.
 */
export async function authenticate(request: FastifyRequest): Promise<void> {
  const record = await verifiedToken(request);
  if (!record) throw unauthorized();
  request.principal = principalOf(record);
  if (request.routeOptions.config.access === 'province' && record.role !== 'province') {
    throw forbidden('此操作仅限省级令牌');
  }
}

const verified = new WeakMap<FastifyRequest, Promise<TokenRecord | undefined>>();

/** The request's token record, or undefined for no token or an unknown one; looked up once per request. */
export function verifiedToken(request: FastifyRequest): Promise<TokenRecord | undefined> {
  let record = verified.get(request);
  if (!record) {
    const token = bearerToken(request.headers.authorization);
    record = token ? request.server.services.store.tokens.verify(token) : Promise.resolve(undefined);
    verified.set(request, record);
  }
  return record;
}

/** The caller of an /api/v1 route. */
export function principal(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthorized();
  return request.principal;
}
