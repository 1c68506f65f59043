import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hiddenLinks } from '../../../checks/hidden-links.ts';
import type { RenderedHomepage } from '../../../crawlers/artifacts.ts';
import { siteReach } from '../../../crawlers/reach/site-reach.ts';
import { renderHomepage } from '../../../crawlers/rendered-homepage/render-homepage.ts';
import { parseResolveEntries } from '../../../crawlers/resolve/resolve-table.ts';
import { launchBrowser } from '../../../src/browser.ts';
import { site as registered } from '../../checks/fixtures/builders.ts';
import { type FixtureSite, serveSite } from '../site-crawl/fixture-site.ts';

const SITE = 'www.site.gov.cn';
/** Hosts the browser goes to (a frame, redirects): all answered by the fixture server. */
const VISITED = ['frame.example.com', 'www.bet365.example', 'news.example.com'];

/** A county portal with a hidden dropdown menu, and the 暗链 tricks of hijacked government pages. */
const HOMEPAGE = `<!doctype html><html><head><meta charset="utf-8"><title>示例县人民政府</title>
<style>
  body { margin: 0; font: 14px/1.8 sans-serif; }
  .nav > li { position: relative; display: inline-block; }
  .nav .sub { display: none; position: absolute; }
  .nav > li:hover .sub { display: block; }
  .f { background: #f5f5f5; }
</style></head><body>
<header><h1>示例县人民政府</h1></header>
<ul class="nav">
  <li><a href="/zwgk/">政务公开</a><ul class="sub"><li><a id="menu" href="/zwgk/zcwj/">政策文件</a></li></ul></li>
  <li><a href="/hdjl/">互动交流</a></li>
  <li><a href="/mtlj/">媒体链接</a><ul class="sub"><li><a id="media" href="http://www.people.com.cn/">人民网</a></li></ul></li>
</ul>
<div style="display: none"><a id="gov" href="https://www.sc.gov.cn/">四川省人民政府</a></div>
<div id="casino" style="display: none"><a href="http://www.ag-casino.example/">澳门博彩</a> <a href="http://bjl.example/">百家乐 真人荷官</a></div>
<div class="f"><a id="same" href="http://shop.example.com/" style="color: #f5f5f5">购物商城</a> 主办：示例县人民政府办公室</div>
<a id="far" href="http://far.example.com/" style="position: absolute; left: -9999px">友情链接</a>
<span style="font-size: 0"><a id="tiny-text" href="http://tiny.example.com/">看不见</a></span>
<marquee height="0"><a id="scroll" href="http://mq.example.com/">滚动新闻</a></marquee>
<iframe id="frame" src="http://frame.example.com:PORT/" width="1" height="1"></iframe>
<a id="visible" href="http://www.xinhuanet.com/">新华网</a>
<a id="replaced" href="http://banner.example.com/" style="display: inline-block; width: 90px; height: 30px; color: transparent; background: url(/banner.png)">合作网站</a>
<div style="font-size: 0"><a id="reset" href="http://www.people.com.cn/" style="font-size: 14px">人民网</a></div>
</body></html>`;

const redirecting = (head: string, body = '') =>
  `<!doctype html><html><head><meta charset="utf-8">${head}<title>示例县人民政府</title></head><body>${body}<h1>示例县人民政府</h1></body></html>`;

let browser: Browser;
let server: FixtureSite;
const resolve = parseResolveEntries([SITE, ...VISITED].map((host) => `${host}:*:127.0.0.1`));

async function render(path: string): Promise<RenderedHomepage> {
  const url = `http://${SITE}:${server.port}${path}`;
  const reach = await siteReach(url, { resolve });
  return renderHomepage(browser, url, { resolve, reach, settleCapMs: 1_500 });
}

const bySelector = (home: RenderedHomepage, id: string) =>
  home.hiddenLinks?.find((link) => link.selector.endsWith(`#${id}`));

