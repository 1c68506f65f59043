import { Webhook } from 'standardwebhooks';
import { type RunningServer, startServer } from '../../support/http-server.ts';

export interface ReceivedWebhook {
  path: string;
  id: string;
  timestamp: string;
  type: string;
  body: string;
  /** The signature checked by the standardwebhooks package with the path's secret. */
  verified: boolean;
  /** What the receiver answered. */
  answered: number;
}

export interface Receiver extends RunningServer {
  received: ReceivedWebhook[];
  /** The URL a subscription with this secret should use. */
  endpoint(name: string, secret: string): string;
}

/**
 * A webhook consumer on 127.0.0.1: verifies each request as the Standard Webhooks reference library
 * does and answers `answer(n)` to the n-th request (0-based) of a path.
 */
export async function startReceiver(
  answer: (n: number, path: string) => number = () => 200,
): Promise<Receiver> {
  const received: ReceivedWebhook[] = [];
  const secrets = new Map<string, string>();
  const server = await startServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = request.url ?? '/';
      const headers = request.headers as Record<string, string>;
      let verified = false;
      try {
        new Webhook(secrets.get(path) ?? 'whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').verify(body, headers);
        verified = true;
      } catch {
        verified = false;
      }
      const status = answer(received.filter((r) => r.path === path).length, path);
      received.push({
        path,
        id: headers['webhook-id'] ?? '',
        timestamp: headers['webhook-timestamp'] ?? '',
        type: safeType(body),
        body,
        verified,
        answered: status,
      });
      response.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'no');
    });
  });
  return {
    ...server,
    received,
    endpoint(name, secret) {
      secrets.set(`/${name}`, secret);
      return `${server.origin}/${name}`;
    },
  };
}

function safeType(body: string): string {
  try {
    return String((JSON.parse(body) as { type?: unknown }).type);
  } catch {
    return '';
  }
}
