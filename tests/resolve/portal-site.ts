import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Site } from '../../src/registry/site.ts';

export interface Seen {
  method: string;
  path: string;
  host: string;
  navigation: boolean;
}

/** 四川省人民政府's portal in miniature: the name written by script into the header, pages, a planted 404. */
export function portal(seen: Seen[]) {
  return (req: IncomingMessage, res: ServerResponse) => {
    seen.push({
      method: req.method ?? '',
      path: req.url ?? '',
      host: req.headers.host ?? '',
      navigation: req.headers['upgrade-insecure-requests'] === '1',
    });
    const html = (status: number, title: string, body: string) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`,
      );
    };
    if (req.url === '/') {
      html(
        200,
        '首页',
        `<header style="height:120px"><h1 id="site-name"></h1></header>
        <script>document.getElementById('site-name').textContent = '四川省人民政府';</script>
        <nav><a href="/zwgk/index.html">政务公开</a> <a href="/zwfw/index.html">政务服务</a></nav>
        <main><a href="/files/2025-plan.pdf">2025年工作计划（PDF）</a></main>`,
      );
    } else if (req.url === '/zwgk/index.html') {
      html(200, '政务公开', '<a href="/zwgk/detail.html">通知</a>');
    } else if (req.url === '/zwgk/detail.html' || req.url === '/zwfw/index.html') {
      html(200, '政务', '<p>内容</p>');
    } else {
      html(404, '页面不存在', '<h1>404 页面不存在</h1>');
    }
  };
}

/** The registry entry of the portal, under its real name and the test server's port. */
export function portalSite(host: string): Site {
  return {
    id: 'sc-portal',
    fullName: '四川省人民政府',
    homepage: `http://${host}/`,
    level: 'province',
    kind: 'portal',
    region: '510000',
    parent: null,
    archiveRoots: [],
  };
}

export function sitesYaml(host: string): string {
  return `sites:\n  - id: sc-portal\n    fullName: 四川省人民政府\n    homepage: http://${host}/\n    level: province\n    kind: portal\n    region: "510000"\n`;
}
