import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../checks/check.ts';
import { footerIdentifiers } from '../../checks/footer-identifiers.ts';
import type { RenderedHomepage, RenderedText } from '../../crawlers/artifacts.ts';
import type { Site } from '../../src/registry/site.ts';
import { graphic, homepage, link, site, text } from './fixtures/builders.ts';

const NOW = new Date('2026-05-01T10:00:00+08:00');
const FOOTER = { selector: 'div.footer', inHeader: false, box: { x: 0, y: 1400, width: 1366, height: 60 } };
const footerText = (value: string, overrides: Partial<RenderedText> = {}) =>
  text(value, { ...FOOTER, ...overrides });
const LINE =
  '主办：成都市人民政府办公厅 网站标识码：5101000001 蜀ICP备05003828号 川公网安备 51010402000507号';
const BADGE = graphic({
  src: 'https://dcs.conac.cn/image/red.png',
  selector: 'div.footer span#_ideConac img',
});

function judge(overrides: Partial<RenderedHomepage>, registered: Partial<Site> = {}): CheckResult {
  return footerIdentifiers.run(
    { renderedHomepage: homepage({ texts: [footerText(LINE)], graphics: [BADGE], ...overrides }) },
    { site: site({ siteCode: '5101000001', ...registered }), now: NOW },
  );
}

const items = (result: CheckResult) => result.findings.map((f) => f.evidence.item);

