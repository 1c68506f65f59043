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
import { overturnLabel, REVIEW_PATH } from '../views/finding-parts.ts';
import { reviewPage } from '../views/review.ts';
import { notFoundPage } from './not-found.ts';

const HTML = 'text/html; charset=utf-8';
const LABELS = { reason: '理由', verdict: '认定结论', period: '季度', findings: '问题' };

/**
 * The province's review queue: GET /review (a period's open and appealed findings by default,
 * filtered by region, rule and state) and POST /review/decisions (the checked findings of one
 * evidence group, decided with one reason through the API's POST /findings/decisions).
 */
export function reviewPageRoutes(fastify: FastifyInstance, options: FindingPagesOptions): void {
  const { store, now } = options;
  const config = { dashboard: 'province' } as const;

  fastify.get<{ Querystring: FilterQuery & { decided?: string; verdict?: string; outcome?: string } }>(
    '/review',
    { config },
    async (request, reply) => {
      const filter = parseFilter(request.query, now());
      if (!filter) return notFoundPage(request, reply);
      return showQueue(request, reply, options, filter, { notice: decidedNotice(request.query) });
    },
  );

  fastify.post<{ Body: FormBody }>('/review/decisions', { config }, async (request, reply) => {
    const body = request.body ?? {};
    const filter = postedFilter(body, now());
    const findings = [body.finding ?? []].flat().map((value) => {
      const [id = '', evidenceDigest] = String(value).split(':');
      return { id, ...(evidenceDigest ? { evidenceDigest } : {}) };
    });
    // Said here in the office's words; the API refuses both too.
    if (findings.length === 0)
      return showQueue(request, reply, options, filter, { alert: '请至少勾选一个问题。' }, 400);
    const reason = formField(body.reason);
    if (!reason) return showQueue(request, reply, options, filter, { alert: '请填写认定理由。' }, 400);
    const verdict = formField(body.verdict);
    const answer = await callApi<{ decisions: unknown[] }>(request, {
      method: 'POST',
      path: '/findings/decisions',
      payload: { findings, verdict, reason, period: filter.period },
    });
    if (!answer.ok) {
      const ids = findings.map((finding) => finding.id);
      const alert = `未能认定：${await refusalMessage(store, answer.error, ids, LABELS)}`;
      return showQueue(request, reply, options, filter, { alert }, answer.status);
    }
    const outcome = formField(body.outcome) === 'review' ? 'review' : 'fail';
    const flash = { decided: String(answer.body.decisions.length), verdict, outcome };
    return reply.redirect(`${REVIEW_PATH}?${filterQuery(filter, flash)}`, 303);
  });
}

function decidedNotice(query: { decided?: string; verdict?: string; outcome?: string }): string | undefined {
  const count = Number(query.decided);
  if (!Number.isInteger(count) || count < 1) return undefined;
  const what =
    query.verdict === 'upheld' ? '维持' : overturnLabel(query.outcome === 'review' ? 'review' : 'fail');
  return `已${what} ${count} 个问题，已记入复核记录。`;
}

async function showQueue(
  request: FastifyRequest,
  reply: FastifyReply,
  options: FindingPagesOptions,
  filter: FindingsFilter,
  notes: { alert?: string | undefined; notice?: string | undefined },
  status = 200,
): Promise<FastifyReply> {
  const viewer = viewerOf(request);
  const listed = await listFindings(request, options.store, filter, options.artifactDir, true);
  const { names, regions } = await siteFacts(options.store, viewer);
  const alert = notes.alert ?? (listed.error ? listed.error.message : undefined);
  const html = reviewPage(
    {
      filter,
      choices: {
        periods: periodChoices(filter, options.now()),
        regions,
        anyState: '待处理（未认定和申诉中）',
      },
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
