import type { RegistryProblem } from '../registry/registry-error.ts';

export type ApiErrorCode =
  | 'invalid-request'
  | 'invalid-sites-file'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'unknown-site'
  | 'token-in-use'
  | 'no-sites'
  | 'unsupported-media-type'
  | 'payload-too-large'
  | 'rate-limited'
  | 'queue-unavailable'
  | 'renderer-busy'
  | 'delivery-pending'
  | 'finding-not-current'
  | 'evidence-changed'
  | 'finding-not-failing'
  | 'finding-appealed'
  | 'finding-decided'
  | 'wording-duplicate'
  | 'internal-error';

/** Where a request field lives, as Fastify names the parts it validates. */
export type FieldLocation = 'body' | 'querystring' | 'params' | 'headers';

export interface ApiErrorDetails {
  field?: string;
  location?: FieldLocation;
  problems?: RegistryProblem[];
}

/** An error the API answers with `{ error: { code, message, … } }`; the one error handler renders it. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly statusCode: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details: ApiErrorDetails = {},
  ) {
    super(message);
  }
}

export const unauthorized = () =>
  new ApiError(401, 'unauthorized', '缺少或无效的访问令牌（Authorization: Bearer TOKEN）');
export const forbidden = (message = '此令牌无权访问该资源') => new ApiError(403, 'forbidden', message);
export const notFound = (what: string) => new ApiError(404, 'not-found', `${what}不存在`);
export const queueUnavailable = (why: string) =>
  new ApiError(503, 'queue-unavailable', `任务队列暂时不可用，请稍后重试：${why}`);