describe('footer-identifiers', () => {
  it('passes on a footer line with all three numbers and the badge image', () => {
    expect(judge({})).toEqual({ outcome: 'pass', findings: [] });
  });

  const passing: [string, Partial<RenderedHomepage>][] = [
    [
      'labels and values in neighbouring elements, full-width digits',
      {
        texts: [
          footerText('网站标识码：'),
          footerText('５１０１０００００１'),
          footerText('ICP备案号：'),
          footerText('蜀ICP备05003828号-1'),
          footerText('川公网安备51010402000507号'),
        ],
      },
    ],
    [
      'the badge as an image with alt 党政机关',
      { graphics: [graphic({ src: '/images/red.png', alt: '党政机关' })] },
    ],
    [
      'the badge as an image titled 党政机关网站标识',
      { graphics: [graphic({ src: '/a.png', title: '党政机关网站标识' })] },
    ],
    [
      'the badge as a local copy under /dzjg/',
      { graphics: [graphic({ src: 'https://www.chengdu.gov.cn/dzjg/red.png' })] },
    ],
    [
      'the badge as a link to the registry',
      { graphics: [], links: [link('', 'https://bszs.conac.cn/sitename?method=show&id=1A2B')] },
    ],
    [
      "the registry script's image, renamed on a local copy (img#imgConac)",
      {
        graphics: [
          graphic({ src: 'https://www.chengdu.gov.cn/picture/0/2205120915.png', selector: 'img#imgConac' }),
        ],
      },
    ],
    [
      'any image inside span#_ideConac',
      {
        graphics: [
          graphic({ src: 'https://www.chengdu.gov.cn/images/red.png', selector: 'span#_ideConac > a > img' }),
        ],
      },
    ],
    [
      'the badge as a badge-sized CSS background with an onclick',
      {
        graphics: [
          graphic({
            kind: 'background',
            src: 'https://www.chengdu.gov.cn/images/dzjg.png',
            selector: 'div.foot-badge > span.dzjg',
            box: { x: 900, y: 1400, width: 55, height: 65 },
            clickable: 'handler',
          }),
        ],
      },
    ],
    [
      'lines run together where a <br> was',
      { texts: [footerText('网站标识码：5101000001ICP备案号：蜀ICP备05003828号川公网安备51010402000507号')] },
    ],
    ['the identifiers in the page body, not the footer', { texts: [text(LINE, { inHeader: false })] }],
  ];
  it.each(passing)('passes on %s', (_case, overrides) => {
    expect(judge(overrides)).toEqual({ outcome: 'pass', findings: [] });
  });

  it('passes on any shown code when the registry has none', () => {
    const texts = [footerText(LINE.replace('5101000001', '5101009999'))];
    expect(judge({ texts }, { siteCode: undefined }).outcome).toBe('pass');
  });

  const failing: [string, string, string[]][] = [
    ['no 标识码', LINE.replace('网站标识码：5101000001 ', ''), ['政府网站标识码']],
    ['no ICP number', LINE.replace('蜀ICP备05003828号 ', ''), ['ICP备案编号']],
    ['no 公安 number', LINE.replace(' 川公网安备 51010402000507号', ''), ['公安机关备案号']],
    ['only the 主办 line', '主办：成都市人民政府办公厅', ['政府网站标识码', 'ICP备案编号', '公安机关备案号']],
  ];
  it.each(failing)('fails with one finding per missing item: %s', (_case, line, missing) => {
    const result = judge({ texts: [footerText(line)] });
    expect(result.outcome).toBe('fail');
    expect(items(result)).toEqual(missing);
    for (const finding of result.findings) {
      expect(finding.message).toMatch(/^首页没有显示/);
      expect(finding.evidence.pageEnd).toBe(line);
    }
  });

  it('fails without the badge, saying what it looked for', () => {
    const result = judge({ graphics: [graphic({ alt: '国徽' })] });
    expect(result.outcome).toBe('fail');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.message).toBe(
      '首页没有党政机关网站标识（“党政机关”图标或指向 conac.cn 的链接）。',
    );
    expect(result.findings[0]!.evidence).toMatchObject({ item: '党政机关网站标识', pageEnd: LINE });
  });

  it('fails when the shown 标识码 differs from the registered one, with both', () => {
    const result = judge({}, { siteCode: '5101000002' });
    expect(result.outcome).toBe('fail');
    expect(result.findings[0]!.message).toBe(
      '首页显示的政府网站标识码 5101000001 与登记的 5101000002 不一致。',
    );
    expect(result.findings[0]!.evidence).toMatchObject({
      shown: '5101000001',
      registered: '5101000002',
      text: '网站标识码：5101000001',
      selector: 'div.footer',
    });
  });

  it('fails on identifiers that are hidden', () => {
    const texts = [
      footerText('网站标识码：5101000001 蜀ICP备05003828号'),
      footerText('川公网安备 51010402000507号', { visible: false, hiddenReason: 'display-none' }),
    ];
    const result = judge({ texts, graphics: [{ ...BADGE, visible: false }] });
    expect(result.outcome).toBe('fail');
    expect(items(result)).toEqual(['公安机关备案号', '党政机关网站标识']);
    expect(result.findings[0]!.message).toBe(
      '首页的公安机关备案号“川公网安备 51010402000507号”设置了 display:none，读者看不到。',
    );
    expect(result.findings[1]!.evidence.hiddenBadges).toHaveLength(1);
  });

  it('fails on a badge that is hidden, saying how, and names the link before the image', () => {
    const hiddenImage = { ...BADGE, visible: false, hiddenReason: 'display-none' as const };
    const hiddenLink = link('', 'https://bszs.conac.cn/sitename?method=show&id=1A2B', {
      selector: 'span#_ideConac > a',
      visible: false,
      hiddenReason: 'display-none',
    });
    expect(judge({ graphics: [hiddenImage] }).findings[0]!.message).toBe(
      '首页的党政机关网站标识（图片“https://dcs.conac.cn/image/red.png”）设置了 display:none，读者看不到。',
    );
    const both = judge({ graphics: [hiddenImage], links: [hiddenLink] });
    expect(both.outcome).toBe('fail');
    expect(both.findings[0]!.message).toBe(
      '首页的党政机关网站标识（链接“https://bszs.conac.cn/sitename?method=show&id=1A2B”）设置了 display:none，读者看不到。',
    );
    expect(both.findings[0]!.evidence.hiddenBadges).toHaveLength(2);
  });

  it('reviews a label whose number cannot be read (an image)', () => {
    const result = judge({
      texts: [footerText('网站标识码： 蜀ICP备05003828号 川公网安备 51010402000507号')],
    });
    expect(result.outcome).toBe('review');
    expect(result.findings[0]!.message).toContain('读不出政府网站标识码');
  });

  it('reviews a badge the registry script should have drawn', () => {
    const result = judge({
      graphics: [],
      resources: [
        { url: 'https://dcs.conac.cn/js/23/000/0000/60429971/CA230000000604299710002.js', kind: 'script' },
      ],
    });
    expect(result.outcome).toBe('review');
    expect(items(result)).toEqual(['党政机关网站标识']);
  });

  it('reviews every missing item on a homepage made of frames', () => {
    const result = judge({
      texts: [],
      graphics: [],
      resources: [{ url: 'https://www.chengdu.gov.cn/main.html', kind: 'frame' }],
    });
    expect(result.outcome).toBe('review');
    expect(result.findings).toHaveLength(4);
    expect(result.findings[0]!.message).toContain('框架');
    expect(result.findings[0]!.evidence.frames).toEqual(['https://www.chengdu.gov.cn/main.html']);
  });

  it('reviews a homepage with no text at all', () => {
    const result = judge({ texts: [], graphics: [] });
    expect(result.outcome).toBe('review');
    expect(result.findings[0]!.message).toContain('没有可读取的文字');
  });

  it('fails rather than reviews when some items are missing and others unreadable', () => {
    const result = judge({ texts: [footerText('网站标识码：5101000001 ICP备案：')], graphics: [] });
    expect(result.outcome).toBe('fail');
    expect(items(result)).toEqual(['ICP备案编号', '公安机关备案号', '党政机关网站标识']);
  });
});
