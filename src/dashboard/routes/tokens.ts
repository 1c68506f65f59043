import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TokenRecord } from '../../store/store.ts';
import { callApi, formMessage } from '../api-call.ts';
import { formTokenInput } from '../form-token.ts';
import { viewerOf } from '../page-access.ts';
import { DASHBOARD_PREFIX } from '../session.ts';
import { type TokenDraft, tokenCreatedPage, tokensPage } from '../views/tokens.ts';

const HTML = 'text/html; charset=utf-8';
const EMPTY: TokenDraft = { role: 'city', region: '', name: '' };
const LABELS = { role: '角色', region: '辖区', name: '名称' };

type FormBody = Record<string, string | string[] | undefined>;
const text = (value: FormBody[string]) => String([value].flat()[0] ?? '').trim();

/**
 * GET /tokens, POST /tokens (the new token shown once) and POST /tokens/:id/revoke, through the
 * API's /tokens routes with the viewer's token.
 */
export function tokenPageRoutes(fastify: FastifyInstance): void {
  const config = { dashboard: 'province' } as const;

  fastify.get<{ Querystring: { revoked?: string } }>('/tokens', { config }, async (request, reply) =>
    showTokens(request, reply, EMPTY, request.query.revoked === '1' ? { notice: '令牌已吊销。' } : {}),
  );

  fastify.post<{ Body: FormBody }>('/tokens', { config }, async (request, reply) => {
    const body = request.body ?? {};
    const draft: TokenDraft = {
      role: text(body.role) === 'province' ? 'province' : 'city',
      region: text(body.region),
      name: text(body.name),
    };
    const payload = {
      role: draft.role,
      ...(draft.role === 'city' || draft.region ? { region: draft.region } : {}),
      ...(draft.name ? { name: draft.name } : {}),
    };
    const answer = await callApi<TokenRecord & { token: string }>(request, {
      method: 'POST',
      path: '/tokens',
      payload,
    });
    if (!answer.ok)
      return showTokens(request, reply, draft, { alert: formMessage(answer.error, LABELS) }, answer.status);
    return reply
      .type(HTML)
      .header('cache-control', 'no-store')
      .send(tokenCreatedPage(answer.body, viewerOf(request)));
  });

  fastify.post<{ Params: { id: string } }>('/tokens/:id/revoke', { config }, async (request, reply) => {
    const answer = await callApi(request, {
      method: 'DELETE',
      path: `/tokens/${encodeURIComponent(request.params.id)}`,
    });
    if (!answer.ok) return showTokens(request, reply, EMPTY, { alert: answer.error.message }, answer.status);
    return reply.redirect(`${DASHBOARD_PREFIX}/tokens?revoked=1`, 303);
  });
}

async function showTokens(
  request: FastifyRequest,
  reply: FastifyReply,
  draft: TokenDraft,
  notes: { alert?: string; notice?: string },
  status = 200,
): Promise<FastifyReply> {
  const listed = await callApi<{ tokens: TokenRecord[] }>(request, { method: 'GET', path: '/tokens' });
  const tokens = listed.ok ? listed.body.tokens : [];
  return reply
    .status(status)
    .type(HTML)
    .header('cache-control', 'no-store')
    .send(tokensPage({ tokens, draft, csrf: formTokenInput(request), ...notes }, viewerOf(request)));
}
