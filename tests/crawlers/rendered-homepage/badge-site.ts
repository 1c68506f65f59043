import type { IncomingMessage, ServerResponse } from 'node:http';
import iconv from 'iconv-lite';
import { solidPng } from '../../reports/fixtures/png.ts';

/**
 * County portals whose footers carry the two national badges, drawn each way real sites draw them,
 * with stand-ins for the platforms' scripts. The browser is pointed at loopback for the platforms'
 * host names, so pages reference them as real sites do; nothing is fetched from the real hosts.
 */
export const SITE_HOST = 'www.sxx.gov.cn';
export const PLATFORM_HOSTS = ['zfwzgl.www.gov.cn', 'dcs.conac.cn', 'bszs.conac.cn'];
export const SITE_CODE = '5101220001';

const CONAC_SCRIPT = '/js/23/000/0000/60429971/CA230000000604299710002.js';
const IDENTIFIERS = `网站标识码：${SITE_CODE}　<a href="https://beian.miit.gov.cn/">蜀ICP备05003828号-1</a>　川公网安备 51012202000117号`;

/** The stand-in for jiucuo.js: an image in span#_span_jiucuo whose onclick opens the platform; no link. */
function jiucuoScript(port: number): string {
  const platform = `http://zfwzgl.www.gov.cn:${port}/exposure`;
  return `(function () {
  var holder = document.getElementById('_span_jiucuo');
  if (!holder && document.readyState === 'loading') {
    document.write('<span id="_span_jiucuo"></span>');
    holder = document.getElementById('_span_jiucuo');
  }
  if (!holder) return;
  var tag = document.getElementById('_jiucuo_');
  var code = tag ? tag.getAttribute('sitecode') : '';
  window.Link = function (siteCode) {
    window.open('${platform}/jiucuo.html?site_code=' + siteCode + '&url=' + encodeURIComponent(location.href));
  };
  holder.innerHTML = '<img onclick="Link(\\'' + code + '\\')" style="margin:0;border:0;cursor:pointer" src="${platform}/images/jiucuo.png?v=' + code + '">';
})();`;
}

/** The stand-in for the registry's script: a link to bszs.conac.cn around img#imgConac, in span#_ideConac. */
function conacScript(port: number): string {
  return `(function () {
  var holders = document.querySelectorAll('#_ideConac');
  var holder = holders[holders.length - 1];
  if (!holder) return;
  holder.innerHTML = '<a href="//bszs.conac.cn:${port}/sitename?method=show&id=5A1B2C3D4E5F60718293A4B5C6D7E8F9" target="_blank">' +
    '<img id="imgConac" vspace="0" hspace="0" border="0" src="//dcs.conac.cn:${port}/image/red.png"></a>';
})();`;
}

/** How the registry asks sites to load its script: written in, after an empty span#_ideConac. */
function conacLoader(port: number, script = CONAC_SCRIPT): string {
  const written = `<span id='_ideConac' ></span><script src='http://dcs.conac.cn:${port}${script}' type='text/javascript'></script>`;
  const escaped = written.replace(/</g, '%3C').replace(/>/g, '%3E');
  return `<script type="text/javascript">document.write(unescape("${escaped}"));</script>`;
}

const jiucuoTag = (port: number, file = 'jiucuo.js') =>
  `<script id="_jiucuo_" sitecode="${SITE_CODE}" src="http://zfwzgl.www.gov.cn:${port}/exposure/${file}"></script>`;

