import type { FastifyPluginAsync, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError } from './api-error.ts';
import { authenticate } from './authenticate.ts';

/** Who may call a route: province tokens only, or any valid token (city tokens within their region). */
export type Access = 'province' | 'any';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every route under /api/v1: the server refuses to start without it. */
    access?: Access;
  }
}

export const API_PREFIX = '/api/v1';

export class MissingAccessRuleError extends Error {
  override readonly name = 'MissingAccessRuleError';
}

const ACCESS_VALUES: readonly unknown[] = ['province', 'any'] satisfies Access[];
const READ_METHODS = new Set(['GET', 'HEAD']);

/** Does the route change state (any method but GET and HEAD)? */
export function changesState(method: RouteOptions['method']): boolean {
  return [method].flat().some((m) => !READ_METHODS.has(String(m).toUpperCase()));
}

/** A write route that declares no body takes none: a body sent to it is refused, never ignored. */
async function refuseBody(request: FastifyRequest): Promise<void> {
  if (request.body !== undefined)
    throw new ApiError(400, 'invalid-request', 'body：此接口不接受请求体', { location: 'body' });
}

/**
 * Deny by default, for every route under /api/v1 wherever it is registered: one without
 * `config.access` (or with an unknown value) makes the server fail to start, and each one gets the
 * bearer-token check as a route hook, so no /api/v1 route can exist without authentication. The
 * check is appended after the rate limiter's hook, so that failed attempts are rate limited too. A
 * write route without a body schema refuses any body (400) before its handler.
 */
export const accessRules: FastifyPluginAsync = fp(
  async (fastify) => {
    fastify.decorateRequest('principal', null);
    fastify.addHook('onRoute', (route) => {
      if (route.url !== API_PREFIX && !route.url.startsWith(`${API_PREFIX}/`)) return;
      const access = (route.config as { access?: unknown } | undefined)?.access;
      if (!ACCESS_VALUES.includes(access)) {
        throw new MissingAccessRuleError(
          `Route ${String(route.method)} ${route.url} has no access rule: declare config.access ('province' or 'any')`,
        );
      }
      const own = route.onRequest ? [route.onRequest].flat() : [];
      route.onRequest = [...own, authenticate];
      if (changesState(route.method) && route.schema?.body === undefined)
        route.preValidation = [refuseBody, ...(route.preValidation ? [route.preValidation].flat() : [])];
    });
  },
  { name: 'gov-inspector-access-rules' },
);
