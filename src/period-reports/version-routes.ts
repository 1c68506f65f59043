import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PdfRendererBusyError, renderNoticePdf } from '../../reports/period/notice-pdf.ts';
import { noticeFileStem } from '../../reports/period/notice-text.ts';
import { ApiError, notFound } from '../api/api-error.ts';
import { principal } from '../api/authenticate.ts';
import { AdjudicationCountsSchema } from '../api/findings-schemas.ts';
import { errors, RegionCode } from '../api/schemas.ts';
import type { StoredNotice } from '../store/notices-repository.ts';
import { finaliseNotice, NothingToFinaliseError, storedNotice } from './finalise-notice.ts';
import type { PeriodKind } from './notice-model.ts';
import { contentDisposition, REPORT_FORMATS } from './report-formats.ts';

/** The header that carries a finalised version's content hash: sha256 (hex) of its `format=json` body. */
export const CONTENT_HASH_HEADER = 'x-content-sha256';

const VERSION_FORMATS = [...REPORT_FORMATS, 'json'] as const;
type VersionFormat = (typeof VERSION_FORMATS)[number];

const Region = {
  ...RegionCode,
  description: '地区（行政区划代码）；不填：省级令牌为全省，市级令牌为本地区',
};

export const NoticeVersionSchema = Type.Object({
  kind: Type.Enum(['quarterly', 'semiannual']),
  period: Type.String(),
  region: Type.Union([Type.String(), Type.Null()], { description: '地区（6 位行政区划代码），全省为 null' }),
  version: Type.Integer({ minimum: 1, description: '定稿版本号' }),
  finalisedAt: Type.String({ description: '定稿时间（ISO）' }),
  finalisedBy: Type.String({ description: '定稿的令牌名称' }),
  contentHash: Type.String({ description: '内容校验码：format=json 返回内容的 SHA-256（十六进制）' }),
  counts: AdjudicationCountsSchema,
});

const TYPES: Record<VersionFormat, string> = {
  html: 'text/html; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  json: 'application/json; charset=utf-8',
};

/** The notice's own page policy: its inline stylesheet, nothing else. */
const HTML_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export interface VersionRoutesOptions {
  kind: PeriodKind;
  pattern: string;
  example: string;
  /** The region a caller's notice covers (city tokens: only within their own), null for the province. */
  regionOf(request: Parameters<typeof principal>[0], asked: string | undefined): string | null;
}

/**
 * Finalised notices (定稿) of one kind: POST …/finalise (province) stores the notice as it stands as
 * the next version; GET …/versions lists them; GET …/versions/:version serves one exactly as it was
 * finalised, with its content hash in a header.
 */
export const noticeVersionRoutes: FastifyPluginAsyncTypebox<VersionRoutesOptions> = async (fastify, plan) => {
  const { store } = fastify.services;
  const base = `/reports/${plan.kind}/:period`;
  const Params = Type.Object({ period: Type.String({ pattern: plan.pattern, examples: [plan.example] }) });
  const word = plan.kind === 'quarterly' ? '季度' : '半年';

  fastify.post(
    `${base}/finalise`,
    {
      config: { access: 'province' },
      schema: {
        summary: `${word}通报定稿`,
        description:
          '把该期通报按当前的复核、申诉和核减结果定稿，保存为新的版本，此后原样提供；内容与上一版相同时返回上一版（200），不重复保存。',
        tags: ['reports'],
        params: Params,
        body: Type.Object({ region: Type.Optional(Region) }, { additionalProperties: false }),
        response: {
          201: NoticeVersionSchema,
          200: NoticeVersionSchema,
          ...errors(400, 403, 409),
        },
      },
    },
    async (request, reply) => {
      const { period } = request.params as { period: string };
      const region = plan.regionOf(request, (request.body as { region?: string } | undefined)?.region);
      const answer = await finaliseNotice(store, {
        kind: plan.kind,
        period,
        region,
        by: principal(request).name,
        at: fastify.services.now(),
      }).catch((error: unknown) => {
        if (error instanceof NothingToFinaliseError) throw new ApiError(409, 'no-sites', error.message);
        throw error;
      });
      return reply.status(answer.created ? 201 : 200).send(answer.version);
    },
  );

  fastify.get(
    `${base}/versions`,
    {
      config: { access: 'any' },
      schema: {
        summary: `${word}通报的定稿版本`,
        tags: ['reports'],
        params: Params,
        querystring: Type.Object({ region: Type.Optional(Region) }, { additionalProperties: false }),
        response: { 200: Type.Object({ versions: Type.Array(NoticeVersionSchema) }), ...errors(400, 403) },
      },
    },
    async (request) => {
      const { period } = request.params as { period: string };
      const region = plan.regionOf(request, (request.query as { region?: string }).region);
      return { versions: await store.notices.versions({ kind: plan.kind, period, region }) };
    },
  );

  fastify.get(
    `${base}/versions/:version`,
    {
      config: { access: 'any' },
      schema: {
        summary: `${word}通报的一个定稿版本（原样）`,
        description: `定稿时保存的通报，原样返回；响应头 ${CONTENT_HASH_HEADER} 为其内容校验码（format=json 返回内容的 SHA-256）。PDF 由保存的 HTML 打印。`,
        tags: ['reports'],
        params: Type.Object({
          ...Params.properties,
          version: Type.Integer({ minimum: 1, maximum: 1_000_000, description: '定稿版本号' }),
        }),
        querystring: Type.Object(
          {
            format: Type.Optional(
              Type.Enum([...VERSION_FORMATS], { default: 'html', description: '文件格式' }),
            ),
            region: Type.Optional(Region),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Unknown({ description: '通报文件' }), ...errors(400, 403, 404) },
      },
    },
    async (request, reply) => {
      const { period, version } = request.params as { period: string; version: number };
      const query = request.query as { format?: VersionFormat; region?: string };
      const format = query.format ?? 'html';
      const region = plan.regionOf(request, query.region);
      const stored = await store.notices.get({ kind: plan.kind, period, region }, version);
      if (!stored) throw notFound(`第 ${version} 版定稿通报`);
      const body = await versionBody(stored, format);
      const ascii = `${plan.kind}-report-${period}${region === null ? '' : `-${region}`}-v${version}`;
      const stem = `${noticeFileStem(storedNotice(stored).notice)}（定稿第${version}版）`;
      if (format === 'html') reply.header('content-security-policy', HTML_CSP);
      return reply
        .header('content-type', TYPES[format])
        .header('content-disposition', contentDisposition(format, stem, ascii))
        .header(CONTENT_HASH_HEADER, stored.contentHash)
        .header('x-notice-version', String(stored.version))
        .header('x-notice-finalised-at', stored.finalisedAt)
        .header('cache-control', 'private, no-cache')
        .send(body);
    },
  );
};

async function versionBody(stored: StoredNotice, format: VersionFormat): Promise<string | Buffer> {
  switch (format) {
    case 'html':
      return stored.html;
    case 'csv':
      return stored.csv;
    case 'xlsx':
      return stored.xlsx;
    case 'json':
      return stored.content;
    case 'pdf':
      return renderNoticePdf(stored.html).catch((error: unknown) => {
        if (error instanceof PdfRendererBusyError) throw new ApiError(503, 'renderer-busy', error.message);
        throw error;
      });
  }
}
