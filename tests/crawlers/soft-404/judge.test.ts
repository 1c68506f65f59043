import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../../crawlers/decode.ts';
import { parseHtml, titleOf } from '../../../crawlers/html-outline.ts';
import { HostNotFound, type MadeUpAnswer } from '../../../crawlers/soft-404/host-not-found.ts';
import { type AnsweredPage, judgeSoftNotFound } from '../../../crawlers/soft-404/judge.ts';
import { visibleText } from '../../../crawlers/visible-text.ts';
import {
  BODY,
  HANWEB_DELETED,
  hanwebArticle,
  TRS_NOT_FOUND,
  trsArticle,
  trsColumn,
  trsPage,
} from './templates.ts';

const ORIGIN = 'http://kjt.example.gov.cn';
const MADE_UP = `${ORIGIN}/xwzx/gzdt/3f9a1c7e2b4d5a6f.html`;

function host(body: string | Buffer, answer: Partial<MadeUpAnswer> = {}): HostNotFound {
  return new HostNotFound({
    url: MADE_UP,
    status: 200,
    finalUrl: MADE_UP,
    redirects: [],
    contentType: 'text/html; charset=utf-8',
    body: typeof body === 'string' ? Buffer.from(body) : body,
    ...answer,
  });
}

function page(
  path: string,
  body: string | Buffer,
  options: { finalPath?: string; cutAt?: number } = {},
): AnsweredPage {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const read = options.cutAt === undefined ? bytes : bytes.subarray(0, options.cutAt);
  const $ = parseHtml(decodeHtml(read, 'text/html').text);
  return {
    url: `${ORIGIN}${path}`,
    finalUrl: `${ORIGIN}${options.finalPath ?? path}`,
    title: titleOf($),
    text: visibleText($, 20_000),
    $,
    ...(options.cutAt === undefined ? {} : { cutAt: options.cutAt }),
  };
}

const NGINX_404 =
  '<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center><hr><center>nginx</center></body></html>';
const gbk = (html: string) => iconv.encode(html, 'gbk');

