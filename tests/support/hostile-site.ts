import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { type RunningServer, startServer } from './http-server.ts';

/** The hostile answers, by path: each one something a defaced or broken site may send. */
export const HOSTILE_PAGES = {
  gzipBomb: '/xxgk/bomb-gzip.html',
  brotliBomb: '/xxgk/bomb-br.html',
  trickle: '/xxgk/trickle.html',
  endlessHeaders: '/xxgk/endless-headers.html',
  redirectLoop: '/xxgk/redirect/0.html',
  manyLinks: '/xxgk/many-links.html',
  deepNesting: '/xxgk/deep.html',
  badGbk: '/xxgk/bad-gbk.html',
  lyingCharset: '/xxgk/lying-charset.html',
} as const;

export interface HostileSite {
  /** The site's homepage, e.g. http://127.0.0.1:PORT/ */
  homepage: string;
  /** A TCP port that accepts connections and never answers (linked as http://). */
  silentPort: number;
  /** A TCP port that accepts connections and never completes a TLS handshake (linked as https://). */
  stalledTlsPort: number;
  /** Requests the site answered, by path (redirect steps counted under their own paths). */
  hits: Map<string, number>;
  close(): Promise<void>;
}

/** How far the bombs inflate: far past every cap of the crawl (5 MB) and the link check (64 KB). */
const INFLATED_BYTES = 200 * 1024 * 1024;
const REDIRECTS = 10_000;
const MANY_LINKS = 250_000;
const DEPTH = 100_000;

function bomb(encode: (input: Buffer) => Buffer): Buffer {
  const page = Buffer.alloc(INFLATED_BYTES, ' ');
  Buffer.from('<!DOCTYPE html><html><head><title>信息公开</title></head><body>').copy(page);
  return encode(page);
}

/**
 * A government-looking site whose homepage links to every hostile answer in HOSTILE_PAGES and to two
 * ports that never answer. Everything else it serves is ordinary (a news page, the homepage's image).
 */
