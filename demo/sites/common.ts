import type { IncomingMessage, ServerResponse } from 'node:http';
import { articlePage, MINIMAL_PDF, PNG_1PX } from '../gov-page.ts';
import type { Route, Routes } from '../route-server.ts';

/** The static files every demo site serves. */
export function commonRoutes(): Routes {
  return {
    '/images/emblem.png': { body: PNG_1PX, contentType: 'image/png' },
    '/images/banner.png': { body: PNG_1PX, contentType: 'image/png' },
    '/css/common.css': { body: 'body{}', contentType: 'text/css' },
    '/images/dzjg.png': { body: PNG_1PX, contentType: 'image/png' },
    '/images/jiucuo.png': { body: PNG_1PX, contentType: 'image/png' },
    // A stand-in for zfwzgl.www.gov.cn/exposure/jiucuo.html: the demo never leaves 127.0.0.1.
    '/exposure/jiucuo.html': {
      body: articlePage('我为政府网站找错', '全国政府网站找错平台', '<p>请描述您发现的问题。</p>'),
    },
  };
}

/** The 党政机关网站标识 badge a site shows in its footer once registered (clause 4.3.2.3). */
export function partyGovBadge(): string {
  return '<img class="dzjg" src="/images/dzjg.png" alt="党政机关" width="44" height="54">';
}

/** The 我为政府网站找错 badge linking to the national platform (here its local stand-in). */
export function errorReportBadge(): string {
  return '<a class="jiucuo" href="/exposure/jiucuo.html"><img src="/images/jiucuo.png" alt="我为政府网站找错" width="110" height="55"></a>';
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

/**
 * The calendar day (Asia/Shanghai) `days` before `today`, printed as list pages print dates:
 * 'iso' 2026-11-20, 'cn' 2026年11月20日, 'dot' 2026.11.20, 'slash' 2026/11/20, 'bracket' [11-20].
 */
export function printedDate(
  today: Date,
  days: number,
  style: 'iso' | 'cn' | 'dot' | 'slash' | 'bracket' = 'iso',
): string {
  const day = new Date(today.getTime() - days * 86_400_000);
  const [year, month, date] = day.toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' }).split('-');
  if (style === 'cn') return `${year}年${Number(month)}月${Number(date)}日`;
  if (style === 'bracket') return `[${month}-${date}]`;
  if (style === 'dot') return `${year}.${month}.${date}`;
  if (style === 'slash') return `${year}/${month}/${date}`;
  return `${year}-${month}-${date}`;
}
