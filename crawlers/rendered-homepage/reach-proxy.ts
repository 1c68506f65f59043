import { Agent, createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { AddressRefusal } from '../artifacts.ts';
import { networkErrorCode } from '../network-error.ts';
import { type ReachContext, reachableAddress, refusalOf } from '../reach/reachable-address.ts';
import { urlPort } from '../resolve/resolve-table.ts';

/** The header of the proxy's own answers: the network error code that kept it from the server. */
export const PROXY_FAILURE_HEADER = 'x-gov-inspector-proxy-failure';

/** A forward proxy on 127.0.0.1 that lets the browser go only where the reach rule lets it. */
export interface ReachProxy {
  /** `http://127.0.0.1:PORT`, for the browser context's `proxy.server`. */
  url: string;
  /** What the browser asked for and was refused, each URL once, in order. */
  refused(): AddressRefusal[];
  /** Why the last tunnel failed (a Node code, ADDRESS_REFUSED): the browser only says ERR_TUNNEL_CONNECTION_FAILED. */
  lastTunnelFailure(): string | undefined;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authorization',
  'upgrade',
]);

/**
 * Starts the proxy one render's browser context goes through: the page, its sub-resources,
 * preconnects and prefetches, its scripts' requests and redirects all reach the network from here,
 * plain HTTP forwarded, HTTPS and WebSockets tunnelled (CONNECT), each to an address checked by
 * `reachableAddress` (`--resolve` entries, else DNS) and pinned to it. Chromium resolves no name of
 * its own. A refused request is answered 403 (a tunnel: refused) and recorded; one that fails on the
 * way carries the error code in `PROXY_FAILURE_HEADER`. No library proxy tells a failed tunnel's
 * cause, which the render needs to say why a homepage did not open.
 */
export async function startReachProxy(reach: ReachContext): Promise<ReachProxy> {
  const refused = new Map<string, AddressRefusal>();
  let lastTunnelFailure: string | undefined;
  // Its own pool, closed with the proxy: no socket outlives the render or serves another site.
  const agent = new Agent({ keepAlive: true });
  const sockets = new Set<Socket>();

  const checked = async (host: string, port: number, url: string) => {
    try {
      return { address: (await reachableAddress(host, port, reach)).address };
    } catch (error) {
      const refusal = refusalOf(error, url);
      if (refusal && !refused.has(url)) refused.set(url, refusal);
      return { failure: refusal ? 'ADDRESS_REFUSED' : networkErrorCode(error) };
    }
  };

  const forward = async (req: IncomingMessage, res: ServerResponse) => {
    const url = URL.canParse(req.url ?? '') ? new URL(req.url ?? '') : undefined;
    if (url?.protocol !== 'http:') return answer(res, 400, 'BAD_REQUEST');
    const port = urlPort(url.port, url.protocol);
    const target = await checked(url.hostname, port, url.href);
    if (target.failure !== undefined)
      return answer(res, target.failure === 'ADDRESS_REFUSED' ? 403 : 502, target.failure);
    const upstream = request(
      {
        host: target.address,
        port,
        method: req.method,
        path: `${url.pathname}${url.search}`,
        headers: endToEnd(req.rawHeaders),
        setHost: false,
        agent,
      },
      (response) => {
        res.writeHead(response.statusCode ?? 502, response.statusMessage, endToEnd(response.rawHeaders));
        response.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      if (res.headersSent) res.destroy();
      else answer(res, 502, networkErrorCode(error));
    });
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  };

  const tunnel = async (req: IncomingMessage, client: Socket, head: Buffer) => {
    client.on('error', () => client.destroy());
    const where = URL.canParse(`http://${req.url}`) ? new URL(`http://${req.url}`) : undefined;
    if (!where?.port) return client.end('HTTP/1.1 400 Bad Request\r\n\r\n');
    const port = Number(where.port);
    const target = await checked(where.hostname, port, `https://${where.host}/`);
    const fail = (code: string) => {
      lastTunnelFailure = code;
      const status = code === 'ADDRESS_REFUSED' ? '403 Forbidden' : '502 Bad Gateway';
      client.end(`HTTP/1.1 ${status}\r\n${PROXY_FAILURE_HEADER}: ${code}\r\nContent-Length: 0\r\n\r\n`);
    };
    if (target.failure !== undefined) return fail(target.failure);
    let established = false;
    const upstream = connect({ host: target.address, port, timeout: reach.timeoutMs });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.once('timeout', () =>
      upstream.destroy(Object.assign(new Error('timeout'), { code: 'CONNECT_TIMEOUT' })),
    );
    upstream.once('connect', () => {
      established = true;
      upstream.setTimeout(0);
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    upstream.on('error', (error) => {
      if (established) client.destroy();
      else fail(networkErrorCode(error));
    });
  };

  const server = createServer((req, res) => void forward(req, res));
  server.on(
    'connect',
    (req: IncomingMessage, client: Socket, head: Buffer) => void tunnel(req, client, head),
  );
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    refused: () => [...refused.values()],
    lastTunnelFailure: () => lastTunnelFailure,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function answer(res: ServerResponse, status: number, code: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', [PROXY_FAILURE_HEADER]: code });
  res.end(code);
}

/** The headers without those that belong to one connection (a flat `rawHeaders` list, as Node takes it). */
function endToEnd(raw: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (!HOP_BY_HOP.has(raw[i]!.toLowerCase())) kept.push(raw[i]!, raw[i + 1]!);
  }
  return kept;
}
