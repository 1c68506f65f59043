import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { PdfRendererBusyError } from '../../reports/period/notice-pdf.ts';
import { noticeFileStem } from '../../reports/period/notice-text.ts';
import { regionContains, regionPrefix } from '../access/region.ts';
import { divisionCode } from '../access/region-names.ts';
import { ApiError, forbidden } from '../api/api-error.ts';
import { principal } from '../api/authenticate.ts';
import { errors, RegionCode } from '../api/schemas.ts';
import { loadPeriodReport } from './load-period-report.ts';
import type { PeriodKind } from './notice-model.ts';
import { contentDisposition, REPORT_FORMATS, type ReportFormat, renderReport } from './report-formats.ts';
import { noticeVersionRoutes } from './version-routes.ts';

const PLANS: readonly { kind: PeriodKind; pattern: string; example: string; summary: string }[] = [
  { kind: 'quarterly', pattern: '^\\d{4}Q[1-4]$', example: '2026Q4', summary: '季度巡查情况通报' },
  { kind: 'semiannual', pattern: '^\\d{4}H[12]$', example: '2026H2', summary: '半年检查情况通报' },
];

/** The notice's own page policy: its inline stylesheet, nothing else. */
const HTML_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const Query = Type.Object(
  {
    format: Type.Optional(Type.Enum([...REPORT_FORMATS], { default: 'html', description: '文件格式' })),
    region: Type.Optional({
      ...RegionCode,
      description: '地区（行政区划代码）；不填：省级令牌为全省，市级令牌为本地区',
    }),
  },
  { additionalProperties: false },
);

/**
 * The region a notice covers: the one asked for, else a city token's own; null for the whole province.
 * A city token asking for a region outside its own is refused.
 */
export function noticeRegion(request: FastifyRequest, asked: string | undefined): string | null {
  const caller = principal(request);
  const region = asked === undefined ? caller.region : divisionCode(asked);
  if (
    caller.role === 'city' &&
    (region === null || caller.region === null || !regionContains(caller.region, region))
  )
    throw forbidden('此令牌只能查看本地区的通报');
  return region === null || regionPrefix(region).length <= 2 ? null : region;
}

/**
 * GET /reports/quarterly/:period and /reports/semiannual/:period: the period's notice (通报) as HTML,
 * PDF, XLSX or CSV, for the whole province or one region. Relies only on `request.principal`, set by
 * the access-rule hook, so any way that hook learns the token serves these routes too. Beside them, the
 * finalised versions (定稿) of each kind.
 */
export const periodReportRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  for (const plan of PLANS) {
    await fastify.register(noticeVersionRoutes, { ...plan, regionOf: noticeRegion });
    fastify.get(
      `/reports/${plan.kind}/:period`,
      {
        config: { access: 'any' },
        schema: {
          summary: plan.summary,
          description: '通报文件（HTML、PDF、XLSX 或 CSV），以 Content-Disposition 给出中文文件名。',
          tags: ['reports'],
          params: Type.Object({ period: Type.String({ pattern: plan.pattern, examples: [plan.example] }) }),
          querystring: Query,
          response: { 200: Type.Unknown({ description: '通报文件（二进制或文本）' }), ...errors(400, 403) },
        },
      },
      async (request, reply) => {
        const { period } = request.params as { period: string };
        const query = request.query as { format?: ReportFormat; region?: string };
        const format = query.format ?? 'html';
        const region = noticeRegion(request, query.region);
        const model = await loadPeriodReport(fastify.services.store, {
          kind: plan.kind,
          period,
          ...(region === null ? {} : { region }),
          reach: principal(request).reaches,
          now: fastify.services.now(),
        });
        const rendered = await renderReport(model, format).catch((error: unknown) => {
          if (error instanceof PdfRendererBusyError) throw new ApiError(503, 'renderer-busy', error.message);
          throw error;
        });
        const ascii = `${plan.kind}-report-${period}${region === null ? '' : `-${region}`}`;
        if (format === 'html') reply.header('content-security-policy', HTML_CSP);
        return reply
          .header('content-type', rendered.contentType)
          .header('content-disposition', contentDisposition(format, noticeFileStem(model), ascii))
          .header('cache-control', 'private, no-store')
          .send(rendered.body);
      },
    );
  }
};