/** A TRS (拓尔思) WCM portal, UTF-8: TRS keeps its pages under /zwgk/ as t<date>_<id>.shtml. */
function trsPage(footer: string, script = ''): string {
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>示例县人民政府门户网站</title>
<style>
  body { margin: 0; font: 14px/1.8 "WenQuanYi Micro Hei", sans-serif; }
  .header { height: 140px; background: #c4161c; color: #fff; font-size: 38px; line-height: 140px; padding-left: 80px; }
  .content { width: 1200px; margin: 0 auto; min-height: 500px; }
  .footer { background: #f0f0f0; border-top: 3px solid #c4161c; padding: 20px 0; }
  .footer .w1200 { width: 1200px; margin: 0 auto; overflow: hidden; }
  .footer .badges { float: left; width: 260px; }
  .footer .badges span { display: inline-block; vertical-align: middle; margin-right: 12px; }
  .footer .info { float: left; color: #555; }
</style></head>
<body>
<div class="header">示例县人民政府</div>
<div class="content"><ul>
  <li><a href="./zwgk/zwdt/202611/t20261120_2345678.shtml">县政府召开第12次常务会议</a> <span>2026-11-20</span></li>
  <li><a href="./zwgk/tzgg/202611/t20261118_2345601.shtml">关于开展冬季安全生产大检查的通知</a> <span>2026-11-18</span></li>
</ul></div>
<div class="footer"><div class="w1200">
  <div class="badges">${footer}</div>
  <div class="info"><p>主办：示例县人民政府办公室　承办：示例县大数据中心</p><p>${IDENTIFIERS}</p></div>
</div></div>
${script ? `<script>${script}</script>` : ''}
</body></html>`;
}

/** A 大汉 (Hanweb) portal declared GB2312: /col/col<id>/index.html, /art/<date>/art_<col>_<id>.html. */
function hanwebPage(footer: string, script = ''): string {
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>示例县人民政府</title>
<style>
  body { margin: 0; font: 12px/2 "WenQuanYi Micro Hei", sans-serif; }
  .top { height: 150px; background: #0b5aa6; color: #fff; font-size: 40px; line-height: 150px; text-align: center; }
  .main { width: 1000px; margin: 0 auto; min-height: 520px; }
  .bottom { background: #e9eef4; padding: 18px 0; }
  .bottom .bt { width: 1000px; margin: 0 auto; }
  .bottom .bt:after { content: ""; display: block; clear: both; }
  .bottom .dzjg, .bottom .jc { float: left; margin-right: 16px; }
  .bottom .copy { float: left; color: #333; }
</style></head>
<body>
<div class="top">示例县人民政府</div>
<div class="main"><table><tr><td><a href="/art/2026/11/20/art_1352_4567.html" target="_blank">全县秋冬季森林防火工作会议召开</a></td><td>[11-20]</td></tr>
<tr><td><a href="/col/col1353/index.html">政府信息公开指南</a></td><td></td></tr></table></div>
<div class="bottom"><div class="bt">
  ${footer}
  <div class="copy">主办单位：示例县人民政府办公室<br>${IDENTIFIERS}</div>
</div></div>
${script ? `<script type="text/javascript">${script}</script>` : ''}
</body></html>`;
}

/** The local copies sites keep, and the platforms' own images; PNGs of the badges' real sizes. */
const IMAGES: Record<string, Uint8Array> = {
  '/exposure/images/jiucuo.png': solidPng(110, 55, [220, 60, 20]),
  '/image/red.png': solidPng(55, 65, [200, 20, 20]),
  '/picture/0/2205121030567.png': solidPng(110, 55, [220, 60, 20]),
  '/picture/0/2203110915123456.png': solidPng(55, 65, [200, 20, 20]),
  '/picture/0/red.png': solidPng(55, 65, [200, 20, 20]),
  '/images/jiucuo_bg.png': solidPng(110, 55, [220, 60, 20]),
  '/images/dzjg.png': solidPng(55, 65, [200, 20, 20]),
  '/images/jiucuo.png': solidPng(110, 55, [220, 60, 20]),
};

/** Each drawing style, by homepage path; GBK pages are encoded when served. */
function pages(port: number): Record<string, { html: string; gbk?: boolean }> {
  const bszs = `http://bszs.conac.cn:${port}/sitename?method=show&amp;id=5A1B2C3D4E5F60718293A4B5C6D7E8F9`;
  return {
    // The platforms' scripts as they ask to be included.
    '/trs/': { html: trsPage(`<span>${jiucuoTag(port)}</span><span>${conacLoader(port)}</span>`) },
    // The site's own code draws the 找错 image and listens on its wrapper; the 党政机关 link wraps a floated
    // copy of the image and carries the old clearfix (overflow:hidden; zoom:1), which inline boxes ignore.
    '/hanweb-listener/': {
      gbk: true,
      html: hanwebPage(
        `<div class="dzjg"><span id="_ideConac" style="overflow: hidden; zoom: 1"><a href="${bszs}" target="_blank" style="overflow: hidden; zoom: 1"><img id="imgConac" src="/picture/0/red.png" style="float: left" border="0"></a></span></div>
         <div class="jc"><span id="_span_jiucuo"></span></div>`,
        `var jc = document.getElementById('_span_jiucuo');
         jc.innerHTML = '<img src="/picture/0/2205121030567.png" style="cursor: pointer" border="0">';
         jc.addEventListener('click', function () { window.open('http://zfwzgl.www.gov.cn:${port}/exposure/jiucuo.html?site_code=${SITE_CODE}'); });`,
      ),
    },
    // Both drawn a moment after the load event: the platform's script appended then, and the link injected.
    '/late/': {
      gbk: true,
      html: hanwebPage(
        '<div class="dzjg" id="dzjg"></div><div class="jc"><span id="_span_jiucuo"></span></div>',
        `window.onload = function () {
           setTimeout(function () {
             var s = document.createElement('script');
             s.id = '_jiucuo_'; s.setAttribute('sitecode', '${SITE_CODE}');
             s.src = 'http://zfwzgl.www.gov.cn:${port}/exposure/jiucuo.js';
             document.body.appendChild(s);
             document.getElementById('dzjg').innerHTML = '<a href="${bszs}" target="_blank"><img src="/picture/0/2203110915123456.png" border="0"></a>';
           }, 600);
         };`,
      ),
    },
    // Badges as CSS backgrounds of small boxes that react to a click.
    '/background/': {
      html: trsPage(
        `<span id="_span_jiucuo" style="width: 110px; height: 55px; background: url(/images/jiucuo_bg.png) no-repeat; cursor: pointer"
           onclick="window.open('http://zfwzgl.www.gov.cn:${port}/exposure/jiucuo.html?site_code=${SITE_CODE}')"></span>
         <span class="dzjg" style="width: 55px; height: 65px; background: url(/images/dzjg.png) no-repeat; cursor: pointer"
           onclick="window.open('${bszs}')"></span>`,
      ),
    },
    // A copy of the 找错 image left without its link or handler (the pointer alone does nothing); a page-wide
    // listener on the document is no handler of the image's. The 党政机关 image needs no click to identify.
    '/not-clickable/': {
      html: trsPage(
        '<span class="jc"><img src="/images/jiucuo.png" style="cursor: pointer"></span><span><img src="/images/dzjg.png"></span>',
        "document.addEventListener('click', function () { window.__lastClick = Date.now(); });",
      ),
    },
    // A news ticker of 3,100 items, each with its own click listener, before the footer whose 找错 image a
    // script wires with addEventListener: more listening elements than the extraction hands over.
    '/busy/': {
      html: trsPage(
        '<span id="_span_jiucuo"><img src="/images/jiucuo.png" border="0"></span><span><img src="/images/dzjg.png"></span>',
        `var ul = document.createElement('ul');
         for (var i = 0; i < 3100; i++) {
           var li = document.createElement('li');
           li.textContent = '滚动新闻 ' + i;
           li.addEventListener('click', function () {});
           ul.appendChild(li);
         }
         document.body.insertBefore(ul, document.body.firstChild);
         document.querySelector('#_span_jiucuo img').addEventListener('click', function () {
           window.open('http://zfwzgl.www.gov.cn:${port}/exposure/jiucuo.html?site_code=${SITE_CODE}');
         });`,
      ),
    },
    // Drawn by the platforms' scripts into containers nobody sees.
    '/hidden/': {
      html: trsPage(
        `<div class="float-jc" style="display: none">${jiucuoTag(port)}</div>
         <div style="position: relative; height: 0; overflow: hidden">${conacLoader(port)}</div>`,
      ),
    },
    // The scripts referenced but gone: nothing drawn.
    '/not-drawn/': {
      html: trsPage(
        `<span>${jiucuoTag(port, 'jiucuo_v2.js')}</span><span>${conacLoader(port, '/js/23/000/0000/00000000/CA230000000000000000000.js')}</span>`,
      ),
    },
  };
}

/** Serves the homepages, the local and platform images, and the platforms' stand-in scripts. */
export function badgeSite(request: IncomingMessage, response: ServerResponse): void {
  const port = request.socket.localPort ?? 80;
  const path = new URL(request.url ?? '/', 'http://fixture').pathname;
  const page = pages(port)[path];
  const image = IMAGES[path];
  if (page) {
    response.writeHead(200, { 'content-type': page.gbk ? 'text/html' : 'text/html; charset=utf-8' });
    response.end(page.gbk ? iconv.encode(page.html, 'gb2312') : page.html);
  } else if (image) {
    response.writeHead(200, { 'content-type': 'image/png' }).end(image);
  } else if (path === '/exposure/jiucuo.js' || path === CONAC_SCRIPT) {
    response.writeHead(200, { 'content-type': 'application/javascript' });
    response.end(path === CONAC_SCRIPT ? conacScript(port) : jiucuoScript(port));
  } else {
    response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<title>404</title>');
  }
}

export const BADGE_STYLES = [
  'trs',
  'hanweb-listener',
  'late',
  'background',
  'not-clickable',
  'busy',
  'hidden',
  'not-drawn',
] as const;
