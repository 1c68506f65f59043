import type { Site } from '../../../src/registry/site.ts';
import { type RunningServer, startServer } from '../../support/http-server.ts';

export interface SlowSite {
  site: Site;
  /** Requests for the homepage received so far. */
  homepageHits(): number;
  close(): Promise<void>;
}

/** A small county portal whose homepage answers only after `delayMs` (a slow government server). */
export async function serveSlowSite(id: string, delayMs: number): Promise<SlowSite> {
  let hits = 0;
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>慢速县人民政府</title></head>
<body><header><h1>慢速县人民政府</h1></header><nav><a href="/about.html">概况</a></nav>
<p>政务公开</p></body></html>`;
  const server: RunningServer = await startServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/') {
      hits++;
      const timer = setTimeout(
        () => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page),
        delayMs,
      );
      res.on('close', () => clearTimeout(timer));
      return;
    }
    if (path === '/about.html') {
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<html><body><h1>概况</h1></body></html>');
      return;
    }
    res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>404 Not Found</h1>');
  });
  return {
    site: {
      id,
      fullName: '慢速县人民政府',
      homepage: `${server.origin}/`,
      level: 'county',
      kind: 'portal',
      region: '510104',
      parent: null,
      archiveRoots: [],
    },
    homepageHits: () => hits,
    close: server.close,
  };
}