beforeAll(async () => {
  browser = await launchBrowser();
  server = await serveSite({
    '/': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(HOMEPAGE.replace('PORT', String(server.port)));
    },
    '/meta/': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        redirecting(
          `<meta http-equiv="refresh" content="0;url=http://www.bet365.example:${server.port}/in/">`,
        ),
      );
    },
    '/script/': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        redirecting('', `<script>location.replace('http://news.example.com:${server.port}/in/')</script>`),
      );
    },
    '/later/': {
      body: redirecting('<meta http-equiv="Refresh" content="600; URL=http://later.example.com/">'),
    },
    '/in/': { body: '<title>落地页</title><p>落地页</p>' },
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('hidden links as Chromium draws them', () => {
  let home: RenderedHomepage;
  beforeAll(async () => {
    home = await render('/');
  }, 60_000);

  it('keeps no link to the site itself, such as its hidden dropdown menu, nor a visible external one', () => {
    expect(bySelector(home, 'menu')).toBeUndefined();
    expect(home.hiddenLinks?.some((link) => link.target.includes('/zwgk/'))).toBe(false);
    expect(bySelector(home, 'visible')).toBeUndefined();
    // A container at font size 0 (the inline-block gap trick) around a link that sets its own size.
    expect(bySelector(home, 'reset')).toBeUndefined();
    // Transparent text over a background image: the picture stands in for the words.
    expect(bySelector(home, 'replaced')).toBeUndefined();
  });

  it('records each trick with how it hides the link and the element', () => {
    const how = Object.fromEntries((home.hiddenLinks ?? []).map((link) => [link.target, link.how]));
    expect(how).toEqual({
      'https://www.sc.gov.cn/': 'display-none',
      'http://www.ag-casino.example/': 'display-none',
      'http://bjl.example/': 'display-none',
      'http://www.people.com.cn/': 'display-none',
      'http://shop.example.com/': 'same-colour',
      'http://far.example.com/': 'off-page',
      'http://tiny.example.com/': 'font-size-zero',
      'http://mq.example.com/': 'marquee',
      [`http://frame.example.com:${server.port}/`]: 'tiny-frame',
    });
    expect(bySelector(home, 'same')).toMatchObject({
      text: '购物商城',
      selector: 'a#same',
      html: '<a id="same" href="http://shop.example.com/" style="color: #f5f5f5">购物商城</a>',
    });
  });

  it('tells a drop-down of the site’s menu from a hidden box of links', () => {
    expect(bySelector(home, 'media')).toMatchObject({ inMenu: true });
    const casino = home.hiddenLinks?.find((link) => link.target === 'http://www.ag-casino.example/');
    expect(casino).toBeDefined();
    expect(casino?.inMenu).toBeUndefined();
  });

  it('hidden-links vetoes the casino links, asks for review of the others, and passes the government one', () => {
    const result = hiddenLinks.run(
      { renderedHomepage: home },
      { site: registered({ homepage: home.url }), now: new Date() },
    );
    expect(result.outcome).toBe('fail');
    expect(result.singleVeto).toContain('博彩');
    const keyed = result.findings.map((f) => [
      f.evidence.target,
      (f.evidence.keywords as unknown[]).length > 0,
    ]);
    expect(keyed).toContainEqual(['http://www.ag-casino.example/', true]);
    expect(keyed).toContainEqual(['http://shop.example.com/', false]);
    expect(keyed.map(([target]) => target)).not.toContain('https://www.sc.gov.cn/');
    expect(keyed.map(([target]) => target)).not.toContain('http://www.people.com.cn/');
  });
});

describe('redirects to other hosts', () => {
  it.each([
    ['/meta/', 'a meta refresh', { target: 'http://www.bet365.example:PORT/in/', by: 'meta-refresh' }],
    ['/script/', 'a script', { target: 'http://news.example.com:PORT/in/', by: 'script' }],
    ['/later/', 'a meta refresh still to come', { target: 'http://later.example.com/', by: 'meta-refresh' }],
  ])(
    'are recorded: %s (%s)',
    async (path, _how, expected) => {
      const home = await render(path);
      const target = expected.target.replace('PORT', String(server.port));
      expect(home.redirects).toEqual([{ ...expected, target }]);
    },
    60_000,
  );

  it('are not recorded for a page that stays on its site', async () => {
    expect((await render('/')).redirects).toBeUndefined();
  }, 60_000);
});
