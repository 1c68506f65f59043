import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sessionToken } from './session.ts';
import { errorPage } from './views/error-page.ts';

/** The hidden field every state-changing form of a signed-in page carries. */
export const FORM_TOKEN_FIELD = '_csrf';

/**
 * The form token of a session: a hash of its (HttpOnly, never shown) session token, so no server
 * state is needed, any API process checks it, and a page that shows it reveals nothing of the
 * session. Another site can neither read it nor compute it (the synchronizer-token defence, besides
 * the SameSite=Strict cookie and the Origin check).
 */
export function formToken(session: string): string {
  return createHash('sha256').update(`gov-inspect dashboard form\n${session}`, 'utf8').digest('base64url');
}

/** The hidden input for a signed-in request's forms. */
export function formTokenInput(request: FastifyRequest): string {
  const session = sessionToken(request);
  return session ? `<input type="hidden" name="${FORM_TOKEN_FIELD}" value="${formToken(session)}">` : '';
}

/** A state-changing request of a signed-in page must carry its session's form token. */
export async function requireFormToken(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const session = sessionToken(request);
  const sent = (request.body as Record<string, unknown> | undefined)?.[FORM_TOKEN_FIELD];
  if (session && typeof sent === 'string' && sameText(sent, formToken(session))) return;
  request.log.warn('dashboard form refused: missing or wrong form token');
  return reply
    .status(403)
    .type('text/html; charset=utf-8')
    .send(
      errorPage(
        403,
        '请求被拒绝',
        '表单已过期或不是从本站页面提交的，请返回上一页刷新后重试。',
        request.viewer,
      ),
    );
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
