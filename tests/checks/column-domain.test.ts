import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../checks/check.ts';
import { columnDomain } from '../../checks/column-domain.ts';
import type { RenderedHomepage, RenderedLink } from '../../crawlers/artifacts.ts';
import { homepage, link, site } from './fixtures/builders.ts';

const NOW = new Date('2026-05-01T10:00:00+08:00');
/** The navigation bar just below the 160 px header of the fixtures. */
const inNav = (label: string, href: string, overrides: Partial<RenderedLink> = {}) =>
  link(label, href, { box: { x: 100, y: 170, width: 80, height: 40 }, ...overrides });
const NAV = [inNav('首页', '/'), inNav('政务公开', '/zwgk/'), inNav('政策解读', '/zcjd/')];

function judge(links: RenderedLink[], overrides: Partial<RenderedHomepage> = {}): CheckResult {
  return columnDomain.run(
    { renderedHomepage: homepage({ links, ...overrides }) },
    { site: site(), now: NOW },
  );
}

describe('column-domain', () => {
  it('passes when every navigation link stays on the site, www. or not, http or https', () => {
    const links = [
      ...NAV,
      inNav('互动交流', 'http://chengdu.gov.cn/hdjl/'),
      inNav('专题', 'https://www.chengdu.gov.cn/zt/'),
    ];
    expect(judge(links)).toEqual({ outcome: 'pass', findings: [] });
  });

  it('fails on a topic in the navigation bar that lives on another domain, with the evidence', () => {
    const result = judge([...NAV, inNav('专题专栏', 'https://zt.cdnews.cn/2026/')]);
    expect(result.outcome).toBe('fail');
    expect(result.findings).toEqual([
      {
        url: 'https://www.chengdu.gov.cn/',
        message:
          '首页导航中的栏目“专题专栏”链接到其他域名 zt.cdnews.cn，栏目应使用本网站域名 www.chengdu.gov.cn。',
        evidence: {
          text: '专题专栏',
          href: 'https://zt.cdnews.cn/2026/',
          host: 'zt.cdnews.cn',
          expectedHost: 'www.chengdu.gov.cn',
          kind: 'column',
          selector: 'nav > ul > li > a',
        },
      },
    ]);
  });

  it('fails on a column on a sub-domain of the site: the clause wants www.□□□.gov.cn/… for a portal', () => {
    const result = judge([...NAV, inNav('新闻中心', 'https://news.chengdu.gov.cn/')]);
    expect(result.outcome).toBe('fail');
    expect(result.findings[0]!.evidence).toMatchObject({ host: 'news.chengdu.gov.cn', kind: 'column' });
  });

  it('takes a link in the header area, and one named by title when it has no text', () => {
    const header = link('', 'https://other.example.cn/', {
      inHeader: true,
      title: '数据 开放',
      box: { x: 900, y: 10, width: 60, height: 20 },
    });
    const result = judge([...NAV, header]);
    expect(result.outcome).toBe('fail');
    expect(result.findings[0]!.evidence).toMatchObject({ text: '数据开放' });
  });

  it('gives review when the only off-domain navigation links look like business systems', () => {
    const links = [
      ...NAV,
      inNav('政务服务', 'https://cds.sczwfw.gov.cn/'),
      inNav('办事', 'https://zwfw.chengdu.gov.cn/'),
      inNav('市长信箱', 'https://xinxiang.example.cn/'),
      inNav('12345热线', 'https://hotline.example.cn/'),
    ];
    const result = judge(links);
    expect(result.outcome).toBe('review');
    expect(result.findings.map((f) => f.evidence.kind)).toEqual(Array(4).fill('business-system'));
    expect(result.findings[0]!.message).toContain('看来是业务系统');
  });

  it('fails when a column sits off-domain beside a business system, listing both', () => {
    const result = judge([
      ...NAV,
      inNav('政务服务', 'https://cds.sczwfw.gov.cn/'),
      inNav('专题', 'https://zt.example.cn/'),
    ]);
    expect(result.outcome).toBe('fail');
    expect(result.findings.map((f) => f.evidence.kind)).toEqual(['business-system', 'column']);
  });

  it('does not take links naming another government for columns of this site', () => {
    const links = [
      ...NAV,
      inNav('中国政府网', 'https://www.gov.cn/'),
      inNav('四川省人民政府', 'https://www.sc.gov.cn/'),
    ];
    expect(judge(links)).toEqual({ outcome: 'pass', findings: [] });
  });

  it('looks only at the navigation: not at news lists, the footer, hidden menus or non-http links', () => {
    const links = [
      ...NAV,
      link('友情链接：某某网', 'https://friend.example.cn/', {
        box: { x: 100, y: 900, width: 80, height: 20 },
      }),
      link('页脚导航', 'https://foot.example.cn/', {
        selector: 'div.footer > div.nav > a',
        box: { x: 100, y: 600, width: 80, height: 20 },
      }),
      inNav('下拉专题', 'https://hidden.example.cn/', { visible: false, hiddenReason: 'display-none' }),
      inNav('联系我们', 'mailto:web@chengdu.gov.cn'),
    ];
    expect(judge(links)).toEqual({ outcome: 'pass', findings: [] });
  });

  it('takes a menu further down the first screen by its container name', () => {
    const menu = link('专题', 'https://zt.example.cn/', {
      selector: 'div#mainMenu > ul > li > a',
      box: { x: 100, y: 400, width: 80, height: 20 },
    });
    expect(judge([...NAV, menu]).outcome).toBe('fail');
  });

  it('lists a link repeated in the navigation once', () => {
    const twice = [
      inNav('专题', 'https://zt.example.cn/'),
      inNav('专题', 'https://zt.example.cn/', { inHeader: true }),
    ];
    expect(judge([...NAV, ...twice]).findings).toHaveLength(1);
  });

  it('gives review when the homepage shows no navigation links', () => {
    const result = judge([
      link('要闻', '/xw/1.html', {
        selector: 'div.news > ul > li > a',
        box: { x: 100, y: 700, width: 80, height: 20 },
      }),
    ]);
    expect(result.outcome).toBe('review');
    expect(result.findings[0]!.message).toContain('没有找到可见的栏目链接');
  });

  it('gives review when the content sits in frames', () => {
    const result = judge(NAV, {
      resources: [{ url: 'https://www.chengdu.gov.cn/menu.html', kind: 'frame' }],
    });
    expect(result.outcome).toBe('review');
    expect(result.findings[0]!.evidence).toEqual({ frames: ['https://www.chengdu.gov.cn/menu.html'] });
  });
});
