import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHomepage } from '../../../crawlers/rendered-homepage/render-homepage.ts';
import { launchBrowser } from '../../../src/browser.ts';
import { type RunningServer, refusedPort, startServer } from '../../support/http-server.ts';
import { sichuanHomepage, siteHandler } from './sichuan-site.ts';

const PROVINCE = '四川省人民政府';
const HEADER = `<img class="emblem" src="/img/emblem.svg" alt="国徽"><h1 class="site-name">${PROVINCE}</h1>`;
const page = (extra: { script?: string } = {}) =>
  sichuanHomepage({ title: `${PROVINCE}门户网站`, owner: PROVINCE, header: HEADER, ...extra });

const pages: Record<string, string> = {
  '/index.html': page(),
  '/ticker/': page({
    script: `let n = 0; setInterval(() => { document.querySelector('.news-head').textContent = '滚动新闻 ' + n++; }, 50);`,
  }),
  '/moved/': page({ script: `location.replace('/index.html');` }),
};

let browser: Browser;
let site: RunningServer;

beforeAll(async () => {
  browser = await launchBrowser();
  const serve = siteHandler(pages);
  site = await startServer((request, response) => {
    if (request.url === '/') {
      response.writeHead(302, { location: '/index.html' });
      response.end();
    } else if (request.url === '/hang/') {
      // Never answers: the navigation timeout must end the wait.
    } else {
      serve(request, response);
    }
  });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('renderHomepage navigation and waiting', () => {
  it('follows a redirect and reports the final URL and status', async () => {
    const homepage = await renderHomepage(browser, `${site.origin}/`);
    expect(homepage).toMatchObject({
      url: `${site.origin}/`,
      finalUrl: `${site.origin}/index.html`,
      status: 200,
      title: `${PROVINCE}门户网站`,
      viewport: { width: 1366, height: 768 },
    });
    expect(homepage.resources).toEqual(
      expect.arrayContaining([
        { url: `${site.origin}/css/common.css`, kind: 'stylesheet' },
        { url: `${site.origin}/img/emblem.svg`, kind: 'image' },
      ]),
    );
    expect(homepage.links.find((l) => l.text === '蜀ICP备05003828号')).toMatchObject({
      href: 'https://beian.miit.gov.cn/',
      visible: true,
      inHeader: false,
    });
  });

  it('reports the status of a homepage that answers 404', async () => {
    const homepage = await renderHomepage(browser, `${site.origin}/gone/`);
    expect(homepage.status).toBe(404);
    expect(homepage.title).toBe('页面不存在');
  });

  it('gathers the page a script navigates to', async () => {
    const homepage = await renderHomepage(browser, `${site.origin}/moved/`);
    expect(homepage.finalUrl).toBe(`${site.origin}/index.html`);
    expect(homepage.texts.find((t) => t.text === PROVINCE)).toMatchObject({ visible: true, inHeader: true });
  });

  it('returns within the cap from a page that never stops changing', async () => {
    const started = Date.now();
    const homepage = await renderHomepage(browser, `${site.origin}/ticker/`, { settleCapMs: 1_500 });
    const elapsed = Date.now() - started;
    expect(homepage.settle.cappedOut).toBe(true);
    expect(homepage.settle.waitedMs).toBeGreaterThanOrEqual(1_500);
    expect(homepage.settle.waitedMs).toBeLessThan(2_500);
    expect(elapsed).toBeLessThan(5_000);
    expect(homepage.texts.find((t) => t.text === PROVINCE)).toMatchObject({ visible: true, inHeader: true });
  });

  it('rejects with a clear message when the connection is refused', async () => {
    const url = `http://127.0.0.1:${await refusedPort()}/`;
    await expect(renderHomepage(browser, url)).rejects.toThrow(
      `首页无法打开：连接被拒绝（ERR_CONNECTION_REFUSED）：${url}`,
    );
  });

  it('rejects with a timeout message when the server never answers', async () => {
    const url = `${site.origin}/hang/`;
    await expect(renderHomepage(browser, url, { navigationTimeoutMs: 800 })).rejects.toThrow(
      `首页在 1 秒内未能加载（超时）：${url}`,
    );
  });

  it('rejects a URL that is not a web address before opening a page', async () => {
    await expect(renderHomepage(browser, 'ftp://example.gov.cn/')).rejects.toThrow('首页地址不是网页地址');
    await expect(renderHomepage(browser, 'www.sc.gov.cn')).rejects.toThrow('首页地址无效');
  });

  it('closes its browser context every time, also after a failure', async () => {
    expect(browser.contexts()).toEqual([]);
  });
});
