import iconv from 'iconv-lite';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  HiddenReason,
  RenderedGraphic,
  RenderedHomepage,
  RenderedLink,
} from '../../../crawlers/artifacts.ts';
import { renderHomepage } from '../../../crawlers/rendered-homepage/render-homepage.ts';
import { launchBrowser } from '../../../src/browser.ts';
import { solidPng } from '../../reports/fixtures/png.ts';
import { type RunningServer, startServer } from '../../support/http-server.ts';

/**
 * The layouts that give an element no box of its own while a reader sees what it holds, and the
 * tricks that hide things, in the footer of a 大汉 (Hanweb) style county portal declared GB2312.
 */
const FOOTER_LAYOUTS = `
<div class="bottom-links clearfix">
  <a id="float-img" href="https://bszs.conac.cn/sitename?method=show&amp;id=2A3B4C5D"><img src="/picture/0/red.png" class="fl"></a>
  <a id="block-float" href="/col/col1351/index.html" style="display: block"><img src="/picture/0/red.png" class="fl"></a>
  <div class="jc-line" style="clear: both"><a id="block-img" href="/col/col1352/index.html"><img src="/picture/0/jiucuo.png" class="db"></a></div>
  <span class="ib"><a id="ib-float" href="/col/col1353/index.html"><img src="/picture/0/red.png" class="fl"></a></span>
  <div class="abs-box"><a id="abs-only" href="/col/col1354/index.html"><img src="/picture/0/jiucuo.png" class="abs"></a></div>
  <a id="inline-overflow" href="/col/col1355/index.html" style="overflow: hidden; zoom: 1"><img id="img-in-overflow" src="/picture/0/jiucuo.png" class="fr"></a>
  <div class="static-clip"><a id="escapes-clip" href="/col/col1356/index.html" class="abs-link">网站纠错</a></div>
  <a id="contents" href="/col/col1357/index.html" style="display: contents"><img src="/picture/0/red.png"></a>
  <img id="mapped" src="/picture/0/map.png" usemap="#footmap"><map name="footmap"><area id="map-area" href="/col/col1358/index.html" shape="rect" coords="0,0,60,30" alt="政务服务"></map>
</div>
<div class="hidden-tricks">
  <a id="none" href="/col/col1360/index.html" style="display: none">网站地图</a>
  <a id="invisible" href="/col/col1361/index.html" style="visibility: hidden">联系我们</a>
  <div style="opacity: 0"><a id="transparent" href="/col/col1362/index.html">网站声明</a></div>
  <a id="clip-rect" href="/col/col1363/index.html" style="position: absolute; clip: rect(0 0 0 0)">无障碍</a>
  <span class="sr-only"><a id="sr-only" href="/col/col1364/index.html">跳到主要内容</a></span>
  <div style="height: 0; overflow: hidden"><a id="in-zero-block" href="/col/col1365/index.html">站内搜索</a></div>
  <div style="position: relative; height: 0; overflow: hidden"><a id="abs-in-clip" href="/col/col1366/index.html" class="abs-link">长者模式</a></div>
  <a id="far-left" href="/col/col1367/index.html" style="position: absolute; left: -9999px">English</a>
  <a id="img-none" href="/col/col1368/index.html"><img id="hidden-img" src="/picture/0/red.png" style="display: none"></a>
  <div style="display: none"><img id="hidden-map" src="/picture/0/map.png" usemap="#hiddenmap"></div><map name="hiddenmap"><area id="hidden-area" href="/col/col1369/index.html" shape="rect" coords="0,0,60,30" alt="办事指南"></map>
  <h2 id="indent-text" style="text-indent: -9999px; overflow: hidden; width: 300px">我为政府网站找错</h2>
</div>`;

const PAGE = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>示例县人民政府</title>
<style>
  body { margin: 0; font: 12px/1.8 "WenQuanYi Micro Hei", sans-serif; }
  .top { height: 120px; background: #b5161c; color: #fff; font-size: 36px; line-height: 120px; }
  .main { height: 600px; }
  .bottom { width: 1000px; margin: 0 auto; padding: 20px 0; position: relative; }
  .clearfix:after { content: ""; display: block; clear: both; }
  .fl { float: left; } .fr { float: right; } .db { display: block; }
  .jc-line { text-align: center; }
  .abs-box { position: relative; height: 60px; }
  .abs { position: absolute; left: 0; top: 0; }
  .static-clip { height: 0; overflow: hidden; }
  .abs-link { position: absolute; left: 200px; top: 5px; }
  .sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; border: 0; }
