import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { regionContains } from '../../access/region.ts';
import type { AdjudicatedSiteResult } from '../../adjudication/adjudicated-view.ts';
import { sumCounts } from '../../period-reports/adjudicated-period.ts';
import type { NoticeKind, NoticeVersion } from '../../store/notices-repository.ts';
import { halfYearOf, quarterOf } from '../../sweep/period.ts';
import { callApi, formMessage } from '../api-call.ts';
import { formTokenInput } from '../form-token.ts';
import { viewerOf } from '../page-access.ts';
import { DASHBOARD_PREFIX, sessionToken } from '../session.ts';
import { errorPage } from '../views/error-page.ts';
import { choiceQuery, type LiveNotice, type NoticeChoice, noticesPage } from '../views/notices.ts';
import { notFoundPage } from './not-found.ts';

const HTML = 'text/html; charset=utf-8';
const PERIODS: Record<NoticeKind, RegExp> = { quarterly: /^\d{4}Q[1-4]$/, semiannual: /^\d{4}H[12]$/ };
const FORMATS = new Set(['html', 'pdf', 'xlsx', 'csv', 'json']);
const PASSED_HEADERS = [
  'content-type',
  'content-disposition',
  'content-length',
  'cache-control',
  'content-security-policy',
  'x-content-sha256',
  'x-notice-version',
  'x-notice-finalised-at',
];
const LABELS = { region: '地区', period: '期间' };

type Fields = Record<string, string | string[] | undefined>;
const text = (value: Fields[string]) => String([value].flat()[0] ?? '').trim();

/**
 * GET /notices (the period notice with its counts and versions), POST /notices/finalise (定稿, the
 * province) and GET /notices/:kind/:period/versions/:version (a version's download), through the API's
 * /reports routes with the viewer's token: the API decides what the viewer may see and do.
 */
export function noticePageRoutes(fastify: FastifyInstance, now: () => Date): void {
  fastify.get<{ Querystring: Fields }>(
    '/notices',
    { config: { dashboard: 'signed-in' } },
    async (request, reply) => {
      const choice = choiceOf(request, request.query, now());
      if (!choice) return notFoundPage(request, reply);
      const done = text(request.query.finalised);
      const notes = /^\d+$/.test(done)
        ? {
            notice:
              text(request.query.created) === '1'
                ? `已定稿：第 ${done} 版。`
                : `内容与第 ${done} 版相同，未生成新版本。`,
          }
        : {};
      return showNotice(request, reply, choice, notes);
    },
  );

  fastify.post<{ Body: Fields }>(
    '/notices/finalise',
    { config: { dashboard: 'province' } },
    async (request, reply) => {
      const body = request.body ?? {};
      // The form names its notice; a post that does not is refused, never defaulted to this period.
      const named = Object.hasOwn(PERIODS, text(body.kind)) && text(body.period) !== '';
      const choice = named ? choiceOf(request, body, now()) : undefined;
      if (!choice)
        return reply
          .status(400)
          .type(HTML)
          .send(
            errorPage(
              400,
              '无法定稿',
              '定稿表单缺少或写错了通报类型、期间，请从通报页面重新提交。',
              request.viewer,
            ),
          );
      const answer = await callApi<NoticeVersion>(request, {
        method: 'POST',
        path: `/reports/${choice.kind}/${encodeURIComponent(choice.period)}/finalise`,
        payload: choice.region === null ? {} : { region: choice.region },
      });
      if (!answer.ok)
        return showNotice(
          request,
          reply,
          choice,
          { alert: formMessage(answer.error, LABELS) },
          answer.status,
        );
      const created = answer.status === 201 ? '1' : '0';
      return reply.redirect(
        `${DASHBOARD_PREFIX}/notices?${choiceQuery(choice)}&finalised=${answer.body.version}&created=${created}`,
        303,
      );
    },
  );

  fastify.get<{ Params: { kind: string; period: string; version: string }; Querystring: Fields }>(
    '/notices/:kind/:period/versions/:version',
    { config: { dashboard: 'signed-in' } },
    async (request, reply) => {
      const { kind, period, version } = request.params;
      const format = text(request.query.format) || 'html';
      const region = text(request.query.region);
      const pattern = PERIODS[kind as NoticeKind];
      if (
        !pattern?.test(period) ||
        !/^\d{1,6}$/.test(version) ||
        !FORMATS.has(format) ||
        !/^(\d{6})?$/.test(region)
      )
        return notFoundPage(request, reply);
      const answer = await fastify.inject({
        method: 'GET',
        url: `/api/v1/reports/${kind}/${period}/versions/${version}?format=${format}${region ? `&region=${region}` : ''}`,
        headers: { authorization: `Bearer ${sessionToken(request)}` },
      });
      if (answer.statusCode === 404) return notFoundPage(request, reply);
      reply.status(answer.statusCode);
      for (const name of PASSED_HEADERS) {
        const value = answer.headers[name];
        if (value !== undefined) reply.header(name, value);
      }
      return reply.send(answer.rawPayload);
    },
  );
}

