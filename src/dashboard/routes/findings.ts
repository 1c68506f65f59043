import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { callApi } from '../api-call.ts';
import {
  type FilterQuery,
  type FindingPagesOptions,
  type FindingsFilter,
  type FormBody,
  filterQuery,
  formField,
  listFindings,
  parseFilter,
  periodChoices,
  postedFilter,
  refusalMessage,
  siteFacts,
} from '../findings-data.ts';
import { formTokenInput } from '../form-token.ts';
import { viewerOf } from '../page-access.ts';
import { FINDINGS_PATH, findingAnchor } from '../views/finding-parts.ts';
import { findingsPage } from '../views/findings.ts';
import { notFoundPage } from './not-found.ts';

const HTML = 'text/html; charset=utf-8';
const LABELS = { reason: '申诉理由', id: '问题', evidenceDigest: '证据', period: '季度' };

/**
 * A city office's findings (本地区问题): GET /findings (its region's findings of a period, with their
 * histories) and POST /findings/:id/appeals (an appeal with a reason, through the API's route of that
 * name, which decides who may appeal what).
 */
export function findingPageRoutes(fastify: FastifyInstance, options: FindingPagesOptions): void {
  const { store, now } = options;
  const config = { dashboard: 'signed-in' } as const;

  fastify.get<{ Querystring: FilterQuery & { appealed?: string } }>(
    '/findings',
    { config },
    async (request, reply) => {
      const filter = parseFilter(request.query, now());
      if (!filter) return notFoundPage(request, reply);
      const notice = request.query.appealed === '1' ? '申诉已提交，等待省级复核。' : undefined;
      return showFindings(request, reply, options, filter, { notice });
    },
  );

  fastify.post<{ Params: { id: string }; Body: FormBody }>(
    '/findings/:id/appeals',
    { config },
    async (request, reply) => {
      const body = request.body ?? {};
      const filter = postedFilter(body, now());
      const { id } = request.params;
      const reason = formField(body.reason);
      // Said here in the office's words; the API refuses it too.
      if (!reason) return showFindings(request, reply, options, filter, { alert: '请填写申诉理由。' }, 400);
      const evidenceDigest = formField(body.evidenceDigest);
      const answer = await callApi(request, {
        method: 'POST',
        path: `/findings/${encodeURIComponent(id)}/appeals`,
        payload: {
          reason,
          period: filter.period,
          ...(evidenceDigest ? { evidenceDigest } : {}),
        },
      });
      if (!answer.ok) {
        const alert = `未能提交申诉：${await refusalMessage(store, answer.error, [], LABELS)}`;
        return showFindings(request, reply, options, filter, { alert }, answer.status);
      }
      const back = `${FINDINGS_PATH}?${filterQuery(filter, { appealed: '1' })}#${findingAnchor(id)}`;
      return reply.redirect(back, 303);
    },
  );
}

async function showFindings(
  request: FastifyRequest,
  reply: FastifyReply,
  options: FindingPagesOptions,
  filter: FindingsFilter,
  notes: { alert?: string | undefined; notice?: string | undefined },
  status = 200,
): Promise<FastifyReply> {
  const viewer = viewerOf(request);
  const listed = await listFindings(request, options.store, filter, options.artifactDir);
  const { names, regions } = await siteFacts(options.store, viewer);
  const alert = notes.alert ?? (listed.error ? listed.error.message : undefined);
  const html = findingsPage(
    {
      filter,
      choices: { periods: periodChoices(filter, options.now()), regions, anyState: '全部状态' },
      findings: listed.findings,
      history: listed.history,
      screenshots: listed.screenshots,
      names,
      csrf: formTokenInput(request),
      ...(alert ? { alert } : {}),
      ...(notes.notice ? { notice: notes.notice } : {}),
    },
    viewer,
  );
  return reply.status(status).type(HTML).header('cache-control', 'no-store').send(html);
}
