import type { IncomingMessage, ServerResponse } from 'node:http';
import { MINIMAL_PDF, PNG_1PX } from '../gov-page.ts';
import type { Route, Routes } from '../route-server.ts';

/** The static files every demo site serves. */
export function commonRoutes(): Routes {
  return {
    '/images/emblem.png': { body: PNG_1PX, contentType: 'image/png' },
    '/images/banner.png': { body: PNG_1PX, contentType: 'image/png' },
    '/css/common.css': { body: 'body{}', contentType: 'text/css' },
  };
}

export function pdf(): Route {
  return { body: MINIMAL_PDF, contentType: 'application/pdf' };
}

/** Answers 429 with Retry-After: 1 to the first request of each method, then 200: a busy, not a broken, server. */
export function busyThenOk(): Route {
  const seen = new Set<string>();
  return {
    handle(req: IncomingMessage, res: ServerResponse) {
      if (!seen.has(req.method ?? 'GET')) {
        seen.add(req.method ?? 'GET');
        res.writeHead(429, { 'retry-after': '1', 'content-type': 'text/plain' }).end('Too Many Requests');
        return;
      }
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<title>政务服务</title><h1>政务服务</h1>');
    },
  };
}

/** Refuses HEAD with 405, as many government CMS servers do, and serves GET. */
export function headRefused(route: Route): Route {
  return {
    handle(req, res) {
      if (req.method === 'HEAD') {
        res.writeHead(405, { allow: 'GET' }).end();
        return;
      }
      res.writeHead(200, { 'content-type': route.contentType ?? 'application/pdf' }).end(route.body);
    },
  };
}

/** Accepts the request and never answers. */
export function hanging(): Route {
  return { handle: () => {} };
}

/** A WAF's 412 answer to a client without its JavaScript cookie. */
export function wafChallenge(): Route {
  return {
    status: 412,
    body: '<html><head><meta charset="utf-8"></head><body><script>var _$jsl="challenge";</script></body></html>',
    contentType: 'text/html; charset=utf-8',
  };
}

export function redirect(to: string, status = 302): Route {
  return { status, headers: { location: to } };
}