export async function startHostileSite(
  options: { pages?: readonly (keyof typeof HOSTILE_PAGES)[]; silent?: boolean } = {},
): Promise<HostileSite> {
  const linked = options.pages ?? (Object.keys(HOSTILE_PAGES) as (keyof typeof HOSTILE_PAGES)[]);
  const silentLinks = options.silent ?? true;
  const gzipped = bomb((page) => gzipSync(page, { level: 9 }));
  const brotli = bomb((page) =>
    brotliCompressSync(page, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
  );
  const manyLinks = Buffer.from(
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>链接</title></head><body>${Array.from(
      { length: MANY_LINKS },
      (_, i) => `<a href=l${i.toString(36)}>${i % 10}</a>`,
    ).join('')}</body></html>`,
  );
  const deep = Buffer.from(
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>嵌套</title></head><body>${'<div>'.repeat(DEPTH)}深处的文字${'</div>'.repeat(DEPTH)}</body></html>`,
  );
  const hits = new Map<string, number>();
  const sockets = new Set<Socket>();
  const [silent, stalledTls] = await Promise.all([silentServer(sockets), silentServer(sockets)]);
  const silentPort = portOf(silent);
  const stalledTlsPort = portOf(stalledTls);
  let site: RunningServer | undefined;

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    res.on('error', () => undefined);
    const html = (body: string | Buffer, type = 'text/html; charset=utf-8') => {
      res.writeHead(200, { 'content-type': type });
      res.end(body);
    };
    // The many links' targets: ordinary small pages.
    if (/^\/xxgk\/l[0-9a-z]+$/.test(path))
      return html('<html><head><title>条目</title></head><body>条目</body></html>');
    const redirect = /^\/xxgk\/redirect\/(\d+)\.html$/.exec(path);
    if (redirect) {
      const step = Number(redirect[1]);
      res.writeHead(302, { location: `/xxgk/redirect/${(step + 1) % REDIRECTS}.html` });
      res.end();
      return;
    }
    switch (path) {
      case '/':
      case '/index.html':
        return html(homepage(linked, silentLinks ? { silentPort, stalledTlsPort } : undefined));
      case '/xxgk/news.html':
        return html(
          '<!DOCTYPE html><html><head><meta charset="utf-8"><title>工作动态</title></head><body><h1>工作动态</h1><p>2026-11-20 全市政务公开工作会议召开</p></body></html>',
        );
      case HOSTILE_PAGES.gzipBomb:
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' });
        return res.end(gzipped);
      case HOSTILE_PAGES.brotliBomb:
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'br' });
        return res.end(brotli);
      case HOSTILE_PAGES.trickle: {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.write('<!DOCTYPE html><html><head><title>');
        const timer = setInterval(() => res.write('.'), 1_000);
        res.on('close', () => clearInterval(timer));
        return;
      }
      case HOSTILE_PAGES.endlessHeaders: {
        // Written by hand on the socket: Node's own response cannot send headers without end.
        const socket = res.socket!;
        socket.write('HTTP/1.1 200 OK\r\ncontent-type: text/html\r\n');
        let n = 0;
        const timer = setInterval(() => socket.write(`x-filler-${n++}: ${'a'.repeat(64)}\r\n`), 10);
        socket.on('close', () => clearInterval(timer));
        socket.on('error', () => undefined);
        return;
      }
      case HOSTILE_PAGES.manyLinks:
        return html(manyLinks);
      case HOSTILE_PAGES.deepNesting:
        return html(deep);
      case HOSTILE_PAGES.badGbk:
        // GBK lead bytes with no trail, and bytes no GBK table has, around real GBK text.
        return html(
          Buffer.concat([
            iconv.encode('<!DOCTYPE html><html><head><title>通知公告</title></head><body><p>通知', 'gbk'),
            Buffer.from([0x81, 0x20, 0xff, 0xfe, 0x80, 0xa1]),
            iconv.encode('公告</p></body></html>', 'gbk'),
          ]),
          'text/html; charset=gbk',
        );
      case HOSTILE_PAGES.lyingCharset:
        // Says UTF-8 in the header and in the page, and is GBK.
        return html(
          iconv.encode(
            '<!DOCTYPE html><html><head><meta charset="utf-8"><title>政策文件</title></head><body><p>关于印发政策文件的通知</p></body></html>',
            'gbk',
          ),
        );
      default:
        res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
        return res.end('<html><head><title>404</title></head><body>页面不存在</body></html>');
    }
  };
  site = await startServer(handler);
  return {
    homepage: `${site.origin}/`,
    silentPort,
    stalledTlsPort,
    hits,
    async close() {
      for (const socket of sockets) socket.destroy();
      await Promise.all([site!.close(), closeServer(silent), closeServer(stalledTls)]);
    },
  };
}

function homepage(
  linked: readonly (keyof typeof HOSTILE_PAGES)[],
  silent: { silentPort: number; stalledTlsPort: number } | undefined,
): string {
  const links = linked.map((name) => `<li><a href="${HOSTILE_PAGES[name]}">${name}</a></li>`).join('');
  const silentLinks = silent
    ? `<li><a href="http://127.0.0.1:${silent.silentPort}/xxgk/silent.html">silent</a></li>
<li><a href="https://127.0.0.1:${silent.stalledTlsPort}/xxgk/stalled-tls.html">stalledTls</a></li>`
    : '';
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>某某市人民政府</title></head><body>
<div class="header"><h1>某某市人民政府</h1></div>
<div class="nav"><a href="/">首页</a><a href="/xxgk/news.html">工作动态</a></div>
<ul class="list">${links}${silentLinks}</ul></body></html>`;
}

function silentServer(sockets: Set<Socket>): Promise<Server> {
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function portOf(server: Server): number {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
