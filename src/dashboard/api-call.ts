import type { FastifyRequest, InjectOptions } from 'fastify';
import { API_PREFIX } from '../api/access.ts';
import type { RegistryProblem } from '../registry/registry-error.ts';
import { sessionToken } from './session.ts';

/** The API's error body (one error handler answers them all). */
export interface ApiFailure {
  code: string;
  message: string;
  field?: string;
  problems?: RegistryProblem[];
}

export type ApiAnswer<T> =
  | { ok: true; status: number; body: T }
  | { ok: false; status: number; error: ApiFailure };

/**
 * Calls the API on the signed-in viewer's behalf, with the viewer's own token: the console's forms
 * do what the API does, no more, and the API's access rules, validation and all-or-nothing writes
 * decide, not a second copy of them here.
 */
export async function callApi<T>(
  request: FastifyRequest,
  call: {
    method: 'GET' | 'POST' | 'PUT' | 'DELETE';
    path: string;
    payload?: InjectOptions['payload'];
    contentType?: string;
  },
): Promise<ApiAnswer<T>> {
  const answer = await request.server.inject({
    method: call.method,
    url: `${API_PREFIX}${call.path}`,
    headers: {
      authorization: `Bearer ${sessionToken(request)}`,
      ...(call.contentType ? { 'content-type': call.contentType } : {}),
    },
    ...(call.payload === undefined ? {} : { payload: call.payload }),
  });
  const body = answer.body === '' ? undefined : answer.json();
  if (answer.statusCode < 400) return { ok: true, status: answer.statusCode, body: body as T };
  const error = (body as { error?: ApiFailure } | undefined)?.error;
  return {
    ok: false,
    status: answer.statusCode,
    error: error ?? { code: 'internal-error', message: '服务器内部错误' },
  };
}

/**
 * The API's message for a form: its `body.region：` prefix replaced by the form field's label
 * ('辖区：格式不正确…'), so the office sees which box to correct.
 */
export function formMessage(error: ApiFailure, labels: Readonly<Record<string, string>>): string {
  const label = error.field === undefined ? undefined : labels[error.field];
  if (label === undefined) return error.message;
  const prefix = /^(body|querystring|params)\.[^：]*：/;
  return prefix.test(error.message)
    ? error.message.replace(prefix, `${label}：`)
    : `${label}：${error.message}`;
}
