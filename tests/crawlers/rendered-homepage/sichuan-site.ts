import type { RequestListener } from 'node:http';

/** What varies between the fixture homepages; everything else looks like a Sichuan government portal. */
export interface HomepageParts {
  title: string;
  /** The inside of the blue header band (emblem, name). */
  header: string;
  /** The organisation named in the footer (主办单位). */
  owner: string;
  /** Extra CSS and a script at the end of the body. */
  style?: string;
  script?: string;
}

export function sichuanHomepage(parts: HomepageParts): string {
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${parts.title}</title>
<link rel="stylesheet" href="/css/common.css">
<style>
  body { margin: 0; font: 14px/1.6 "WenQuanYi Micro Hei", sans-serif; min-width: 1200px; }
  a { color: #333; text-decoration: none; }
  .w1200 { width: 1200px; margin: 0 auto; position: relative; }
  .top-bar { height: 34px; line-height: 34px; background: #f4f4f4; font-size: 13px; }
  .top-bar .tools { float: right; }
  .header { height: 150px; background: linear-gradient(#0d4fa3, #2a74c9); }
  .header .emblem { float: left; width: 90px; height: 90px; margin: 30px 20px 0 0; }
  .header .site-name { float: left; margin: 0; font-size: 42px; line-height: 150px; color: #fff; letter-spacing: 4px; }
  .nav { height: 48px; background: #0a3f86; }
  .nav a { display: inline-block; padding: 0 28px; line-height: 48px; color: #fff; font-size: 17px; }
  .main { overflow: hidden; padding: 20px 0; }
  .news { float: left; width: 580px; margin-right: 20px; }
  .news-head { font-size: 18px; border-bottom: 2px solid #0d4fa3; }
  .news li { list-style: none; }
  .footer { background: #eaeaea; padding: 20px 0; text-align: center; font-size: 13px; color: #555; }
  ${parts.style ?? ''}
</style></head>
<body>
<div class="top-bar"><div class="w1200">今天是 2024年3月1日 星期五<span class="tools"><a href="/wza/">无障碍</a> | <a href="/zzms/">长者模式</a> | <a href="/english/">English</a></span></div></div>
<div class="header"><div class="w1200">${parts.header}</div></div>
<div class="nav"><div class="w1200"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/zwfw/">政务服务</a><a href="/hdjl/">互动交流</a><a href="/zjsc/">走进四川</a><a href="/zfgb/">政府公报</a></div></div>
<div class="main w1200">
  <div class="news"><div class="news-head">要闻动态</div><ul>
    <li><a href="/news/2024/0301/1.html">省政府召开第38次常务会议</a> <span>2024-03-01</span></li>
    <li><a href="/news/2024/0228/2.html">全省春季农业生产工作会议召开</a> <span>2024-02-28</span></li>
    <li><a href="/news/2024/0227/3.html">成都平原经济区协同发展推进会举行</a> <span>2024-02-27</span></li>
  </ul></div>
  <div class="news"><div class="news-head">通知公告</div><ul>
    <li><a href="/tzgg/2024/1.html">关于做好2024年清明节期间有关工作的通知</a> <span>2024-02-26</span></li>
    <li><a href="/zfxxgk/ndbg/2023.html">2023年政府信息公开工作年度报告</a> <span>2024-01-31</span></li>
  </ul></div>
</div>
<div class="footer">
  <p>主办单位：${parts.owner}办公厅　承办单位：${parts.owner}办公厅信息公开处</p>
  <p>网站标识码：5100000062　<a href="https://beian.miit.gov.cn/">蜀ICP备05003828号</a>　川公网安备 51010402000507号</p>
</div>
${parts.script ? `<script>${parts.script}</script>` : ''}
</body></html>`;
}

/** The national emblem, and a banner image with the site name drawn in it (as many portals have). */
export const EMBLEM_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="90" height="90"><circle cx="45" cy="45" r="42" fill="#d6281c"/><circle cx="45" cy="45" r="20" fill="#f5d000"/></svg>';
export const NAME_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="420" height="90"><text x="0" y="62" font-size="48" fill="#fff">成都市人民政府</text></svg>';

/** Serves `pages` by path, the two images and a stylesheet; anything else is a 404. */
export function siteHandler(pages: Record<string, string>): RequestListener {
  return (request, response) => {
    const path = new URL(request.url ?? '/', 'http://fixture').pathname;
    const page = pages[path];
    if (page !== undefined) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(page);
    } else if (path === '/img/emblem.svg' || path === '/img/name.svg') {
      response.writeHead(200, { 'content-type': 'image/svg+xml' });
      response.end(path === '/img/emblem.svg' ? EMBLEM_SVG : NAME_SVG);
    } else if (path === '/css/common.css') {
      response.writeHead(200, { 'content-type': 'text/css' });
      response.end('.nav a:hover { text-decoration: underline; }');
    } else {
      response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<title>页面不存在</title>');
    }
  };
}
