import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { changesState } from '../api/access.ts';
import { type Principal, principalOf } from '../api/principal.ts';
import type { ResultsStore } from '../store/store.ts';
import { requireFormToken } from './form-token.ts';
import { requireSameOrigin } from './same-origin.ts';
import { DASHBOARD_PREFIX, loginPath, sessionToken } from './session.ts';
import { errorPage } from './views/error-page.ts';

/** Who may open a dashboard page: anyone (sign-in, assets), a signed-in token, or a province token only. */
export type DashboardAccess = 'public' | 'signed-in' | 'province';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every dashboard route: the dashboard refuses to start without it. */
    dashboard?: DashboardAccess;
  }
  interface FastifyRequest {
    /** The signed-in token of a dashboard page, set on 'signed-in' and 'province' routes. */
    viewer: Principal | null;
  }
}

export class MissingDashboardAccessError extends Error {
  override readonly name = 'MissingDashboardAccessError';
}

const ACCESS_VALUES: readonly unknown[] = ['public', 'signed-in', 'province'] satisfies DashboardAccess[];

/**
 * Deny by default, as the API does for /api/v1, for every route under /dashboard wherever it is
 * registered (the hook is added to the server the dashboard is registered on): one without
 * `config.dashboard` makes the server fail to start; every 'signed-in' and 'province' route gets the
 * session check as its first hook (and 'province' the role check after it); and every route that
 * changes state gets the CSRF defences: its Origin checked before the body is read, and, once
 * signed in, its session's form token checked before the handler.
 */
export function enforcePageAccess(fastify: FastifyInstance, store: ResultsStore): void {
  const requireSession = sessionCheck(store);
  fastify.decorateRequest('viewer', null);
  fastify.addHook('onRoute', (route) => {
    if (route.url !== DASHBOARD_PREFIX && !route.url.startsWith(`${DASHBOARD_PREFIX}/`)) return;
    const access = (route.config as { dashboard?: unknown } | undefined)?.dashboard;
    if (!ACCESS_VALUES.includes(access)) {
      throw new MissingDashboardAccessError(
        `Dashboard route ${String(route.method)} ${route.url} has no access rule: declare config.dashboard ('public', 'signed-in' or 'province')`,
      );
    }
    const signedIn = access !== 'public';
    const writes = changesState(route.method);
    const guards = [
      ...(signedIn ? [requireSession] : []),
      ...(access === 'province' ? [requireProvince] : []),
      ...(writes ? [requireSameOrigin] : []),
    ];
    route.onRequest = [...guards, ...(route.onRequest ? [route.onRequest].flat() : [])];
    if (writes && signedIn) {
      route.preHandler = [requireFormToken, ...(route.preHandler ? [route.preHandler].flat() : [])];
    }
  });
}

function sessionCheck(store: ResultsStore) {
  return async function requireSession(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const token = sessionToken(request);
    const record = token ? await store.tokens.verify(token) : undefined;
    if (!record) {
      reply.header('cache-control', 'no-store');
      // A form posted after the session ended goes back to the page it came from, not to its action.
      return reply.redirect(loginPath(changesState(request.method) ? undefined : request.url), 303);
    }
    request.viewer = principalOf(record);
  };
}

async function requireProvince(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.viewer?.role === 'province') return;
  return reply
    .status(403)
    .type('text/html; charset=utf-8')
    .send(errorPage(403, '无权访问', '此页面仅限省级令牌使用。', request.viewer));
}

/** The signed-in viewer of a 'signed-in' or 'province' route. */
export function viewerOf(request: FastifyRequest): Principal {
  if (!request.viewer) throw new Error('viewerOf() called on a route that is not signed-in');
  return request.viewer;
}
