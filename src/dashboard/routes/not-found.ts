import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorPage, NOT_FOUND_MESSAGE } from '../views/error-page.ts';

/** The 404 page: the same for a page that does not exist and one outside the token's reach. */
export function notFoundPage(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply
    .status(404)
    .type('text/html; charset=utf-8')
    .send(errorPage(404, '页面不存在', NOT_FOUND_MESSAGE, request.viewer));
}