/** The notice asked for: kind, period (default the current one) and, for the province, a region. */
function choiceOf(request: FastifyRequest, fields: Fields, today: Date): NoticeChoice | undefined {
  const viewer = viewerOf(request);
  const kind: NoticeKind = text(fields.kind) === 'semiannual' ? 'semiannual' : 'quarterly';
  const period = text(fields.period) || (kind === 'quarterly' ? quarterOf(today) : halfYearOf(today));
  if (!PERIODS[kind].test(period)) return undefined;
  const asked = text(fields.region);
  if (viewer.role !== 'province') return { kind, period, region: viewer.region };
  if (asked !== '' && !/^\d{6}$/.test(asked)) return undefined;
  return { kind, period, region: asked === '' || asked.endsWith('0000') ? null : asked };
}

async function showNotice(
  request: FastifyRequest,
  reply: FastifyReply,
  choice: NoticeChoice,
  notes: { alert?: string; notice?: string },
  status = 200,
): Promise<FastifyReply> {
  const scope = choice.region && viewerOf(request).role === 'province' ? `?region=${choice.region}` : '';
  const [results, versions] = await Promise.all([
    callApi<{ sites: (AdjudicatedSiteResult & { region: string })[] }>(request, {
      method: 'GET',
      path: `/results/${choice.kind}/${choice.period}`,
    }),
    callApi<{ versions: NoticeVersion[] }>(request, {
      method: 'GET',
      path: `/reports/${choice.kind}/${choice.period}/versions${scope}`,
    }),
  ]);
  const sites = results.ok
    ? results.body.sites.filter(
        (site) => choice.region === null || regionContains(choice.region, site.region),
      )
    : [];
  const alert = notes.alert ?? (versions.ok ? undefined : versions.error.message);
  return reply
    .status(status)
    .type(HTML)
    .header('cache-control', 'no-store')
    .send(
      noticesPage(
        {
          choice,
          live: liveNotice(sites),
          versions: versions.ok ? versions.body.versions : [],
          csrf: formTokenInput(request),
          ...notes,
          ...(alert ? { alert } : {}),
        },
        viewerOf(request),
      ),
    );
}

function liveNotice(sites: readonly AdjudicatedSiteResult[]): LiveNotice {
  const average = (scores: number[]) =>
    scores.length === 0 ? null : Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100;
  return {
    sites: sites.length,
    averageScore: average(sites.map((site) => site.adjudicated.score)),
    automatedAverageScore: average(sites.map((site) => site.score)),
    unqualified: sites.filter((site) => site.adjudicated.qualified === false).length,
    automatedUnqualified: sites.filter((site) => site.qualified === false).length,
    counts: sumCounts(sites.map((site) => site.adjudicated.counts)),
  };
}