</style></head>
<body>
<div class="top">示例县人民政府</div>
<div class="main"><a href="/col/col1234/index.html">政务公开</a> <a href="/art/2026/11/20/art_1234_5678.html">县政府召开常务会议</a></div>
<div class="bottom">${FOOTER_LAYOUTS}
  <p>主办：示例县人民政府办公室 网站标识码：5101220001 蜀ICP备05003828号</p>
</div>
</body></html>`;

const IMAGES: Record<string, Uint8Array> = {
  '/picture/0/red.png': solidPng(55, 65, [204, 0, 0]),
  '/picture/0/jiucuo.png': solidPng(110, 55, [230, 80, 0]),
  '/picture/0/map.png': solidPng(120, 30, [0, 90, 170]),
};

let browser: Browser;
let site: RunningServer;
let homepage: RenderedHomepage;

const byId = <T extends { selector: string }>(items: T[], id: string): T => {
  const found = items.find((item) => item.selector.endsWith(`#${id}`));
  if (!found) throw new Error(`nothing with id ${id}`);
  return found;
};

beforeAll(async () => {
  browser = await launchBrowser();
  site = await startServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://fixture').pathname;
    const image = IMAGES[path];
    if (path === '/') {
      response.writeHead(200, { 'content-type': 'text/html' }).end(iconv.encode(PAGE, 'gb2312'));
    } else if (image) {
      response.writeHead(200, { 'content-type': 'image/png' }).end(image);
    } else {
      response.writeHead(404, { 'content-type': 'text/html' }).end();
    }
  });
  homepage = await renderHomepage(browser, `${site.origin}/`);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('visibility as a browser decides it, in real Chromium', () => {
  it.each([
    ['float-img', 'an inline <a> around a floated image', { width: 55, height: 65 }],
    // Chromium lays the image out in an anonymous block as wide as the line, part of the <a>'s boxes.
    ['block-img', 'an inline <a> around a display:block image', { width: 1000, height: 55 }],
    ['block-float', 'a display:block <a> of no height around an uncleared float', { width: 55, height: 65 }],
    ['ib-float', 'a floated image in an <a> inside an inline-block', { width: 55, height: 65 }],
    ['abs-only', 'an <a> whose only content is absolutely positioned', { width: 110, height: 55 }],
    [
      'inline-overflow',
      'an inline <a> with overflow:hidden (which inline boxes ignore)',
      { width: 110, height: 55 },
    ],
    ['contents', 'an <a> with display:contents', { width: 55, height: 65 }],
    ['map-area', 'an image-map <area>, drawn by its image', { width: 120, height: 30 }],
  ])('a link is visible when what it holds is: %s (%s)', (id, _layout, size) => {
    const link = byId(homepage.links, id);
    expect(link).toMatchObject({ visible: true, box: expect.objectContaining(size) });
    expect(link.hiddenReason).toBeUndefined();
  });

  it('a zero-height overflow:hidden wrapper does not clip an absolutely positioned link it does not contain', () => {
    expect(byId(homepage.links, 'escapes-clip')).toMatchObject({ visible: true, text: '网站纠错' });
  });

  it('the image inside an inline <a> with overflow:hidden is visible too', () => {
    expect(byId(homepage.graphics, 'img-in-overflow')).toMatchObject({
      visible: true,
      box: expect.objectContaining({ width: 110, height: 55 }),
    });
  });

  it.each([
    ['none', 'display-none'],
    ['invisible', 'visibility-hidden'],
    ['transparent', 'transparent'],
    ['clip-rect', 'clipped'],
    ['sr-only', 'clipped'],
    ['in-zero-block', 'zero-size'],
    ['abs-in-clip', 'zero-size'],
    ['far-left', 'off-page'],
    ['img-none', 'display-none'],
    ['hidden-area', 'display-none'],
  ] satisfies [string, HiddenReason][])('a hidden link stays hidden: #%s (%s)', (id, reason) => {
    expect(byId<RenderedLink>(homepage.links, id)).toMatchObject({ visible: false, hiddenReason: reason });
  });

  it('a hidden image says why', () => {
    expect(byId<RenderedGraphic>(homepage.graphics, 'hidden-img')).toMatchObject({
      visible: false,
      hiddenReason: 'display-none',
    });
  });

  it('text pushed off the page by text-indent stays hidden', () => {
    expect(byId(homepage.texts, 'indent-text')).toMatchObject({
      text: '我为政府网站找错',
      visible: false,
      hiddenReason: 'off-page',
    });
  });

  it('reads the GB2312 page as a browser does', () => {
    expect(homepage.title).toBe('示例县人民政府');
    expect(homepage.texts.some((t) => t.text.includes('网站标识码：5101220001'))).toBe(true);
  });
});
