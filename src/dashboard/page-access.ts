import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Principal, principalOf } from '../api/principal.ts';
import type { ResultsStore } from '../store/store.ts';
import { DASHBOARD_PREFIX, loginPath, sessionToken } from './session.ts';

/** Who may open a dashboard page: anyone (sign-in, assets) or a signed-in token. */
export type DashboardAccess = 'public' | 'signed-in';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every dashboard route: the dashboard refuses to start without it. */
    dashboard?: DashboardAccess;
  }
  interface FastifyRequest {
    /** The signed-in token of a dashboard page, set on 'signed-in' routes. */
    viewer: Principal | null;
  }
}

export class MissingDashboardAccessError extends Error {
  override readonly name = 'MissingDashboardAccessError';
}

const ACCESS_VALUES: readonly unknown[] = ['public', 'signed-in'] satisfies DashboardAccess[];

/**
 * Deny by default, as the API does for /api/v1, for every route under /dashboard wherever it is
 * registered (the hook is added to the server the dashboard is registered on): one without
 * `config.dashboard` makes the server fail to start; every 'signed-in' route gets the session check
 * as its first hook.
 */
export function enforcePageAccess(fastify: FastifyInstance, store: ResultsStore): void {
  const requireSession = sessionCheck(store);
  fastify.decorateRequest('viewer', null);
  fastify.addHook('onRoute', (route) => {
    if (route.url !== DASHBOARD_PREFIX && !route.url.startsWith(`${DASHBOARD_PREFIX}/`)) return;
    const access = (route.config as { dashboard?: unknown } | undefined)?.dashboard;
    if (!ACCESS_VALUES.includes(access)) {
      throw new MissingDashboardAccessError(
        `Dashboard route ${String(route.method)} ${route.url} has no access rule: declare config.dashboard ('public' or 'signed-in')`,
      );
    }
    if (access === 'signed-in') {
      const own = route.onRequest ? [route.onRequest].flat() : [];
      route.onRequest = [requireSession, ...own];
    }
  });
}

function sessionCheck(store: ResultsStore) {
  return async function requireSession(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const token = sessionToken(request);
    const record = token ? await store.tokens.verify(token) : undefined;
    if (!record) {
      reply.header('cache-control', 'no-store');
      return reply.redirect(loginPath(request.url), 303);
    }
    request.viewer = principalOf(record);
  };
}

/** The signed-in viewer of a 'signed-in' route. */
export function viewerOf(request: FastifyRequest): Principal {
  if (!request.viewer) throw new Error('viewerOf() called on a route that is not signed-in');
  return request.viewer;
}
