import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../checks/check.ts';
import { errorReportEntry } from '../../checks/error-report-entry.ts';
import type { RenderedGraphic, RenderedHomepage, RenderedLink } from '../../crawlers/artifacts.ts';
import { graphic, homepage, link, site } from './fixtures/builders.ts';

const NOW = new Date('2026-05-01T10:00:00+08:00');
const JIUCUO =
  'https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=5101000001&url=https%3A%2F%2Fwww.chengdu.gov.cn%2F';
const NEWS = Array.from({ length: 20 }, (_, i) => link(`新闻${i}`, `/xw/${i}.html`));

function judge(overrides: Partial<RenderedHomepage>): CheckResult {
  return errorReportEntry.run(
    { renderedHomepage: homepage({ links: NEWS, ...overrides }) },
    { site: site(), now: NOW },
  );
}

const entry = (label: string, href: string, overrides: Partial<RenderedLink> = {}) =>
  link(label, href, { selector: 'div.footer a.jiucuo', ...overrides });

/** The badge as the platform's jiucuo.js draws it: an image in span#_span_jiucuo, no link. */
const BADGE_SRC = 'https://zfwzgl.www.gov.cn/exposure/images/jiucuo.png?v=5101000001';
const badge = (overrides: Partial<RenderedGraphic> = {}) =>
  graphic({
    src: BADGE_SRC,
    selector: 'span#_span_jiucuo > img',
    box: { x: 1100, y: 1480, width: 110, height: 55 },
    inHeader: false,
    clickable: 'handler',
    ...overrides,
  });

describe('error-report-entry', () => {
  const passing: [string, RenderedLink][] = [
    ['the national badge (its alt in the link text)', entry('我为政府网站找错', JIUCUO)],
    ['a badge image with no alt, by its address', entry('', JIUCUO)],
    ['a local copy of the badge page', entry('', '/exposure/jiucuo.html')],
    ['a text link without 我为', entry('政府网站找错', '/hdjl/zc/')],
    ['a link titled 我为政府网站找错', entry('', 'javascript:void(0)', { title: '我为政府网站找错' })],
    ['a link with aria-label', entry('', '/zc/', { ariaLabel: '我为 政府网站 找错' })],
  ];
  it.each(passing)('passes on %s', (_case, found) => {
    expect(judge({ links: [...NEWS, found] })).toEqual({ outcome: 'pass', findings: [] });
  });

  const drawn: [string, RenderedGraphic][] = [
    ['the image jiucuo.js draws, opening the platform on a click', badge()],
    [
      'a renamed copy of the image in span#_span_jiucuo, its wrapper listening to clicks',
      badge({ src: 'https://www.chengdu.gov.cn/images/W020240521389104526781.png' }),
    ],
    [
      'a span with the badge as its background and an onclick',
      badge({
        kind: 'background',
        src: 'https://www.chengdu.gov.cn/images/jiucuo_bg.png',
        selector: 'span#_span_jiucuo',
      }),
    ],
    [
      'the badge image inside a link that is not named for it',
      badge({
        src: 'https://www.chengdu.gov.cn/images/jiucuo.png',
        selector: 'div.footer a > img',
        clickable: 'link',
      }),
    ],
  ];
  it.each(drawn)('passes on a badge drawn by a script: %s', (_case, found) => {
    expect(judge({ graphics: [found] })).toEqual({ outcome: 'pass', findings: [] });
  });

  it('passes when a hidden copy of the drawn badge sits beside a visible one', () => {
    const hidden = badge({ visible: false, hiddenReason: 'display-none', selector: 'div.float-jc img' });
    expect(judge({ graphics: [hidden, badge()] }).outcome).toBe('pass');
  });

  it('does not take a clickable image of something else for the entry', () => {
    const carousel = graphic({ src: 'https://www.chengdu.gov.cn/images/banner1.jpg', clickable: 'handler' });
    expect(judge({ graphics: [carousel] }).outcome).toBe('fail');
  });

  it('reviews a drawn badge that neither links nor reacts to a click', () => {
    const result = judge({ graphics: [badge({ clickable: undefined })] });
    expect(result.outcome).toBe('review');
    expect(result.findings[0]!.message).toContain('既不是链接，也没有点击响应');
    expect(result.findings[0]!.evidence.images).toEqual([
      expect.objectContaining({ kind: 'graphic', selector: 'span#_span_jiucuo > img', visible: true }),
    ]);
  });

  it('fails on a drawn badge that is hidden, saying how', () => {
    const result = judge({ graphics: [badge({ visible: false, hiddenReason: 'zero-size' })] });
    expect(result.outcome).toBe('fail');
    expect(result.findings[0]!.message).toBe(
      `首页的“我为政府网站找错”入口（图片“${BADGE_SRC}”）尺寸为零，读者看不到。`,
    );
    expect(result.findings[0]!.evidence.hiddenEntries).toEqual([
      expect.objectContaining({ hiddenReason: 'zero-size', clickable: 'handler' }),
    ]);
  });

  it('passes when a hidden copy sits beside a visible one', () => {
    const hidden = entry('我为政府网站找错', JIUCUO, { visible: false, hiddenReason: 'display-none' });
    expect(judge({ links: [hidden, entry('我为政府网站找错', JIUCUO)] }).outcome).toBe('pass');
  });

  it('fails when there is no entry, saying what it looked for', () => {
    const result = judge({ links: [...NEWS, entry('网站纠错说明', '/about/')] });
    expect(result.outcome).toBe('fail');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.message).toBe('首页没有“我为政府网站找错”入口。');
    expect(result.findings[0]!.evidence).toMatchObject({ homepageLinks: 21 });
    expect(result.findings[0]!.evidence.lookedFor).toContain('jiucuo');
  });

  it.each([
    ['display-none', '设置了 display:none'],
    ['off-page', '被移到页面之外'],
  ] as const)('fails when the only entry is hidden (%s), with evidence', (reason, words) => {
    const hidden = entry('我为政府网站找错', JIUCUO, { visible: false, hiddenReason: reason });
    const result = judge({ links: [...NEWS, hidden] });
    expect(result.outcome).toBe('fail');
    expect(result.findings[0]!.message).toBe(
      `首页的“我为政府网站找错”入口（链接“我为政府网站找错”）${words}，读者看不到。`,
    );
    expect(result.findings[0]!.evidence.hiddenEntries).toEqual([
      expect.objectContaining({
        kind: 'link',
        address: JIUCUO,
        selector: 'div.footer a.jiucuo',
        hiddenReason: reason,
      }),
    ]);
  });

  it('reviews a visible badge image that is not a link', () => {
    const result = judge({
      graphics: [graphic({ src: 'https://www.chengdu.gov.cn/images/jiucuo.png', inHeader: false })],
    });
    expect(result.outcome).toBe('review');
    expect(result.findings[0]!.message).toContain('不是链接');
  });

  it('reviews a badge the platform script should have drawn', () => {
    const result = judge({
      resources: [{ url: 'https://zfwzgl.www.gov.cn/exposure/jiucuo.js', kind: 'script' }],
    });
    expect(result.outcome).toBe('review');
    expect(result.findings[0]!.evidence.script).toBe('https://zfwzgl.www.gov.cn/exposure/jiucuo.js');
  });

  it('reviews a homepage made of frames', () => {
    const result = judge({
      links: [link('首页', '/')],
      resources: [{ url: 'https://www.chengdu.gov.cn/main.html', kind: 'frame' }],
    });
    expect(result.outcome).toBe('review');
    expect(result.findings[0]!.message).toContain('框架');
  });
});
