import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import iconv from 'iconv-lite';

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
  const server: Server = createServer((req, res) => {
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
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    setRoutes(next) {
      table = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
