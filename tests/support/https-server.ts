import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, RequestListener } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';

export interface RunningHttpsServer {
  /** https://127.0.0.1:PORT */
  origin: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/**
 * An HTTPS server on 127.0.0.1 with a self-signed certificate made at test time by the `openssl` CLI,
 * so that certificate errors can be tested without any outside host. The certificate names 127.0.0.1,
 * or `name` when given (a host name the test points at loopback with `--resolve`).
 */
export async function startSelfSignedServer(
  handler: RequestListener,
  name?: string,
): Promise<RunningHttpsServer> {
  const dir = mkdtempSync(join(tmpdir(), 'self-signed-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2'].concat([
      '-subj',
      `/CN=${name ?? '127.0.0.1'}`,
      '-addext',
      name ? `subjectAltName=DNS:${name}` : 'subjectAltName=IP:127.0.0.1',
    ]),
    { stdio: 'ignore' },
  );
  const server = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `https://127.0.0.1:${port}`,
    port,
    server,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The server name (SNI) the client sent over TLS; undefined for a plain-HTTP request. */
export function sniName(req: IncomingMessage): string | false | null | undefined {
  return 'encrypted' in req.socket ? (req.socket as TLSSocket).servername : undefined;
}
