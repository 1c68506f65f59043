import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ResultsStore } from '../../store/store.ts';
import { callApi, formMessage } from '../api-call.ts';
import { formTokenInput } from '../form-token.ts';
import { viewerOf } from '../page-access.ts';
import { DASHBOARD_PREFIX } from '../session.ts';
import { type EntryDraft, type ExceptionDraft, wordingPage } from '../views/wording.ts';

const HTML = 'text/html; charset=utf-8';
const NO_ENTRY: EntryDraft = { wrong: '', correct: '', category: 'division', grade: '一般' };
const NO_EXCEPTION: ExceptionDraft = { siteId: '', text: '', reason: '' };
const LABELS = {
  wrong: '错误表述',
  correct: '正确表述',
  category: '类别',
  grade: '等级',
  text: '例外表述',
  reason: '理由',
};
const NOTICES: Record<string, string> = {
  'entry-added': '词条已增补，下一次检查起使用。',
  'entry-deleted': '词条已删除。',
  'exception-added': '例外已登记，下一次检查起生效。',
  'exception-deleted': '例外已删除。',
};

type FormBody = Record<string, string | string[] | undefined>;
const text = (value: FormBody[string]) => String([value].flat()[0] ?? '').trim();
const back = (done: string) => `${DASHBOARD_PREFIX}/wording?done=${done}`;

interface Drafts {
  entry?: EntryDraft;
  exception?: ExceptionDraft;
}

/**
 * GET /wording (错敏字词典); POST /wording/entries and /wording/entries/:id/delete (province);
 * POST /wording/exceptions and /wording/exceptions/:siteId/:id/delete (any office, for its own
 * sites). Writes go through the API's /wording and /sites/:id/wording-exceptions routes with the
 * viewer's token; the page reads the store, within the viewer's reach.
 */
export function wordingPageRoutes(fastify: FastifyInstance, store: ResultsStore): void {
  const signedIn = { dashboard: 'signed-in' } as const;
  const province = { dashboard: 'province' } as const;

  fastify.get<{ Querystring: { done?: string } }>(
    '/wording',
    { config: signedIn },
    async (request, reply) => {
      const notice = Object.hasOwn(NOTICES, request.query.done ?? '')
        ? NOTICES[request.query.done!]
        : undefined;
      return show(store, request, reply, {}, notice ? { notice } : {});
    },
  );

  fastify.post<{ Body: FormBody }>('/wording/entries', { config: province }, async (request, reply) => {
    const body = request.body ?? {};
    const entry: EntryDraft = {
      wrong: text(body.wrong),
      correct: text(body.correct),
      category: text(body.category),
      grade: text(body.grade),
    };
    const answer = await callApi(request, { method: 'POST', path: '/wording/entries', payload: entry });
    if (!answer.ok)
      return show(
        store,
        request,
        reply,
        { entry },
        { alert: formMessage(answer.error, LABELS) },
        answer.status,
      );
    return reply.redirect(back('entry-added'), 303);
  });

  fastify.post<{ Params: { id: string } }>(
    '/wording/entries/:id/delete',
    { config: province },
    async (request, reply) => {
      const path = `/wording/entries/${encodeURIComponent(request.params.id)}`;
      const answer = await callApi(request, { method: 'DELETE', path });
      if (!answer.ok) return show(store, request, reply, {}, { alert: answer.error.message }, answer.status);
      return reply.redirect(back('entry-deleted'), 303);
    },
  );

  fastify.post<{ Body: FormBody }>('/wording/exceptions', { config: signedIn }, async (request, reply) => {
    const body = request.body ?? {};
    const exception: ExceptionDraft = {
      siteId: text(body.siteId),
      text: text(body.text),
      reason: text(body.reason),
    };
    const answer = await callApi(request, {
      method: 'POST',
      path: `/sites/${encodeURIComponent(exception.siteId)}/wording-exceptions`,
      payload: { text: exception.text, reason: exception.reason },
    });
    if (!answer.ok)
      return show(
        store,
        request,
        reply,
        { exception },
        { alert: formMessage(answer.error, LABELS) },
        answer.status,
      );
    return reply.redirect(back('exception-added'), 303);
  });

  fastify.post<{ Params: { siteId: string; id: string } }>(
    '/wording/exceptions/:siteId/:id/delete',
    { config: signedIn },
    async (request, reply) => {
      const { siteId, id } = request.params;
      const path = `/sites/${encodeURIComponent(siteId)}/wording-exceptions/${encodeURIComponent(id)}`;
      const answer = await callApi(request, { method: 'DELETE', path });
      if (!answer.ok) return show(store, request, reply, {}, { alert: answer.error.message }, answer.status);
      return reply.redirect(back('exception-deleted'), 303);
    },
  );
}

async function show(
  store: ResultsStore,
  request: FastifyRequest,
  reply: FastifyReply,
  drafts: Drafts,
  notes: { alert?: string; notice?: string },
  status = 200,
): Promise<FastifyReply> {
  const viewer = viewerOf(request);
  const sites = (await store.sites.list()).filter(viewer.reaches);
  const [entries, exceptions] = await Promise.all([
    store.wording.entries(),
    store.wording.exceptions(sites.map((site) => site.id)),
  ]);
  const input = {
    entries,
    exceptions,
    sites,
    entryDraft: drafts.entry ?? NO_ENTRY,
    exceptionDraft: drafts.exception ?? NO_EXCEPTION,
    csrf: formTokenInput(request),
    ...notes,
  };
  return reply.status(status).type(HTML).header('cache-control', 'no-store').send(wordingPage(input, viewer));
}
