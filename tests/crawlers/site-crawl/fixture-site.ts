import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino } from 'pino';
import { MADE_UP_NAME } from '../../../crawlers/soft-404/made-up-url.ts';
import { type RunningServer, startServer } from '../../support/http-server.ts';

/** A fixed answer, or a function for answers that depend on the request (hangs, counters). */
export type Answer =
  | { status?: number; headers?: Record<string, string>; body?: string | Uint8Array }
  | ((req: IncomingMessage, res: ServerResponse) => void);

export interface FixtureSite extends RunningServer {
  /** Request paths in the order the server received them (percent-encoding as sent), but `madeUp`'s. */
  requests: string[];
  /** The requests for a made-up missing page (the host's not-found fingerprint), by path. */
  madeUp: string[];
  /** How many times each decoded path was asked for. */
  hits(path: string): number;
}

/**
 * Serves `pages` (keyed by decoded path, query included when given) on 127.0.0.1; unknown paths 404.
 * A string body without an explicit Content-Type is served as UTF-8 HTML.
 */
export async function serveSite(pages: Record<string, Answer>): Promise<FixtureSite> {
  const requests: string[] = [];
  const madeUp: string[] = [];
  const server = await startServer((req, res) => {
    const raw = req.url ?? '/';
    const path = raw.split('?')[0]!;
    (MADE_UP_NAME.test(path.slice(path.lastIndexOf('/') + 1)) ? madeUp : requests).push(raw);
    const decoded = decodeURIComponent(raw);
    const answer = pages[decoded] ?? pages[decoded.split('?')[0]!];
    if (answer === undefined) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<title>Not Found</title>');
    } else if (typeof answer === 'function') {
      answer(req, res);
    } else {
      const headers = { 'content-type': 'text/html; charset=utf-8', ...answer.headers };
      res.writeHead(answer.status ?? 200, headers);
      res.end(answer.body ?? '');
    }
  });
  return {
    ...server,
    requests,
    madeUp,
    hits: (path) => requests.filter((raw) => decodeURIComponent(raw) === path).length,
  };
}

/** A minimal HTML page with a title and links. */
export function html(title: string, links: string[] = [], extra = ''): string {
  const anchors = links.map((href) => `<a href="${href}">${href}</a>`).join('\n');
  return `<!doctype html><html><head><title>${title}</title></head><body><h1>${title}</h1>${anchors}${extra}</body></html>`;
}

/** A logger that keeps test output clean. */
export const quietLog = pino({ level: 'silent' });
