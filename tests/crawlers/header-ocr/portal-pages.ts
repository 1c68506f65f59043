/**
 * Homepages in the style of the portals Sichuan's governments run on 大汉 (Hanweb) and 拓尔思 (TRS)
 * WCM: a channel strip, a masthead whose name is only a banner image (an <img> without alt, or a CSS
 * background), a search box, the blue navigation bar and news lists with generated article URLs.
 * Declared gb2312 in <meta> and served as GBK bytes, as such sites are.
 */
import type { RequestListener } from 'node:http';
import iconv from 'iconv-lite';

export interface PortalParts {
  title: string;
  /** Where the banner image is served. */
  banner: string;
  /** Its size as laid out. */
  width: number;
  height: number;
  /** An <img> without alt (大汉's `.logo img`) or a CSS background of the logo box (TRS). */
  as: 'img' | 'background';
  owner: string;
}

export function portalHomepage(parts: PortalParts): string {
  const logo =
    parts.as === 'img'
      ? `<div class="logo"><a href="/"><img src="${parts.banner}" width="${parts.width}" height="${parts.height}" border="0"></a></div>`
      : `<div class="logo" style="width:${parts.width}px;height:${parts.height}px;background:url(${parts.banner}) no-repeat"></div>`;
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>${parts.title}</title>
<style type="text/css">
  body { margin: 0; font: 12px/1.8 'WenQuanYi Micro Hei', '宋体'; }
  a { color: #333; text-decoration: none; }
  .w1200 { width: 1200px; margin: 0 auto; position: relative; }
  .top { height: 36px; line-height: 36px; background: #f2f2f2; border-bottom: 1px solid #ddd; }
  .top .fr { float: right; }
  .top .fr a { margin: 0 6px; }
  .header { background: #0d4fa3; overflow: hidden; }
  .header .logo { float: left; margin: 14px 0; }
  .header .search { float: right; margin-top: 40px; }
  .header .search input { width: 240px; height: 30px; border: 0; padding: 0 8px; }
  .nav { height: 50px; background: #0a3f86; }
  .nav li { float: left; list-style: none; }
  .nav a { display: block; padding: 0 30px; line-height: 50px; color: #fff; font-size: 16px; }
  .main { overflow: hidden; padding: 16px 0; }
  .footer { text-align: center; background: #eee; padding: 16px 0; }
</style></head>
<body>
<div class="top"><div class="w1200">今天是：2026年11月20日 星期五
  <div class="fr"><a href="/">网站首页</a>|<a href="javascript:void(0)" id="cniil_wza">无障碍</a>|<a href="/col/col4071/index.html">长者模式</a>|<a href="javascript:void(0)" id="StranLink">繁體</a>|<a href="/english/">English</a></div>
</div></div>
<div class="header"><div class="w1200">
  ${logo}
  <div class="search"><form action="/jsearchfront/search.do" method="get"><input type="text" name="q" placeholder="请输入关键字" /><input type="submit" value="搜索" /></form></div>
</div></div>
<div class="nav"><ul class="w1200">
  <li><a href="/">首页</a></li><li><a href="/col/col4072/index.html">政务公开</a></li>
  <li><a href="/col/col4073/index.html">政务服务</a></li><li><a href="/col/col4074/index.html">互动交流</a></li>
  <li><a href="/col/col4075/index.html">政府公报</a></li>
</ul></div>
<div class="main w1200"><ul>
  <li><a href="/art/2026/11/20/art_4073_1234.html">全市经济工作会议召开</a> <span>2026-11-20</span></li>
  <li><a href="/art/2026/11/18/art_4073_1230.html">关于做好冬季安全生产工作的通知</a> <span>2026-11-18</span></li>
</ul></div>
<div class="footer">主办单位：${parts.owner}办公室　网站标识码：5101000001　蜀ICP备05003828号</div>
</body></html>`;
}

/** Serves `pages` (GBK) and `images` (PNG) by path; anything else is a 404. */
export function portalHandler(pages: Map<string, string>, images: Map<string, Buffer>): RequestListener {
  return (request, response) => {
    const path = new URL(request.url ?? '/', 'http://fixture').pathname;
    const page = pages.get(path);
    const image = images.get(path);
    if (page !== undefined) {
      response.writeHead(200, { 'content-type': 'text/html' }).end(iconv.encode(page, 'gbk'));
    } else if (image !== undefined) {
      response.writeHead(200, { 'content-type': 'image/png' }).end(image);
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  };
}
