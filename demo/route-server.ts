import type { IncomingMessage, ServerResponse } from 'node:http';
import iconv from 'iconv-lite';
import { startServer } from './loopback-server.ts';

/** What one path of a demo site answers. */
export interface Route {
  status?: number;
  /** Body text; encoded with `encoding` (default utf-8). */
  body?: string | Buffer;
  contentType?: string;
  /** Encode the body in GBK, as many Sichuan county and city sites still do. */
  encoding?: 'utf-8' | 'gbk';
  headers?: Record<string, string>;
  /** Full control, for the misbehaving servers (hanging, 429 then 200, HEAD refused). */
  handle?: (req: IncomingMessage, res: ServerResponse) => void;
}

export type Routes = Record<string, Route>;

export interface RunningSite {
  origin: string;
  port: number;
  setRoutes(routes: Routes): void;
  close(): Promise<void>;
}

/**
 * Serves a routes table on 127.0.0.1 (port 0). Paths are matched decoded, so a route may be written
 * with Chinese characters ('/政务公开/通知公告.html'). Unknown paths get a plain 404.
 */
export async function serveRoutes(routes: Routes = {}): Promise<RunningSite> {
  let table = routes;
  const running = await startServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const route = table[path];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>404 Not Found</h1>');
      return;
    }
    if (route.handle) return route.handle(req, res);
    const body =
      typeof route.body === 'string' && route.encoding === 'gbk'
        ? iconv.encode(route.body, 'gbk')
        : (route.body ?? '');
    res.writeHead(route.status ?? 200, {
      'content-type': route.contentType ?? 'text/html',
      ...route.headers,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return {
    origin: running.origin,
    port: running.port,
    setRoutes(next) {
      table = next;
    },
    close: running.close,
  };
}
