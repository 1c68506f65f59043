import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { CheckedTarget } from './target-guard.ts';

export const DELIVERY_TIMEOUT_MS = 10_000;

export interface PostOutcome {
  /** The HTTP status, or null when no response came (connection refused, timeout…). */
  status: number | null;
  /** Why it did not succeed; null for a 2xx. */
  error: string | null;
}

/** The Standard Webhooks headers of one attempt: `webhook-signature` is `v1,` + base64 HMAC-SHA256. */
export function signedHeaders(secret: string, id: string, at: Date, body: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, at, body),
    'user-agent': 'gov-inspector-webhooks/1',
  };
}

/**
 * POSTs `body` to the checked target, connecting to its checked address (no second DNS lookup that
 * could answer differently), following no redirect, giving up after `timeoutMs` in all.
 */
export function postWebhook(
  target: CheckedTarget,
  headers: Record<string, string>,
  body: string,
  timeoutMs = DELIVERY_TIMEOUT_MS,
): Promise<PostOutcome> {
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const client = target.url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const request = client.request(target.url, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      lookup: pinned,
      agent: false,
    });
    const timer = setTimeout(
      () => request.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    const finish = (outcome: PostOutcome) => {
      clearTimeout(timer);
      resolve(outcome);
    };
    request.on('response', (response: IncomingMessage) => {
      const status = response.statusCode ?? 0;
      response.resume();
      response.on('end', () =>
        finish({ status, error: status >= 200 && status < 300 ? null : `HTTP ${status}` }),
      );
      response.on('error', (error) => finish({ status, error: error.message }));
    });
    request.on('error', (error: NodeJS.ErrnoException) =>
      finish({ status: null, error: error.code ? `${error.code}: ${error.message}` : error.message }),
    );
    request.end(body);
  });
}
