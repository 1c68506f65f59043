import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RenderedHomepage } from '../../../crawlers/artifacts.ts';
import { renderHomepage } from '../../../crawlers/rendered-homepage/render-homepage.ts';
import { launchBrowser } from '../../../src/browser.ts';
import { type RunningServer, startServer } from '../../support/http-server.ts';

/**
 * Mastheads under a strip of channel links, in the layouts real portals use: the strip as
 * `<div class="top">`, as `<ul class="nav-top">`, as a `<nav>` at y = 0, below a 40 px ad bar, and
 * below a 120 px 党建 banner. Each masthead is a 200 px banner image without alt. Before the strip
 * rule two of them lost their masthead: the strip `div.top` above a masthead whose container has no
 * header word set the band's bottom (120 px, the masthead's centre at 136 px outside it), and the
 * strip `div.top-nav` below the 党建 banner ended the header above the masthead `div.header`. The
 * others hold what already worked.
 */
const STRIP_LINKS =
  '<a href="/">网站首页</a>|<a href="javascript:void(0)" id="cniil_wza">无障碍</a>|<a href="/zzms/">长者模式</a>|<a href="javascript:void(0)">简/繁</a>|<a href="/login/">登录</a>|<a href="/wap/">手机版</a>|<a href="/english/">English</a>';
function masthead(className: string): string {
  return `<div class="w1200 ${className}"><img id="pic" src="/images/mast.png" width="1200" height="200"></div>`;
}
const NAV =
  '<div class="nav"><ul class="w1200"><li><a href="/">首页</a></li><li><a href="/col/col101/index.html">政务公开</a></li><li><a href="/col/col102/index.html">政务服务</a></li><li><a href="/col/col103/index.html">互动交流</a></li></ul></div>';
const STYLE = `<style>body{margin:0;font:12px 'WenQuanYi Micro Hei'} .w1200{width:1200px;margin:0 auto}
  .strip{height:36px;line-height:36px;background:#f2f2f2;text-align:right} .nav{height:50px;background:#0a3f86}
  .nav li{float:left;list-style:none} .nav a{display:block;padding:0 30px;line-height:50px;color:#fff}
  .nav ul{margin:0 auto;padding:0} .w1200 img{display:block}</style>`;

function page(top: string, mastClass = 'header'): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>某市人民政府</title>${STYLE}</head><body>${top}${masthead(mastClass)}${NAV}<div class="w1200"><p>要闻</p></div></body></html>`;
}

const LAYOUTS: Record<string, { html: string; stripBottom: number }> = {
  'div-top': {
    html: page(`<div class="top strip"><div class="w1200">${STRIP_LINKS}</div></div>`, 'mast'),
    stripBottom: 36,
  },
  'ul-nav-top': {
    html: page(`<ul class="nav-top strip" style="margin:0;padding:0;list-style:none">${STRIP_LINKS}</ul>`),
    stripBottom: 36,
  },
  'nav-at-top': { html: page(`<nav class="strip">${STRIP_LINKS}</nav>`), stripBottom: 36 },
  'below-ad-bar': {
    html: page(
      `<div class="ad" style="height:40px;background:#c00"></div><div class="topnav strip">${STRIP_LINKS}</div>`,
    ),
    stripBottom: 76,
  },
  'below-djbanner': {
    html: page(
      `<div class="djbanner" style="height:120px;background:#b71c1c"></div><div class="top-nav strip"><div class="w1200">${STRIP_LINKS}</div></div>`,
    ),
    stripBottom: 156,
  },
};

let browser: Browser;
let server: RunningServer;

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://fixture').pathname;
    const layout = LAYOUTS[path.replace(/\//g, '')];
    if (layout) response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(layout.html);
    else if (path === '/images/mast.png')
      response
        .writeHead(200, { 'content-type': 'image/svg+xml' })
        .end(
          '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="200"><rect width="1200" height="200" fill="#0d4fa3"/></svg>',
        );
    else response.writeHead(404).end();
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a masthead under a channel strip stays in the header area', () => {
  it.each(Object.entries(LAYOUTS))('%s', async (path, { stripBottom }) => {
    const homepage: RenderedHomepage = await renderHomepage(browser, `${server.origin}/${path}/`);
    const masthead = homepage.graphics.find((g) => g.selector.endsWith('#pic'));
    expect(masthead?.box.y).toBe(stripBottom);
    expect(masthead?.inHeader).toBe(true);
    // The band reaches past the masthead's centre, and the main navigation bar below stays out.
    const nav = homepage.links.find((l) => l.text === '政务公开');
    expect(nav?.inHeader).toBe(false);
    const strip = homepage.links.find((l) => l.text === '长者模式');
    expect(strip?.inHeader).toBe(true);
  });
});
