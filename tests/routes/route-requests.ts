import type { LightMyRequestResponse } from 'fastify';
import { FORM_TOKEN_FIELD, formToken } from '../../src/dashboard/form-token.ts';
import { postFile } from '../dashboard/support/forms.ts';
import { DECLARED, type RouteCase, type RouteRequest } from './declarations.ts';
import type { RegisteredRoute, Role, RouteServer } from './route-server.ts';

export const keyOf = (route: RegisteredRoute) => `${route.method} ${route.url}`;

/** A route's declaration; a HEAD route (Fastify adds one per GET) answers as its GET. */
export function declarationOf(route: RegisteredRoute): RouteCase[] | undefined {
  const own = DECLARED[keyOf(route)];
  if (own || route.method !== 'HEAD') return own;
  return DECLARED[`GET ${route.url}`] ?? DECLARED[`GET ${route.url.replace(/(.)\/$/, '$1')}`];
}

/**
 * How a request reaches the service: straight over HTTP, or from the trusted proxy (TRUSTED_PROXY,
 * inject's own address) that took it over HTTPS and says so in X-Forwarded-Proto.
 */
export type Transport = 'http' | 'https';

const PROXIED: Record<Transport, Record<string, string>> = {
  http: {},
  https: { 'x-forwarded-proto': 'https' },
};

/** The Host and Origin of a form posted from the dashboard's own page, reached over `transport`. */
export const OWN_PAGE: Record<Transport, Record<string, string>> = {
  http: { host: 'localhost:80', origin: 'http://localhost:80' },
  https: { host: 'localhost:443', origin: 'https://localhost' },
};

/** The role's credential: the API's bearer token, or the dashboards' session cookie. */
export function credentialOf(server: RouteServer, role: Role, url: string): Record<string, string> {
  if (role === 'none') return {};
  const token = server.tokens[role];
  return url.startsWith('/dashboard')
    ? { cookie: `gov_inspect_session=${token}` }
    : { authorization: `Bearer ${token}` };
}

/** The form token of the role's session (none without a token). */
export const formTokenOf = (server: RouteServer, role: Role) =>
  formToken(role === 'none' ? '' : server.tokens[role]);

export interface SendOptions {
  headers?: Record<string, string>;
  /** false: the form is posted without its form token. */
  formToken?: boolean;
  transport?: Transport;
}

/** Sends a case's request as `role`: the API with a bearer token, the dashboards with the session cookie. */
export function send(
  server: RouteServer,
  method: string,
  request: RouteRequest,
  role: Role,
  options: SendOptions = {},
): Promise<LightMyRequestResponse> {
  const transport = options.transport ?? 'http';
  const csrf: Record<string, string> =
    options.formToken === false ? {} : { [FORM_TOKEN_FIELD]: formTokenOf(server, role) };
  const headers = {
    ...credentialOf(server, role, request.url),
    ...PROXIED[transport],
    ...(request.form || request.file ? OWN_PAGE[transport] : {}),
    ...options.headers,
  };
  const token = role === 'none' ? '' : server.tokens[role];
  if (request.file) return postFile(server.app, token, request.url, request.file, csrf, headers);
  if (request.form) {
    const body = new URLSearchParams(csrf);
    for (const [name, value] of Object.entries(request.form))
      for (const v of [value].flat()) body.append(name, v);
    return server.app.inject({
      method: method as 'POST',
      url: request.url,
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
  }
  const type = request.contentType ? { 'content-type': request.contentType } : {};
  return server.app.inject({
    method: method as 'GET',
    url: request.url,
    headers: { ...headers, ...type },
    ...(request.payload === undefined ? {} : { payload: request.payload }),
  });
}
