import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { AdjudicationError } from '../adjudication/errors.ts';
import { RegistryError } from '../registry/registry-error.ts';
import { SweepRequestError } from '../service/start-sweep.ts';
import { ApiError, type FieldLocation } from './api-error.ts';

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

/** The one error handler: every failure answers `{ error: { code, message, field?, location?, problems? } }`. */
export function registerErrorHandling(fastify: FastifyInstance): void {
  fastify.setErrorHandler((error: FastifyError, request, reply) => {
    const api = toApiError(error, request);
    if (api.statusCode >= 500 && api.code === 'internal-error')
      request.log.error({ err: error }, 'request failed');
    if (api.statusCode === 401) reply.header('www-authenticate', 'Bearer');
    return reply
      .status(api.statusCode)
      .send({ error: { code: api.code, message: api.message, ...api.details } });
  });
  fastify.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send({ error: { code: 'not-found', message: `没有这个接口：${request.method} ${request.url}` } }),
  );
}

export function toApiError(error: FastifyError | Error, request: FastifyRequest): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof RegistryError) {
    return new ApiError(400, 'invalid-sites-file', error.message, {
      problems: error.problems,
      ...(error.problems[0]?.field ? { field: error.problems[0].field } : {}),
    });
  }
  if (error instanceof AdjudicationError) return adjudicationError(error);
  if (error instanceof SweepRequestError) {
    if (error.code === 'unknown-site')
      return new ApiError(404, 'unknown-site', error.message, { field: 'siteIds' });
    if (error.code === 'out-of-reach')
      return new ApiError(403, 'forbidden', error.message, { field: 'siteIds' });
    return new ApiError(400, 'no-sites', error.message);
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) return validationError(fastifyError);
  const body = BODY_ERRORS[fastifyError.code];
  if (body) return new ApiError(400, 'invalid-request', body, { location: 'body' });
  switch (fastifyError.statusCode) {
    case 413:
      return new ApiError(
        413,
        'payload-too-large',
        `请求体过大：此接口的请求体不能超过 ${megabytes(request.routeOptions.bodyLimit)}`,
      );
    case 415:
      return new ApiError(
        415,
        'unsupported-media-type',
        `不支持的内容类型：${request.headers['content-type'] || '（未指定）'}`,
      );
    case 429:
      return new ApiError(429, 'rate-limited', '请求过于频繁，请稍后再试');
  }
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) return new ApiError(status, 'invalid-request', error.message);
  return new ApiError(500, 'internal-error', '服务器内部错误');
}

/** Fastify's own refusals of a body it could not read, in the user's words. */
const BODY_ERRORS: Record<string, string> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: 'body：Content-Type 为 application/json，请求体却是空的',
  FST_ERR_CTP_INVALID_JSON_BODY: 'body：请求体不是有效的 JSON',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'body：请求体的长度与 Content-Length 不符',
};

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

const ADJUDICATION_ANSWERS: Record<AdjudicationError['problem'], [number, ApiError['code']]> = {
  'unknown-finding': [404, 'not-found'],
  'not-current': [409, 'finding-not-current'],
  'evidence-changed': [409, 'evidence-changed'],
  'not-failing': [409, 'finding-not-failing'],
  'already-appealed': [409, 'finding-appealed'],
  'already-decided': [409, 'finding-decided'],
  'until-past': [400, 'invalid-request'],
};

/** A refused appeal or decision; in a request deciding several findings the field names the one refused. */
function adjudicationError(error: AdjudicationError): ApiError {
  const [status, code] = ADJUDICATION_ANSWERS[error.problem];
  const field =
    error.problem === 'until-past'
      ? 'until'
      : error.index === undefined
        ? undefined
        : `findings[${error.index}].id`;
  return new ApiError(status, code, error.message, field ? { field, location: 'body' } : {});
}

function validationError(error: FastifyError): ApiError {
  const issues = error.validation as unknown as ValidationIssue[];
  const location = (error.validationContext ?? 'body') as FieldLocation;
  const field = fieldOf(issues);
  const first = issues.find((issue) => issue.instancePath !== '') ?? issues[0];
  const detail = first ? describeIssue(first, field) : '无效';
  const message = field ? `${location}.${field}：${detail}` : `${location}：${detail}`;
  return new ApiError(400, 'invalid-request', message, { location, ...(field ? { field } : {}) });
}

function describeIssue(issue: ValidationIssue, field: string | undefined): string {
  const { params } = issue;
  switch (issue.keyword) {
    case 'boolean':
    case 'additionalProperties':
      return `不允许的字段 ${field ?? ''}`.trim();
    case 'required':
      return '缺少必填字段';
    case 'enum':
      return `必须是 ${(params.allowedValues as unknown[]).join('、')} 之一`;
    case 'pattern':
      return `格式不正确（应符合 ${String(params.pattern)}）`;
    case 'type':
      return `类型应为 ${String(params.type)}`;
    case 'minLength':
      return `至少 ${String(params.limit)} 个字符`;
    case 'maxLength':
      return `最多 ${String(params.limit)} 个字符`;
    case 'minItems':
      return `至少 ${String(params.limit)} 项`;
    case 'maxItems':
      return `最多 ${String(params.limit)} 项`;
    case 'minimum':
      return `不能小于 ${String(params.limit)}`;
    case 'maximum':
      return `不能大于 ${String(params.limit)}`;
    default:
      return issue.message ?? '无效';
  }
}

/** `siteIds[0]`, `kind`, or the missing / unexpected property of the object itself. */
function fieldOf(issues: readonly ValidationIssue[]): string | undefined {
  const deep = issues.find((issue) => issue.instancePath !== '');
  if (deep) return pathOf(deep.instancePath);
  for (const issue of issues) {
    const named = [
      issue.params.requiredProperties,
      issue.params.additionalProperties,
      issue.params.missingProperty,
    ]
      .flat()
      .find((value) => typeof value === 'string');
    if (typeof named === 'string') return named;
  }
  return undefined;
}

function pathOf(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}
