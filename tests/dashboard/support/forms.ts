import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { FORM_TOKEN_FIELD, formToken } from '../../../src/dashboard/form-token.ts';

/** The headers of a form posted from the dashboard's own page, signed in with `token`. */
export function ownPage(token: string): Record<string, string> {
  return { host: 'localhost:80', origin: 'http://localhost:80', cookie: `gov_inspect_session=${token}` };
}

/** Posts an urlencoded form as the dashboard's own page would, its form token included. */
export function postForm(
  app: FastifyInstance,
  token: string,
  url: string,
  fields: Record<string, string | string[]> = {},
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const body = new URLSearchParams();
  body.append(FORM_TOKEN_FIELD, formToken(token));
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
  return app.inject({
    method: 'POST',
    url,
    headers: { ...ownPage(token), 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: body.toString(),
  });
}

/** Posts a multipart form with one file, as a browser's upload does. */
export async function postFile(
  app: FastifyInstance,
  token: string,
  url: string,
  file: { name: string; bytes: Uint8Array },
  fields: Record<string, string> = { [FORM_TOKEN_FIELD]: formToken(token) },
  headers: Record<string, string> = ownPage(token),
): Promise<LightMyRequestResponse> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return app.inject({
    method: 'POST',
    url,
    headers: { ...headers, 'content-type': request.headers.get('content-type')! },
    payload: Buffer.from(await request.arrayBuffer()),
  });
}
