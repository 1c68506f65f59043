import type { FastifyInstance } from 'fastify';
import type { ResultsStore } from '../../store/store.ts';
import { DASHBOARD_PREFIX, endSession, safeNext, sessionToken, startSession } from '../session.ts';
import { loginPage } from '../views/login.ts';

/** GET/POST /login and POST /logout (their Origin checked, as every form's, by enforcePageAccess). */
export function authRoutes(fastify: FastifyInstance, store: ResultsStore): void {
  fastify.get<{ Querystring: { next?: string } }>(
    '/login',
    { config: { dashboard: 'public' } },
    async (request, reply) => {
      const next = safeNext(request.query.next);
      const token = sessionToken(request);
      if (token && (await store.tokens.verify(token))) return reply.redirect(next, 303);
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(loginPage(next));
    },
  );

  fastify.post<{ Body: { token?: unknown; next?: unknown } }>(
    '/login',
    { config: { dashboard: 'public' } },
    async (request, reply) => {
      const body = request.body ?? {};
      const next = safeNext(body.next);
      const token = typeof body.token === 'string' ? body.token.trim() : '';
      if (!token)
        return reply
          .status(400)
          .type('text/html; charset=utf-8')
          .send(loginPage(next, '请粘贴访问令牌后再登录。'));
      const record = await store.tokens.verify(token);
      if (!record) {
        request.log.info('dashboard sign-in refused: unknown token');
        return reply
          .status(401)
          .type('text/html; charset=utf-8')
          .send(loginPage(next, '令牌无效，请检查后重新粘贴。'));
      }
      request.log.info({ tokenId: record.id }, 'dashboard sign-in');
      startSession(request, reply, token);
      return reply.redirect(next, 303);
    },
  );

  fastify.post('/logout', { config: { dashboard: 'public' } }, async (request, reply) => {
    endSession(request, reply);
    return reply.redirect(`${DASHBOARD_PREFIX}/login`, 303);
  });
}
