import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changesState } from '../../src/api/access.ts';
import { type RunningRedis, startRedis } from '../support/redis.ts';
import { cookieFault } from './cookie-flags.ts';
import { DECLARED, expectedOf } from './declarations.ts';
import { declarationOf, keyOf, send, type Transport } from './route-requests.ts';
import { ROLES, type RouteServer, routeServer } from './route-server.ts';

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

const TRANSPORTS: readonly Transport[] = ['http', 'https'];

describe.each(TRANSPORTS)('over %s', (transport) => {
  /** The routes that set a cookie, for any role. */
  const setters = new Set<string>();

  describe.each(ROLES)('every route as %s', (role) => {
    it('answers as declared, every cookie it sets HttpOnly, SameSite=Strict, Secure over HTTPS', async () => {
      const wrong: string[] = [];
      for (const route of server.routes) {
        for (const kase of declarationOf(route) ?? []) {
          const answer = await send(server, route.method, await kase.request(server), role, { transport });
          const expected = expectedOf(kase.expect, role);
          const what = `${keyOf(route)}${kase.name ? ` (${kase.name})` : ''}`;
          const why = mismatch(answer, expected);
          if (why) wrong.push(`${what}: expected ${expected}, got ${why}`);
          for (const cookie of [answer.headers['set-cookie'] ?? []].flat()) {
            setters.add(keyOf(route));
            const fault = cookieFault(cookie, transport);
            if (fault) wrong.push(`${what}: cookie ${fault}`);
          }
        }
      }
      expect(wrong).toEqual([]);
    });
  });

  it('has cookies set by signing in and out only', () => {
    expect([...setters].sort()).toEqual(['POST /dashboard/login', 'POST /dashboard/logout']);
  });
});

describe('every dashboard route that changes state', () => {
  const EVIL = 'http://evil.example';
  it('refuses a post from another site, or without the session’s form token, and changes nothing', async () => {
    const writes = server.routes.filter(
      (route) => route.url.startsWith('/dashboard') && changesState(route.method),
    );
    expect(writes.length).toBeGreaterThanOrEqual(10);
    const accepted: string[] = [];
    for (const route of writes) {
      for (const kase of declarationOf(route) ?? []) {
        const request = await kase.request(server);
        const before = await server.snapshot();
        const attacks: { name: string; headers?: Record<string, string>; formToken?: boolean }[] = [
          { name: 'Origin of another site', headers: { origin: EVIL } },
          { name: 'Referer of another site', headers: { origin: '', referer: `${EVIL}/page` } },
          { name: 'neither Origin nor Referer', headers: { origin: '' } },
          ...(route.access === 'public' ? [] : [{ name: 'no form token', formToken: false }]),
        ];
        for (const attack of attacks) {
          const answer = await send(server, route.method, request, 'province', attack);
          if (answer.statusCode !== 403 || answer.headers['set-cookie'])
            accepted.push(`${keyOf(route)}, ${attack.name}: ${answer.statusCode}`);
        }
        expect(await server.snapshot(), keyOf(route)).toEqual(before);
      }
    }
    expect(accepted).toEqual([]);
  });
});
