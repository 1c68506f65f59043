import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
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

/**
 * Deny by default, for every route under /api/v1 wherever it is registered: one without
 * `config.access` (or with an unknown value) makes the server fail to start, and each one gets the
 * bearer-token check as a route hook, so no /api/v1 route can exist without authentication. The
 * check is appended after the rate limiter's hook, so that failed attempts are rate limited too.
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
    });
  },
  { name: 'gov-inspector-access-rules' },
);
