import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../checks/check.ts';
import { headerFullName } from '../../checks/header-full-name.ts';
import type { HeaderOcr, RenderedHomepage } from '../../crawlers/artifacts.ts';
import { graphic, homepage, link, site, text } from './fixtures/builders.ts';

const NOW = new Date('2026-05-01T00:00:00Z');

function judge(
  page: Partial<RenderedHomepage>,
  fullName = '成都市人民政府',
  headerOcr?: HeaderOcr,
): CheckResult {
  return headerFullName.run(
    { renderedHomepage: homepage(page), ...(headerOcr ? { headerOcr } : {}) },
    { site: site({ fullName }), now: NOW },
  );
}

const BANNER = { x: 40, y: 30, width: 420, height: 80 };

/** OCR of the banner image: one line of words, each `[text, confidence]`. */
function ocrRead(...words: [string, number][]): HeaderOcr {
  return {
    engine: 'tesseract chi_sim',
    durationMs: 140,
    readings: [
      {
        region: BANNER,
        psm: 11,
        scale: 1,
        lines:
          words.length === 0
            ? []
            : [{ words: words.map(([text, confidence]) => ({ text, confidence, height: 44 })) }],
      },
    ],
  };
}

describe('header-full-name', () => {
  const passes: [string, Partial<RenderedHomepage>, string?][] = [
    ['visible header text', { texts: [text('成都市人民政府')] }],
    ['text with the name among other words', { texts: [text('欢迎访问成都市人民政府门户网站')] }],
    ['ASCII and full-width spaces inside the name', { texts: [text('成都市　人民 政府')] }],
    ['registered name with spaces, shown without', { texts: [text('四川省人民政府')] }, '四川省 人民政府'],
    [
      'name split across adjacent header texts',
      { texts: [text('成都市'), text('人民政府', { selector: 'header span.b' })] },
    ],
    ['alt of a header image', { graphics: [graphic({ alt: '成都市人民政府' })] }],
    ['title of a header image', { graphics: [graphic({ title: '成都市人民政府门户网站' })] }],
    [
      'aria-label of an inline svg',
      { graphics: [graphic({ kind: 'svg', src: '', ariaLabel: '成都市人民政府' })] },
    ],
    [
      'title of a header link around a logo',
      { links: [link('', '/', { inHeader: true, title: '成都市人民政府', selector: 'header a.logo' })] },
    ],
  ];
  it.each(passes)('passes: %s', (_case, page, fullName) => {
    expect(judge(page, fullName)).toEqual({ outcome: 'pass', findings: [] });
  });

  it('fails on an abbreviated name and shows what the header says', () => {
    const result = judge({ texts: [text('成都市政府'), text('首页', { selector: 'nav a' })] });
    expect(result.outcome).toBe('fail');
    expect(result.findings).toHaveLength(1);
    const [finding] = result.findings;
    expect(finding!.message).toContain('“成都市政府”');
    expect(finding!.message).toContain('“成都市人民政府”');
    expect(finding!.evidence).toMatchObject({
      registeredName: '成都市人民政府',
      shownName: { text: '成都市政府', selector: 'header > div.title > span' },
      screenshot: 'screenshots/cd-portal-header.png',
      headerArea: { method: 'landmark', selector: 'header' },
    });
  });

  it('fails when the name is in the header but hidden, naming how it is hidden', () => {
    const result = judge({
      texts: [text('成都市人民政府', { visible: false, hiddenReason: 'display-none' }), text('首页')],
    });
    expect(result.outcome).toBe('fail');
    expect(result.findings[0]!.message).toContain('display:none');
    expect(result.findings[0]!.evidence.hiddenName).toEqual([
      expect.objectContaining({ text: '成都市人民政府', hiddenReason: 'display-none' }),
    ]);
  });

  it('fails when the name is hidden inside a visible header link', () => {
    const result = judge({
      links: [link('成都市人民政府', '/', { inHeader: true, selector: 'header h1 > a' })],
      texts: [
        text('成都市人民政府', { visible: false, hiddenReason: 'clipped', selector: 'header h1 > a > span' }),
      ],
      graphics: [graphic({ alt: '国徽', box: { x: 40, y: 30, width: 72, height: 72 } })],
    });
    expect(result.outcome).toBe('fail');
    expect(result.findings[0]!.message).toContain('被裁剪掉');
  });

  it('fails when the name is only in the title and the footer', () => {
    const result = judge({
      title: '成都市人民政府',
      texts: [text('首页'), text('主办：成都市人民政府办公厅', { inHeader: false, selector: 'footer p' })],
    });
    expect(result.outcome).toBe('fail');
    expect(result.findings[0]!.message).toContain('页面标题');
    expect(result.findings[0]!.message).toContain('页脚');
    expect(result.findings[0]!.evidence.foundOutsideHeader).toEqual([
      expect.objectContaining({ selector: 'footer p' }),
    ]);
  });

  it('fails when the name is in a header image alt but the image is hidden', () => {
    const result = judge({
      graphics: [graphic({ alt: '成都市人民政府', visible: false })],
      texts: [text('首页')],
    });
    expect(result.outcome).toBe('fail');
    expect(result.findings[0]!.message).toContain('不可见');
    expect(result.findings[0]!.evidence.hiddenName).toEqual([
      expect.objectContaining({ alt: '成都市人民政府' }),
    ]);
  });

  it('fails when the name is the title of a header link moved off the page', () => {
    const hiddenLink = link('', '/', {
      inHeader: true,
      title: '成都市人民政府',
      visible: false,
      hiddenReason: 'off-page',
    });
    const result = judge({ links: [hiddenLink], texts: [text('首页')] });
    expect(result.outcome).toBe('fail');
    expect(result.findings[0]!.message).toContain('被移到页面之外');
  });

  it('fails with a generic message when the header shows no name-like text', () => {
    const result = judge({ title: '首页', texts: [text('首页'), text('新闻')] });
    expect(result.outcome).toBe('fail');
    expect(result.findings[0]!.message).toBe('头部标识区域没有展示注册的网站全称“成都市人民政府”。');
    expect(result.findings[0]!.evidence.headerTexts).toHaveLength(2);
  });

  it('fails rather than reviews when header images carry a text alternative without the name', () => {
    const result = judge({ graphics: [graphic({ alt: '成都市政府' })] });
    expect(result.outcome).toBe('fail');
  });

  const reviews: [string, Partial<RenderedHomepage>][] = [
    ['image without alt', { graphics: [graphic()] }],
    ['image with blank alt', { graphics: [graphic({ alt: '  ' })] }],
    ['CSS background image', { graphics: [graphic({ kind: 'background', selector: 'header div.banner' })] }],
    ['canvas', { graphics: [graphic({ kind: 'canvas', src: '' })] }],
    ['svg without title', { graphics: [graphic({ kind: 'svg', src: '' })] }],
    ['image without alt next to an abbreviated text', { texts: [text('成都市政府')], graphics: [graphic()] }],
  ];
  it.each(reviews)('reviews when the name may be drawn: %s', (_case, page) => {
    const result = judge(page);
    expect(result.outcome).toBe('review');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.evidence).toMatchObject({
      screenshot: 'screenshots/cd-portal-header.png',
      unlabelledGraphics: [expect.objectContaining({ box: { x: 40, y: 30, width: 420, height: 80 } })],
    });
  });

  const tooSmallOrElsewhere: [string, Partial<RenderedHomepage>][] = [
    ['a small icon', { graphics: [graphic({ box: { x: 0, y: 0, width: 32, height: 32 } })] }],
    ['a banner outside the header', { graphics: [graphic({ inHeader: false })] }],
    ['a hidden banner', { graphics: [graphic({ visible: false })] }],
  ];
  it.each(tooSmallOrElsewhere)('does not review for %s', (_case, page) => {
    expect(judge({ texts: [text('首页')], ...page }).outcome).toBe('fail');
  });

  it('reviews an empty header when script-written content did not settle in time', () => {
    const result = judge({ settle: { waitedMs: 10_000, cappedOut: true } });
    expect(result.outcome).toBe('review');
    expect(result.findings[0]!.evidence.settle).toEqual({ waitedMs: 10_000, cappedOut: true });
  });

  it('leaves the screenshot out of the evidence when none was stored', () => {
    const result = judge({ headerScreenshotPath: undefined, texts: [text('首页')] });
    expect(result.findings[0]!.evidence).not.toHaveProperty('screenshot');
  });

  describe('a header inside a frame', () => {
    const frames = [{ url: 'https://www.chengdu.gov.cn/top.html', kind: 'frame' as const }];

    it.each([
      ['a frameset homepage', { resources: frames }],
      [
        'an empty header next to an iframe',
        { resources: frames, texts: [text('正文', { inHeader: false })] },
      ],
      [
        'a small unlabelled icon in the header',
        { resources: frames, graphics: [graphic({ box: { x: 0, y: 0, width: 32, height: 32 } })] },
      ],
    ])('reviews %s', (_case, page) => {
      const result = judge(page);
      expect(result.outcome).toBe('review');
      expect(result.findings).toHaveLength(1);
      expect(result.findings[0]!.message).toContain('框架');
      expect(result.findings[0]!.evidence.frames).toEqual(['https://www.chengdu.gov.cn/top.html']);
    });

    it.each([
      ['visible header text', { resources: frames, texts: [text('首页')] }],
      [
        'a header image with a text alternative',
        { resources: frames, graphics: [graphic({ alt: '成都市政府' })] },
      ],
    ])('still fails when the header shows %s without the name', (_case, page) => {
      expect(judge(page).outcome).toBe('fail');
    });
  });

  describe('a name drawn in a header image, read by OCR', () => {
    const banner = { graphics: [graphic()] };

    it('passes on a confident reading of the full name, with the reading as evidence', () => {
      const result = judge(
        banner,
        '成都市人民政府',
        ocrRead(['让', 0], ['成都市', 96.4], ['人民', 95], ['政府', 93]),
      );
      expect(result).toEqual({
        outcome: 'pass',
        findings: [],
        evidence: {
          registeredName: '成都市人民政府',
          ocr: { text: '成都市人民政府', confidence: 95, edits: 0, region: BANNER },
          screenshot: 'screenshots/cd-portal-header.png',
        },
      });
    });

    it('fails on a confident reading of a shortened name, naming it and its confidence', () => {
      const result = judge(banner, '成都市人民政府', ocrRead(['成都市', 97], ['政府', 96]));
      expect(result.outcome).toBe('fail');
      expect(result.findings[0]!.message).toBe(
        '头部标识区域的图片中显示的是“成都市政府”（图片文字识别，置信度 97），不是注册的网站全称“成都市人民政府”。',
      );
      expect(result.findings[0]!.evidence).toMatchObject({
        ocr: { text: '成都市政府', confidence: 97, region: BANNER },
        unlabelledGraphics: [expect.objectContaining({ box: BANNER })],
      });
    });

    it("fails on a confident reading of another body's name", () => {
      const result = judge(banner, '四川省教育厅', ocrRead(['四川省', 95], ['人民政府', 94]));
      expect(result.outcome).toBe('fail');
      expect(result.findings[0]!.message).toContain('名称是“四川省人民政府”');
    });

    it('reviews an unsure reading, showing what OCR read', () => {
      const result = judge(banner, '成都市人民政府', ocrRead(['咸', 14], ['都', 56], ['市人民政府', 82]));
      expect(result.outcome).toBe('review');
      expect(result.findings[0]!.message).toContain('文字识别（OCR）未能可靠读出全称');
      expect(result.findings[0]!.evidence).toMatchObject({
        ocrTexts: [{ text: '都 市人民政府', confidence: 78, region: BANNER }],
        unlabelledGraphics: [expect.objectContaining({ box: BANNER })],
      });
    });

    it('reviews an image where OCR read nothing', () => {
      const result = judge(banner, '成都市人民政府', ocrRead());
      expect(result.outcome).toBe('review');
      expect(result.findings[0]!.evidence.ocrTexts).toEqual([]);
    });

    it('reviews as before when OCR was not gathered (tesseract missing or failed)', () => {
      const result = judge(banner);
      expect(result.outcome).toBe('review');
      expect(result.findings[0]!.message).toContain('全称可能绘制在图中');
      expect(result.findings[0]!.evidence).not.toHaveProperty('ocrTexts');
    });

    it('reads no OCR when the name is already there as text', () => {
      const result = judge(
        { ...banner, texts: [text('成都市人民政府')] },
        '成都市人民政府',
        ocrRead(['成都市', 97], ['政府', 96]),
      );
      expect(result).toEqual({ outcome: 'pass', findings: [] });
    });
  });
});
