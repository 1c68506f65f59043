import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../crawlers/html-outline.ts';
import { detectMaintenancePage } from '../../crawlers/maintenance-page.ts';

const FOOTER = `<div class="footer"><p>主办：四川省某某局 承办：四川省某某局信息中心 联系电话：028-12345678</p>
<p>网站标识码：5100000001 <a href="https://beian.miit.gov.cn/">蜀ICP备12345678号</a>
<a href="http://www.beian.gov.cn/">川公网安备 51010402000001号</a></p></div>`;

/** A notice in the homepage's place, its wording in the title. */
const TITLED = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>网站维护中</title></head>
<body><div class="notice"><img src="/images/weihu.png"><p>给您带来不便，敬请谅解！</p></div>${FOOTER}</body></html>`;

/** A notice whose title is the site's name: the wording is in its text. */
const ANNOUNCED = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>四川省某某局</title></head>
<body><div class="notice"><h2>系统维护公告</h2>
<p>尊敬的用户：为进一步提升网站服务质量，我站于2026年11月20日0:00至11月27日24:00进行系统升级维护，维护期间网站暂停访问。由此给您带来的不便，敬请谅解！</p>
<p>四川省某某局 2026年11月19日</p></div>${FOOTER}</body></html>`;

const CLOSED = `<html><head><title>四川省某某县人民政府</title></head><body><p>本网站临时关闭，恢复时间另行通知。</p></body></html>`;

const MENU = Array.from({ length: 60 }, (_, i) => `<li><a href="/col${i}/">栏目${i}</a></li>`).join('');

/** A homepage whose news mentions 系统维护: content, not a notice. */
const HOMEPAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>四川省某某局</title></head><body>
<ul class="nav">${MENU}</ul>
<div class="news"><h3>通知公告</h3><ul>
<li><a href="/tzgg/1.html">关于政务服务网系统维护期间暂停办理业务的通知</a></li>
<li><a href="/tzgg/2.html">四川省某某局2026年政府信息公开工作年度报告</a></li></ul></div>
<div class="content">${'<p>全省上下深入贯彻落实党中央决策部署，扎实推进各项重点工作，经济社会发展稳中有进。</p>'.repeat(20)}</div>
${FOOTER}</body></html>`;

/** A notice in front of a working site: it announces maintenance and leads in. */
const SPLASH = `<html><head><title>四川省某某局</title></head><body>
<p>本网站将于今晚22:00至次日6:00进行系统维护，届时暂停访问。</p><a href="/index.html">进入网站</a></body></html>`;

/** A short page naming who keeps the site, not saying it is down. */
const CONTACT = `<html><head><title>联系我们</title></head><body><p>网站维护单位：四川省某某局信息中心</p>
<p>如发现错误，请联系网站维护人员。</p></body></html>`;

const detect = (html: string, complete = true) => detectMaintenancePage(parseHtml(html), complete);

describe('detectMaintenancePage', () => {
  it('recognizes a notice by its title', () => {
    expect(detect(TITLED)).toEqual({ evidence: '标题：网站维护中' });
  });

  it('recognizes a notice by its text', () => {
    expect(detect(ANNOUNCED)?.evidence).toMatch(/^页面文字：.*进行系统升级维护/);
    expect(detect(CLOSED)?.evidence).toContain('临时关闭');
    expect(
      detect('<title>某某县人民政府</title><p>本站暂停访问，恢复时间另行通知。</p>')?.evidence,
    ).toContain('本站暂停访问');
    expect(detect('<title>系统维护</title><p>给您带来不便，敬请谅解。</p>')).toEqual({
      evidence: '标题：系统维护',
    });
    expect(detect('<title>Down</title><p>This site is under maintenance.</p>')?.evidence).toContain(
      'under maintenance',
    );
  });

  it.each([
    ['a homepage whose news mentions 系统维护', HOMEPAGE],
    ['a notice with a link into the working site', SPLASH],
    ['a page naming the 网站维护单位 and 维护人员', CONTACT],
    [
      'an empty shell a script fills in',
      '<html><head><title>首页</title></head><body><div id="app"></div></body></html>',
    ],
    ['an empty body', ''],
    [
      'a splash page whose footer names the 网站维护 unit, with an image link into the site',
      `<html><head><title>某某县人民政府</title></head><body><a href="/index.html"><img src="/enter.png" alt="进入主站"></a>
<p>主办：某某县人民政府办公室　网站维护：某某县大数据中心　平台维护: 某某科技有限公司</p></body></html>`,
    ],
    [
      'a short page telling old browsers off',
      '<html><head><title>某某县人民政府</title></head><body><p>本站已暂停使用IE8以下浏览器访问，请升级浏览器。</p></body></html>',
    ],
    [
      'a footer crediting a company with site maintenance',
      '<html><head><title>Portal</title></head><body><p>Site maintenance by Sichuan Example Co.</p></body></html>',
    ],
    [
      'a frameset whose frames hold the site',
      '<html><head><title>某某县人民政府</title></head><frameset><frame src="/main.html"><noframes>网站维护中</noframes></frameset></html>',
    ],
  ])('leaves %s alone', (_name, html) => {
    expect(detect(html)).toBeUndefined();
  });

  it('judges only the title of a body read in part: the rest may be a full homepage', () => {
    expect(detect(ANNOUNCED, false)).toBeUndefined();
    expect(detect(TITLED, false)).toEqual({ evidence: '标题：网站维护中' });
  });
});
