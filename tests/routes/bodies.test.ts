import { Readable } from 'node:stream';
import { load } from 'cheerio';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changesState } from '../../src/api/access.ts';
import { FORM_TOKEN_FIELD } from '../../src/dashboard/form-token.ts';
import { type RunningRedis, startRedis } from '../support/redis.ts';
import type { RouteRequest } from './declarations.ts';
import { credentialOf, declarationOf, formTokenOf, keyOf, OWN_PAGE } from './route-requests.ts';
import { type RegisteredRoute, type RouteServer, routeServer } from './route-server.ts';

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

/** A body a write route must refuse, and the status it must refuse it with. */
interface BadBody {
  name: string;
  contentType: string;
  /** Made afresh for each request (a stream is read once). */
  payload(): string | Buffer | Readable;
  /** Sent as a stream: no Content-Length, the limit must hold on the bytes received. */
  chunked?: boolean;
  status: 400 | 413 | 415;
}

const BOUNDARY = 'gov-inspect-test';

/** The media type of the route's own body: the API's (JSON unless declared), a form, an upload. */
const ownType = (request: RouteRequest) =>
  request.file
    ? `multipart/form-data; boundary=${BOUNDARY}`
    : request.form
      ? 'application/x-www-form-urlencoded'
      : (request.contentType ?? 'application/json');

/** One byte over the route's limit, in its own media type: declared up front, or only counted as it comes. */
function overLimit(request: RouteRequest, route: RegisteredRoute): BadBody[] {
  const size = route.bodyLimit + 1;
  const contentType = ownType(request);
  const chunks = function* () {
    for (let sent = 0; sent < size; sent += 64 * 1024)
      yield Buffer.alloc(Math.min(64 * 1024, size - sent), 'a');
  };
  return [
    { name: 'one byte over its limit', contentType, payload: () => Buffer.alloc(size, 'a'), status: 413 },
    {
      name: 'over its limit, without Content-Length',
      contentType,
      payload: () => Readable.from(chunks()),
      chunked: true,
      status: 413,
    },
  ];
}

/** Bodies that are not what the route takes: broken, of another media type, of the wrong shape. */
function misfits(request: RouteRequest, csrf: string): BadBody[] {
  const json = (name: string, payload: string, status: 400 | 415 = 400): BadBody => ({
    name,
    contentType: 'application/json',
    payload: () => payload,
    status,
  });
  if (!request.form && !request.file)
    return [
      json('malformed JSON', '{"kind": '),
      json('an empty JSON body', ''),
      { name: 'XML', contentType: 'application/xml', payload: () => '<sites/>', status: 415 },
      json('a JSON array', '["不是对象"]'),
      json('an object of unknown fields', '{"unexpected":true}'),
    ];
  const fields = { [FORM_TOKEN_FIELD]: csrf, ...request.form };
  const form = (name: string, contentType: string, payload: string, status: 400 | 415): BadBody => ({
    name,
    contentType,
    payload: () => payload,
    status,
  });
  const hasFields = request.file !== undefined || Object.keys(request.form ?? {}).length > 0;
  return [
    form('the form as JSON', 'application/json', JSON.stringify(fields), 415),
    form('the form as plain text', 'text/plain', urlEncoded(fields), 415),
    form('XML', 'application/xml', '<form/>', 415),
    ...(request.file
      ? [
          form(
            'malformed multipart',
            `multipart/form-data; boundary=${BOUNDARY}`,
            'not a multipart body',
            400,
          ),
        ]
      : []),
    ...(hasFields
      ? [
          form(
            'the form without its fields',
            'application/x-www-form-urlencoded',
            `${FORM_TOKEN_FIELD}=${csrf}`,
            400,
          ),
        ]
      : []),
  ];
}

function urlEncoded(fields: Record<string, string | string[]>): string {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
  return body.toString();
}

const API_CODES: Record<BadBody['status'], string[]> = {
  400: ['invalid-request', 'invalid-sites-file'],
  413: ['payload-too-large'],
  415: ['unsupported-media-type'],
};

/** Chinese, not an English sentence with a Chinese label on it. */
const inChinese = (text: string) =>
  /\p{Script=Han}/u.test(text) && !/[A-Za-z]{2,}( [A-Za-z]{2,}){2}/.test(text);

/** Why the answer is not the refusal the bad body must get, or undefined. */
function refusalFault(answer: LightMyRequestResponse, url: string, bad: BadBody): string | undefined {
  if (answer.statusCode !== bad.status) return `${answer.statusCode} ${answer.body.slice(0, 160)}`;
  if (answer.headers['set-cookie']) return `it set a cookie: ${answer.headers['set-cookie']}`;
  const type = String(answer.headers['content-type']);
  if (url.startsWith('/api/')) {
    if (!type.startsWith('application/json')) return `answered ${type}`;
    const error = (answer.json() as { error?: { code: string; message: string } }).error;
    if (!error || !API_CODES[bad.status].includes(error.code)) return `error ${JSON.stringify(error)}`;
    return inChinese(error.message) ? undefined : `message not in Chinese: ${error.message}`;
  }
  if (!type.startsWith('text/html')) return `answered ${type}`;
  const $ = load(answer.body);
  const message = $('[role=alert]').first().text() || $('.error-card p').first().text();
  return inChinese(message) ? undefined : `page message not in Chinese: "${message}"`;
}

const writeRoutes = () => server.routes.filter((route) => changesState(route.method));

/**
 * Sends every bad body `of` makes to every write route, as a province token (allowed on each) from
 * the dashboard's own page with its form token: what is left to refuse them is the body alone.
 */
async function refusals(of: (request: RouteRequest, route: RegisteredRoute) => BadBody[]): Promise<string[]> {
  const wrong: string[] = [];
  for (const route of writeRoutes()) {
    const [kase] = declarationOf(route) ?? [];
    const request = await kase!.request(server);
    const page = request.url.startsWith('/dashboard') ? OWN_PAGE.http : {};
    for (const bad of of(request, route)) {
      const before = await server.snapshot();
      const answer = await server.app.inject({
        method: route.method as 'POST',
        url: request.url,
        headers: {
          ...credentialOf(server, 'province', request.url),
          ...page,
          'content-type': bad.contentType,
          ...(bad.chunked ? { 'transfer-encoding': 'chunked' } : {}),
        },
        payload: bad.payload(),
      });
      const fault = refusalFault(answer, request.url, bad);
      if (fault) wrong.push(`${keyOf(route)}, ${bad.name}: ${fault}`);
      const after = await server.snapshot();
      if (JSON.stringify(after) !== JSON.stringify(before))
        wrong.push(`${keyOf(route)}, ${bad.name}: changed the store`);
    }
  }
  return wrong;
}

describe('every write route (API and dashboard forms)', () => {
  it('is in the route table, API and dashboards alike', () => {
    const writes = writeRoutes();
    expect(writes.filter((route) => !declarationOf(route)?.length).map(keyOf)).toEqual([]);
    expect(writes.filter((route) => route.url.startsWith('/api/v1')).length).toBeGreaterThanOrEqual(12);
    expect(writes.filter((route) => route.url.startsWith('/dashboard')).length).toBeGreaterThanOrEqual(12);
  });

  it('refuses a body over its limit (413, in Chinese), whether or not it says its length, and changes nothing', async () => {
    expect(await refusals(overLimit)).toEqual([]);
  });

  it('refuses a malformed body, another media type and a body of the wrong shape (400/415, in Chinese), and changes nothing', async () => {
    expect(await refusals((request) => misfits(request, formTokenOf(server, 'province')))).toEqual([]);
  });
});
