import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorPage } from './views/error-page.ts';

/**
 * CSRF protection for the dashboard's forms, besides the SameSite=Strict cookie: a POST must come
 * from a page of this server, as its Origin (or, for browsers that omit it, its Referer) shows.
 * A request with neither is refused too.
 */
export async function requireSameOrigin(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const source = request.headers.origin ?? request.headers.referer;
  if (typeof source === 'string' && URL.canParse(source)) {
    const from = new URL(source);
    // The server's own host read with the source's scheme, so that default ports compare equal.
    const own = `${from.protocol}//${request.host}`;
    if (URL.canParse(own) && new URL(own).host === from.host) return;
  }
  request.log.warn({ origin: source ?? null }, 'dashboard form refused: not from this site');
  return reply
    .status(403)
    .type('text/html; charset=utf-8')
    .send(errorPage(403, '请求被拒绝', '表单必须从本站页面提交。请返回登录页重试。', null));
}
