import { createServer, type Server } from 'node:http';
import net, { type AddressInfo, type Socket } from 'node:net';

/**
 * A server the crawler must never reach: one port on 127.0.0.3, and the same port on 127.0.0.1 and
 * [::1], where connections to 0.0.0.0 and [::] land. Every connection is counted, with the path of
 * every request made over one.
 */
export interface Canary {
  port: number;
  connections: number;
  paths: string[];
  close(): Promise<void>;
}

export const CANARY_ADDRESS = '127.0.0.3';
/** Names the tests' `--resolve` table points at the canary. */
export const CANARY_HOST = 'canary.site.gov.cn';

export async function startCanary(): Promise<Canary> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await listenEverywhere();
    } catch (error) {
      if (attempt >= 5 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
  }
}

async function listenEverywhere(): Promise<Canary> {
  const sockets = new Set<Socket>();
  const canary: Canary = { port: 0, connections: 0, paths: [], close: async () => {} };
  const servers: Server[] = [];
  const listen = async (host: string, port: number): Promise<number> => {
    const server = createServer((req, res) => {
      canary.paths.push(req.url ?? '/');
      res.end('canary');
    });
    server.on('connection', (socket) => {
      canary.connections++;
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    servers.push(server);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    return (server.address() as AddressInfo).port;
  };
  const close = async () => {
    for (const socket of sockets) socket.destroy();
    await Promise.all(
      servers.filter((s) => s.listening).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))),
    );
  };
  try {
    canary.port = await listen(CANARY_ADDRESS, 0);
    await listen('127.0.0.1', canary.port);
    await listen('::1', canary.port);
  } catch (error) {
    await close();
    throw error;
  }
  canary.close = close;
  return canary;
}

/** A link to the canary in one of the forms a hostile page may write it. */
export interface CanaryTarget {
  form: string;
  href: string;
}

/**
 * The canary in every form a page may use to hide a loopback address: WHATWG URL parsing turns the
 * IPv4 spellings into 127.0.0.3 (a path per form keeps them apart), the IPv6 ones stay IPv6.
 * `siteHost` is the site's own name with its port, for the userinfo trick.
 */
export function canaryTargets(port: number, siteHost: string): CanaryTarget[] {
  const at = (form: string, host: string) => ({ form, href: `http://${host}:${port}/${form}` });
  return [
    at('dotted', '127.0.0.3'),
    at('decimal', '2130706435'),
    at('hex', '0x7f000003'),
    at('octal', '0177.0.0.3'),
    at('short', '127.3'),
    at('mapped', '[::ffff:127.0.0.3]'),
    at('v6-loopback', '[::1]'),
    at('zero', '0.0.0.0'),
    at('v6-zero', '[::]'),
    at('name', CANARY_HOST),
    at('trailing-dot', `${CANARY_HOST}.`),
    at('nat64', '[64:ff9b::7f00:3]'),
    at('6to4', '[2002:7f00:3::1]'),
    { form: 'userinfo', href: `http://${siteHost}@127.0.0.3:${port}/userinfo` },
  ];
}

/** Addresses that must not be connected to at all: there is nothing on them to count. */
export const UNREACHABLE_TARGETS: CanaryTarget[] = [
  { form: 'private', href: 'http://10.0.0.1/private' },
  { form: 'cgnat', href: 'http://100.64.0.1/cgnat' },
  { form: 'metadata', href: 'http://169.254.169.254/latest/meta-data/' },
];

/**
 * Every address this process opens a TCP connection to, from the moment `record` is called until
 * `stop`: undici, got, TLS and the browser's proxy all end in `net.Socket.prototype.connect`. A host
 * name is recorded as the address its lookup gave (the `lookup` event).
 */
export function recordConnections(): { hosts: string[]; stop(): void } {
  const original = net.Socket.prototype.connect;
  const hosts: string[] = [];
  net.Socket.prototype.connect = function (this: Socket, ...args: unknown[]) {
    const first = Array.isArray(args[0]) ? args[0][0] : args[0];
    const host = first && typeof first === 'object' && 'host' in first ? String(first.host) : undefined;
    if (host !== undefined && net.isIP(host)) hosts.push(host);
    else if (host !== undefined) {
      this.once('lookup', (error: Error | null, address: string) => hosts.push(error ? `${host}?` : address));
    }
    return (original as (...a: unknown[]) => Socket).apply(this, args);
  } as typeof original;
  return {
    hosts,
    stop: () => {
      net.Socket.prototype.connect = original;
    },
  };
}
