import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORM_TOKEN_FIELD, formToken } from '../../src/dashboard/form-token.ts';
import { changesState } from '../../src/dashboard/page-access.ts';
import { postFile } from '../dashboard/support/forms.ts';
import { type RunningRedis, startRedis } from '../support/redis.ts';
import { DECLARED, type RouteCase, type RouteRequest } from './declarations.ts';
import { type RegisteredRoute, ROLES, type Role, type RouteServer, routeServer } from './route-server.ts';

let redis: RunningRedis;
let server: RouteServer;

beforeAll(async () => {
  redis = await startRedis();
  server = await routeServer(redis);
});
afterAll(async () => {
  await server?.close();
  await redis?.stop();
});

const keyOf = (route: RegisteredRoute) => `${route.method} ${route.url}`;

/** A route's declaration; a HEAD route (Fastify adds one per GET) answers as its GET. */
function declarationOf(route: RegisteredRoute): RouteCase[] | undefined {
  const own = DECLARED[keyOf(route)];
  if (own || route.method !== 'HEAD') return own;
  return DECLARED[`GET ${route.url}`] ?? DECLARED[`GET ${route.url.replace(/(.)\/$/, '$1')}`];
}

const OWN_PAGE = { host: 'localhost:80', origin: 'http://localhost:80' };

/** Sends a case's request as `role`: the API with a bearer token, the dashboards with the session cookie. */
function send(
  method: string,
  request: RouteRequest,
  role: Role,
  extra: { headers?: Record<string, string>; formToken?: boolean } = {},
): Promise<LightMyRequestResponse> {
  const token = role === 'none' ? undefined : server.tokens[role];
  const page = request.url.startsWith('/dashboard');
  const credential: Record<string, string> = token
    ? page
      ? { cookie: `gov_inspect_session=${token}` }
      : { authorization: `Bearer ${token}` }
    : {};
  const csrf: Record<string, string> =
    extra.formToken === false ? {} : { [FORM_TOKEN_FIELD]: formToken(token ?? '') };
  const headers = { ...credential, ...(request.form || request.file ? OWN_PAGE : {}), ...extra.headers };
  if (request.file) return postFile(server.app, token ?? '', request.url, request.file, csrf, headers);
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

/** Why the answer is not the one declared, or undefined when it is. */
function mismatch(answer: LightMyRequestResponse, expected: number | 'login'): string | undefined {
  const location = String(answer.headers.location ?? '');
  const toLogin = answer.statusCode === 303 && location.startsWith('/dashboard/login');
  if (expected === 'login') return toLogin ? undefined : `${answer.statusCode} ${location}`;
  if (answer.statusCode !== expected) return `${answer.statusCode} ${answer.body.slice(0, 120)}`;
  if (expected === 303 && toLogin) return `303 to sign-in (${location})`;
  if (expected === 401 && answer.headers['www-authenticate'] !== 'Bearer')
    return '401 without WWW-Authenticate';
  return undefined;
}

describe('the route table', () => {
  it('declares who may call every registered route, and only routes that exist', () => {
    expect(server.routes.length).toBeGreaterThan(60);
    expect(server.routes.filter((route) => !declarationOf(route)).map(keyOf)).toEqual([]);
    const registered = new Set(server.routes.map(keyOf));
    expect(Object.keys(DECLARED).filter((key) => !registered.has(key))).toEqual([]);
  });

  it('has every API route declare its access rule and every dashboard route its page access', () => {
    const undeclared = server.routes.filter(
      (route) => /^\/(api\/v1|dashboard)(\/|$)/.test(route.url) && route.access === undefined,
    );
    expect(undeclared.map(keyOf)).toEqual([]);
  });
});

describe.each(ROLES)('every route as %s', (role) => {
  it('answers as declared', async () => {
    const wrong: string[] = [];
    for (const route of server.routes) {
      for (const kase of declarationOf(route) ?? []) {
        const answer = await send(route.method, await kase.request(server), role);
        const why = mismatch(answer, kase.expect[role]);
        if (why)
          wrong.push(
            `${keyOf(route)}${kase.name ? ` (${kase.name})` : ''}: expected ${kase.expect[role]}, got ${why}`,
          );
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('every dashboard route that changes state', () => {
  const EVIL = 'http://evil.example';
  const snapshot = async () => ({
    sites: await server.store.sites.list(),
    tokens: await server.store.tokens.list(),
    webhooks: await server.store.webhooks.list(),
    launches: server.launcher.launches.length,
  });

  it('refuses a post from another site, or without the session’s form token, and changes nothing', async () => {
    const writes = server.routes.filter(
      (route) => route.url.startsWith('/dashboard') && changesState(route.method),
    );
    expect(writes.length).toBeGreaterThanOrEqual(10);
    const accepted: string[] = [];
    for (const route of writes) {
      for (const kase of declarationOf(route) ?? []) {
        const request = await kase.request(server);
        const before = await snapshot();
        const attacks: { name: string; headers?: Record<string, string>; formToken?: boolean }[] = [
          { name: 'Origin of another site', headers: { origin: EVIL } },
          { name: 'Referer of another site', headers: { origin: '', referer: `${EVIL}/page` } },
          { name: 'neither Origin nor Referer', headers: { origin: '' } },
          ...(route.access === 'public' ? [] : [{ name: 'no form token', formToken: false }]),
        ];
        for (const attack of attacks) {
          const answer = await send(route.method, request, 'province', attack);
          if (answer.statusCode !== 403 || answer.headers['set-cookie'])
            accepted.push(`${keyOf(route)}, ${attack.name}: ${answer.statusCode}`);
        }
        expect(await snapshot(), keyOf(route)).toEqual(before);
      }
    }
    expect(accepted).toEqual([]);
  });
});