describe('judgeSoftNotFound against the host’s not-found page', () => {
  const trs = host(TRS_NOT_FOUND);

  describe('a host whose 404 answer is its template under the site-wide title, saying only “404”', () => {
    const SITE_TITLE = '四川省某某厅';
    const answer = trsPage(SITE_TITLE, '<div class="err"><p>404</p></div>');
    const fourOhFour = host(answer, { status: 404 });

    it('is a soft 404 where that answer is served again with 200', () => {
      expect(judgeSoftNotFound(page('/xwzx/old.html', answer), fourOhFour)).toMatchObject({
        by: 'not-found-page',
      });
    });

    it.each([
      ['an empty main area (content drawn by a script)', trsPage(SITE_TITLE, '<div id="app"></div>')],
      ['only an image', trsPage(SITE_TITLE, '<div><img src="/images/map.png" alt=""></div>')],
    ])('is no soft 404 for a page of the same template with %s', (_case, html) => {
      expect(judgeSoftNotFound(page('/zwgk/map.html', html), fourOhFour)).toBeUndefined();
    });

    it('compares nothing with a 404 answer that does not say it is missing (the bare template)', () => {
      const bare = host(trsPage(SITE_TITLE, '<div class="err"></div>'), { status: 404 });
      expect(bare.comparable).toBe(false);
      expect(
        judgeSoftNotFound(page('/zwgk/map.html', trsPage(SITE_TITLE, '<div></div>')), bare),
      ).toBeUndefined();
    });
  });

  it('a page that is the host’s 200 not-found template is a soft 404, with the fingerprint', () => {
    const found = judgeSoftNotFound(page('/xwzx/gzdt/t20190612_1234567.html', TRS_NOT_FOUND), trs);
    expect(found).toMatchObject({
      by: 'not-found-page',
      fingerprint: { url: MADE_UP, status: 200, title: '页面不存在_四川省某某厅' },
      likeness: { title: 1, text: 1, differing: 0 },
    });
    expect(found?.evidence).toBe(
      '与本站不存在网页的应答一致（标题“页面不存在_四川省某某厅”，文字相似度 1.00）',
    );
  });

  it.each([
    ['an article titled 第404期', trsArticle('四川科技信息（第404期）', '2024-06-12', BODY)],
    ['an article titled 404 Not Found', trsArticle('404 Not Found', '2024-06-12', BODY)],
    ['an article titled Page 404', trsArticle('Page 404', '2024-06-12', BODY)],
    [
      'an answer about proposal 第410号',
      trsArticle('关于省政协十三届二次会议第410号提案的答复', '2024-06-12', BODY),
    ],
    [
      'a column listing a report about 页面不存在',
      trsColumn('工作动态', [['关于网站“页面不存在”等问题整改情况的报告', '/xwzx/t1.html', '2024-06-12']]),
    ],
  ])('%s is not', (_case, html) => {
    expect(judgeSoftNotFound(page('/xwzx/gzdt/t20240612_1.html', html), trs)).toBeUndefined();
  });

  it('a blank column is not, though its CMS titles every page with the site name and its template is the same', () => {
    const notFound = host(trsPage('四川省某某厅', '<div class="list"><p class="tips">页面不存在</p></div>'));
    const blank = trsPage('四川省某某厅', '<div class="list"><p class="tips">暂无信息</p></div>');
    expect(judgeSoftNotFound(page('/xwzx/tzgg/', blank), notFound)).toBeUndefined();
    expect(
      judgeSoftNotFound(page('/xwzx/tzgg/', blank.replace('暂无信息', '页面不存在')), notFound)?.by,
    ).toBe('not-found-page');
  });

  it('a not-found page that prints the address asked for still matches', () => {
    const echoing = (path: string) =>
      trsPage('404', `<p>您访问的页面 ${ORIGIN}${path} 不存在</p><p>（${path}）</p>`);
    const echo = host(echoing('/xwzx/gzdt/3f9a1c7e2b4d5a6f.html'));
    expect(judgeSoftNotFound(page('/zwgk/art_9_88.html', echoing('/zwgk/art_9_88.html')), echo)?.by).toBe(
      'not-found-page',
    );
  });

  it('compares a page read only in part with the not-found page cut at the same byte', () => {
    const heavy = TRS_NOT_FOUND.replace('</head>', `<script>${'var x=1;'.repeat(4000)}</script></head>`);
    const cutAt = 20_000;
    expect(judgeSoftNotFound(page('/a.html', heavy, { cutAt }), host(heavy))?.by).toBe('not-found-page');
  });

  it('a page redirected to the host’s 200 error page is a soft 404 saying where it went', () => {
    const errorPage = host(TRS_NOT_FOUND, {
      finalUrl: `${ORIGIN}/404.html`,
      redirects: [`${ORIGIN}/404.html`],
    });
    const found = judgeSoftNotFound(
      page('/zcwj/t2019_5.html', TRS_NOT_FOUND, { finalPath: '/404.html' }),
      errorPage,
    );
    expect(found?.by).toBe('not-found-page');
    expect(found?.evidence).toMatch(
      /^跳转到 http:\/\/kjt\.example\.gov\.cn\/404\.html，与本站不存在网页的应答一致/,
    );
  });

  describe('a host that redirects every missing page to its homepage', () => {
    const home = trsPage('四川省某某厅', `<div class="news">${BODY.join('')}</div>`);
    const toHome = () => host(home, { finalUrl: `${ORIGIN}/`, redirects: [`${ORIGIN}/`] });

    it('a link redirected to the homepage is a soft 404', () => {
      expect(judgeSoftNotFound(page('/xwzx/old.html', home, { finalPath: '/' }), toHome())).toMatchObject({
        by: 'redirect',
        evidence: `跳转到首页（${ORIGIN}/），与本站不存在的网页一样`,
        fingerprint: { finalUrl: `${ORIGIN}/` },
      });
    });

    it.each([
      ['the homepage itself', page('/', home)],
      ['an index address of the homepage', page('/index.html', home, { finalPath: '/' })],
      ['a page not redirected', page('/xwzx/', trsColumn('新闻中心', []))],
    ])('%s is not', (_case, answered) => {
      expect(judgeSoftNotFound(answered, toHome())).toBeUndefined();
    });
  });

  it('a 200 answer that does not say it is missing is what the host serves for every path: nothing is compared', () => {
    const home = trsPage('四川省某某厅', `<div class="news">${BODY.join('')}</div>`);
    const shell =
      '<html><head><title>四川政务服务网</title></head><body><div id="app"></div><script src="/js/app.js"></script></body></html>';
    expect(judgeSoftNotFound(page('/zwgk/anything.html', home), host(home))).toBeUndefined();
    expect(judgeSoftNotFound(page('/jiq/front/item/bmft_index', shell), host(shell))).toBeUndefined();
  });

  it('a sign-in page is no not-found page: pages sent to it are not soft 404s', () => {
    const login = trsPage(
      '统一身份认证',
      '<form action="/sso/login"><input name="u"><input type="password" name="p"></form>',
    );
    const signIn = host(login, { finalUrl: `${ORIGIN}/sso/login`, redirects: [`${ORIGIN}/sso/login`] });
    expect(
      judgeSoftNotFound(page('/bsfw/wdbj.html', login, { finalPath: '/sso/login' }), signIn),
    ).toBeUndefined();
  });

  it('an empty answer compares with nothing: a page whose script moves on is not a soft 404', () => {
    const stub =
      '<html><head><script>location.href="/col/col1002/index.html"</script></head><body></body></html>';
    expect(judgeSoftNotFound(page('/index_old.html', stub), host(stub))).toBeUndefined();
  });
});

describe('judgeSoftNotFound by wording, when the host’s answer says nothing of the page', () => {
  const honest = host(NGINX_404, { status: 404 });

  it.each([
    ['a host answering real 404s', honest],
    ['a host that could not be asked', host('', { status: 'TIMEOUT' })],
    ['no answer yet', undefined],
  ])('%s: the CMS’s 该信息已删除 page in its GBK template is a soft 404', (_case, answer) => {
    expect(judgeSoftNotFound(page('/art/2019/3/1/art_1002_77.html', gbk(HANWEB_DELETED)), answer)).toEqual({
      by: 'wording',
      evidence: '正文：该信息已删除！',
    });
  });

  it('a short page titled 404 Not Found is one', () => {
    expect(judgeSoftNotFound(page('/a.html', NGINX_404), undefined)).toEqual({
      by: 'wording',
      evidence: '标题：404 Not Found',
    });
  });

  it.each([
    ['第404期', hanwebArticle('某某县政务信息（第404期）', '2024-06-12', BODY)],
    ['404 Not Found', hanwebArticle('404 Not Found', '2024-06-12', BODY)],
    ['页面不存在', hanwebArticle('页面不存在', '2024-06-12', BODY)],
    ['政府信息不存在告知书', hanwebArticle('某某县政府信息不存在告知书', '2024-06-12', BODY.slice(0, 1))],
  ])('an article titled %s is not: a title alone never decides', (_case, html) => {
    expect(judgeSoftNotFound(page('/art/2024/6/12/art_1002_5.html', gbk(html)), honest)).toBeUndefined();
  });
});
