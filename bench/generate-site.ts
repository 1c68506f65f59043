import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import { type RunningServer, refusedPort, startServer } from '../tests/support/http-server.ts';
import { pagesOption } from './args.ts';
import {
  deletedArticlePage,
  NOT_FOUND_PAGE,
  renderPage,
  SERVER_ERROR_PAGE,
  SOFT_NOT_FOUND_PAGE,
} from './site/render-page.ts';
import { type BreakKind, planSite } from './site/site-plan.ts';

export interface GeneratedSite {
  /** e.g. http://127.0.0.1:40123/ */
  homepage: string;
  /** The site's real pages. */
  contentPages: number;
  /** Every same-site URL a crawler fetches as a page: the real pages plus the planted broken page links. */
  pageLinks: number;
  /** The answer key: every planted broken target (absolute URL) and how it fails. */
  broken: ReadonlyMap<string, BreakKind>;
  /** The most connections open at once to the site since the last `resetPeakConnections()`. */
  peakConnections(): number;
  resetPeakConnections(): void;
  /** Bytes the site's server has written to its sockets (headers and bodies). */
  bytesSent(): number;
  close(): Promise<void>;
}

interface Answer {
  status: number;
  contentType: string;
  body: Buffer;
  /** With `validators`: the answer's ETag, as nginx makes one for a static file. */
  etag?: string;
}

/** The Last-Modified of every page of a site served with `validators`. */
const LAST_MODIFIED = 'Wed, 18 Nov 2026 02:00:00 GMT';

export const DEFAULT_PAGES = 3000;
const JPEG_BYTES = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xd9,
]);
const PNG_BYTES = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/**
 * Serves a deterministic government-like site of `pages` pages on 127.0.0.1, with a second working
 * server for its off-site links and a refused port for its dead ones. Every answer is made up front,
 * so serving costs the tools under test as little as possible. With `latencyMs`, every answer of the
 * site waits that long first, as a distant server's would. With `validators`, every 200 carries an
 * ETag and a Last-Modified, and a request whose If-None-Match names the ETag is answered 304.
 */
export async function serveGeneratedSite(
  options: { pages?: number; latencyMs?: number; validators?: boolean } = {},
): Promise<GeneratedSite> {
  const external = await startServer((_req, res) => {
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end('<title>中国政府网</title><h1>中国政府网</h1>');
  });
  const plan = planSite({
    pages: options.pages ?? DEFAULT_PAGES,
    externalOrigin: external.origin,
    refusedOrigin: `http://127.0.0.1:${await refusedPort()}`,
  });

  const answers = new Map<string, Answer>();
  for (const page of plan.pages) {
    const html = renderPage(plan, page);
    const utf8 = page.charset === 'utf-8';
    answers.set(page.path, {
      status: 200,
      // GBK pages declare their charset only in <meta>, as many older sites do.
      contentType: utf8 ? 'text/html; charset=utf-8' : 'text/html',
      body: utf8 ? Buffer.from(html) : iconv.encode(html, 'gbk'),
    });
  }
  for (const file of plan.files) answers.set(file, staticAnswer(file));
  let softCount = 0;
  for (const target of plan.broken) {
    // Half the soft 404s are a bare error page, half the CMS's own 该信息已删除 page in the site's template (GBK).
    if (target.kind === 'soft-404') {
      answers.set(
        target.href,
        softCount++ % 2 === 0
          ? html(200, SOFT_NOT_FOUND_PAGE)
          : {
              status: 200,
              contentType: 'text/html',
              body: iconv.encode(deletedArticlePage(plan, 'gbk'), 'gbk'),
            },
      );
    }
    if (target.kind === 'server-error') answers.set(target.href, html(500, SERVER_ERROR_PAGE));
  }

  if (options.validators) {
    for (const found of answers.values()) {
      if (found.status === 200)
        found.etag = `"${createHash('sha1').update(found.body).digest('hex').slice(0, 16)}"`;
    }
  }

  let main: RunningServer;
  try {
    const latency = options.latencyMs ?? 0;
    main = await startServer((req, res) =>
      latency > 0 ? setTimeout(() => answer(answers, req, res), latency) : answer(answers, req, res),
    );
  } catch (error) {
    await external.close();
    throw error;
  }
  let open = 0;
  let peak = 0;
  const sockets = new Set<Socket>();
  let closedBytes = 0;
  main.server.on('connection', (socket) => {
    peak = Math.max(peak, ++open);
    sockets.add(socket);
    socket.once('close', () => {
      open--;
      sockets.delete(socket);
      closedBytes += socket.bytesWritten;
    });
  });
  const isPageLink = (href: string) => href.startsWith('/') && href.endsWith('.html');
  return {
    homepage: `${main.origin}/`,
    contentPages: plan.pages.length,
    pageLinks: plan.pages.length + plan.broken.filter((target) => isPageLink(target.href)).length,
    broken: new Map(plan.broken.map((target) => [new URL(target.href, main.origin).href, target.kind])),
    peakConnections: () => peak,
    resetPeakConnections: () => {
      peak = open;
    },
    bytesSent: () => [...sockets].reduce((sum, socket) => sum + socket.bytesWritten, closedBytes),
    close: async () => {
      await Promise.all([main.close(), external.close()]);
    },
  };
}

function answer(answers: ReadonlyMap<string, Answer>, req: IncomingMessage, res: ServerResponse): void {
  let path: string;
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://site').pathname);
  } catch {
    path = '';
  }
  const found = answers.get(path) ?? html(404, NOT_FOUND_PAGE);
  if (found.etag === undefined) {
    res.writeHead(found.status, { 'content-type': found.contentType, 'content-length': found.body.length });
    res.end(found.body);
    return;
  }
  const validators = { etag: found.etag, 'last-modified': LAST_MODIFIED };
  if (req.headers['if-none-match'] === found.etag) {
    res.writeHead(304, validators).end();
    return;
  }
  res.writeHead(found.status, {
    'content-type': found.contentType,
    'content-length': found.body.length,
    ...validators,
  });
  res.end(found.body);
}

function html(status: number, text: string): Answer {
  return { status, contentType: 'text/html; charset=utf-8', body: Buffer.from(text) };
}

function staticAnswer(path: string): Answer {
  const extension = path.slice(path.lastIndexOf('.') + 1);
  const types: Record<string, [string, Buffer]> = {
    css: ['text/css', Buffer.from('body{margin:0;font:14px/1.6 "Microsoft YaHei",sans-serif}')],
    js: ['application/javascript', Buffer.from('window.siteReady=true;')],
    png: ['image/png', PNG_BYTES],
    jpg: ['image/jpeg', JPEG_BYTES],
    pdf: ['application/pdf', PDF_BYTES],
  };
  const [contentType, body] = types[extension] ?? ['application/octet-stream', Buffer.alloc(0)];
  return { status: 200, contentType, body };
}

/** Run directly, it serves the site until interrupted: `node --import tsx bench/generate-site.ts [--pages N]`. */
async function main(): Promise<void> {
  const site = await serveGeneratedSite({ pages: pagesOption(process.argv.slice(2), DEFAULT_PAGES) });
  process.stdout.write(
    `Serving ${site.contentPages} pages at ${site.homepage} (${site.broken.size} planted broken links); Ctrl-C to stop\n`,
  );
  process.once('SIGINT', () => void site.close().then(() => process.exit(0)));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
