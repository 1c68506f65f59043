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

type Item = 'siteCode' | 'icp' | 'police';
const ITEM_NAMES: Record<Item, string> = {
  siteCode: '政府网站标识码',
  icp: 'ICP备案编号',
  police: '公安机关备案号',
};
const WRITTEN: Record<Item, string> = {
  siteCode: '网站标识码：5101000001',
  icp: '蜀ICP备05003828号',
  police: '川公网安备 51010402000507号',
};

/** A footer with one element per identifier, `item` written as `written` (one element per string). */
function footerWriting(item: Item, written: string[]): RenderedText[] {
  const others = (Object.keys(WRITTEN) as Item[]).filter((key) => key !== item);
  return [...written, ...others.map((key) => WRITTEN[key])].map((value) => footerText(value));
}

describe('footer-identifiers reads identifiers as footers print them', () => {
  const read: [Item, string, string[], string?][] = [
    ['icp', 'a full-width colon after 备', ['蜀ICP备：19007388号']],
    ['icp', 'an ASCII colon and a space after 备', ['蜀ICP备: 19007388号']],
    ['icp', 'no closing 号', ['鄂ICP备05009168']],
    ['icp', 'a colon and no 号', ['沪ICP备：12004267']],
    ['icp', 'the suffix of one of several sites', ['蜀ICP备05003828号-1']],
    ['icp', 'a full-width hyphen before the suffix', ['蜀ICP备05003828号－2']],
    ['icp', 'ICP in full-width letters and digits', ['蜀ＩＣＰ备０５００３８２８号']],
    ['icp', 'after the caption ICP备案号：', ['ICP备案号：蜀ICP备05003828号']],
    ['icp', 'after the caption 备案序号：', ['备案序号：豫ICP备05024460号-1']],
    ['icp', 'ten digits of a number issued since 2019', ['京ICP备2021012345号']],
    ['icp', 'ICP备 in one element and the number in the next', ['蜀ICP备', '05003828号']],
    ['police', 'an ASCII colon after 公网安备', ['苏公网安备:32010602010331号']],
    ['police', 'a space after 公网安备', ['京公网安备 11010502030143号']],
    ['police', 'a full-width colon and a space, no 号', ['冀公网安备： 13030202002230']],
    ['police', 'a space before the colon', ['津公网安备 ：12010302000991号']],
    ['police', 'the older 郑公备 form', ['郑公备：41010502000001']],
    ['police', 'the caption 公安机关备案号 and bare digits', ['公安机关备案号：51010402000507']],
    ['police', 'the caption 公安备案号', ['公安备案号：51010402000507']],
    ['police', '川公安备案 and the number', ['川公安备案51010402000507号']],
    ['police', '沪公安备 and a colon', ['沪公安备：31010102045442号']],
    ['police', 'the caption in one <p> and the number in the next', ['公安机关备案号：', '51010402000507']],
    ['police', 'the caption before the 公网安备 number', ['公安机关备案号：苏公网安备32011402012523号']],
    ['siteCode', 'a space and no colon', ['网站标识码 5101000001']],
    ['siteCode', 'the short label 标识码', ['标识码：5101000001']],
    ['siteCode', 'the full label 政府网站标识码 and an ASCII colon', ['政府网站标识码:5101000001']],
    ['siteCode', 'a space before the colon', ['网站标识码 ：5101000001']],
    ['siteCode', 'full-width digits', ['网站标识码：５１０１０００００１']],
    ['siteCode', 'the label in one element and the code in the next', ['网站标识码：', '5101000001']],
    ['siteCode', 'a State Council department’s bm code', ['网站标识码：bm01000001'], 'bm01000001'],
    ['siteCode', 'a bm code in capitals', ['网站标识码：BM01000001'], 'bm01000001'],
    ['siteCode', 'a bm code in full-width letters', ['网站标识码：ｂｍ０１０００００１'], 'bm01000001'],
  ];
  it.each(read)('reads the %s written with %s', (item, _case, written, registered = '5101000001') => {
    const result = judge({ texts: footerWriting(item, written) }, { siteCode: registered });
    expect(result).toEqual({ outcome: 'pass', findings: [] });
  });

  it('reads identifiers run together where a <br> was', () => {
    const texts = [footerText('网站标识码：5101000001湘ICP备15014295号-2公安机关备案号：43011102001327')];
    expect(judge({ texts })).toEqual({ outcome: 'pass', findings: [] });
  });

  const notRead: [Item, string, string[], 'review' | 'fail'][] = [
    ['icp', 'an ICP licence (ICP证) is not a 备案 number', ['京ICP证030173号'], 'fail'],
    ['icp', 'the caption 备案号： alone', ['备案号：'], 'review'],
    ['icp', 'digits after the caption without the province and ICP备', ['ICP备案号：05003828号'], 'review'],
    ['icp', 'a number run on into the next line’s digits', ['蜀ICP备050038280288601234'], 'review'],
    ['police', 'a postcode after the caption', ['公安机关备案号：', '610016'], 'review'],
    ['police', 'a postcode after another label', ['公安机关备案号： 邮编：610041'], 'review'],
    ['police', 'a phone number after the caption', ['公安机关备案号：028-86012345'], 'review'],
    ['police', 'the caption 公安机关备案 with the number in an image', ['公安机关备案号：'], 'review'],
    ['siteCode', 'nine digits', ['网站标识码：510100000'], 'review'],
    ['siteCode', 'twelve digits', ['网站标识码：310000000044'], 'review'],
    ['siteCode', 'bm and seven digits', ['网站标识码：bm0100000'], 'review'],
    ['siteCode', 'a phone number beside the label', ['网站标识码： 联系电话：028-86012345'], 'review'],
    [
      'siteCode',
      'a telephone number of ten digits, starting with 0 as no division code does',
      ['网站标识码：0288601234'],
      'review',
    ],
    [
      'siteCode',
      'the code run on into a phone number on the next line',
      ['网站标识码：5101000001028-86012345'],
      'review',
    ],
  ];
  it.each(notRead)('does not read the %s when %s', (item, _case, written, outcome) => {
    const result = judge({ texts: footerWriting(item, written) });
    expect(result.outcome).toBe(outcome);
    expect(items(result)).toEqual([ITEM_NAMES[item]]);
    expect(result.findings[0]!.message).toMatch(outcome === 'review' ? /读不出/ : /^首页没有显示/);
  });

  it('names the whole caption when the number after it cannot be read', () => {
    const result = judge({ texts: footerWriting('police', ['公安机关备案号：']) });
    expect(result.findings[0]!.message).toBe(
      '首页有“公安机关备案号”字样，但读不出公安机关备案号（可能写在图片里），需人工查看。',
    );
  });

  it('compares a shown bm code with the registered one: another code fails', () => {
    const texts = footerWriting('siteCode', ['网站标识码：bm01000002']);
    const result = judge({ texts }, { siteCode: 'bm01000001' });
    expect(result.outcome).toBe('fail');
    expect(result.findings[0]!.message).toBe(
      '首页显示的政府网站标识码 bm01000002 与登记的 bm01000001 不一致。',
    );
  });

  const P = 'div.footer > div.w1200 > p:nth-of-type(2)';
  const inP = (value: string, step: string) => footerText(value, { selector: `${P} > ${step}` });
  it.each<[string, RenderedText[]]>([
    [
      'the 标识码 in a span inside the line of its label, the numbers after it in links',
      [
        footerText('网站标识码： ICP备案号：', { selector: P }),
        inP('5101000001', 'span'),
        inP('蜀ICP备：19007388号-1', 'a:nth-of-type(1)'),
        inP('川公网安备 51110202000045号', 'a:nth-of-type(2)'),
      ],
    ],
    [
      'the 公安 number in a link after its caption, the ICP link before the caption',
      [
        footerText('网站标识码：5101000001 公安机关备案号：', { selector: P }),
        inP('蜀ICP备05003828号', 'a:nth-of-type(1)'),
        inP('51010402000507', 'a:nth-of-type(2)'),
      ],
    ],
    [
      'both numbers inside the line of their labels, in order',
      [
        footerText('网站标识码： 公安机关备案号： 技术支持：成都市大数据中心', { selector: P }),
        inP('5101000001', 'span'),
        inP('蜀ICP备05003828号', 'a:nth-of-type(1)'),
        inP('51010402000507', 'a:nth-of-type(2)'),
      ],
    ],
    [
      'a number deeper inside, its path cut to four steps',
      [
        footerText('网站标识码：5101000001 郑公备： 技术支持：成都市大数据中心', { selector: P }),
        footerText('41010329000027', { selector: 'div.w1200 > p:nth-of-type(2) > span > a' }),
        footerText('蜀ICP备05003828号', { selector: 'div.footer > div.w1200 > p:nth-of-type(3)' }),
      ],
    ],
  ])('passes on %s', (_case, texts) => {
    expect(judge({ texts })).toEqual({ outcome: 'pass', findings: [] });
  });

  it('places no number inside when the empty labels outnumber the numbers (the 标识码 is an image)', () => {
    const texts = [
      footerText('网站标识码： 公安机关备案号：', { selector: P }),
      inP('蜀ICP备05003828号', 'a:nth-of-type(1)'),
      inP('51010402000507', 'a:nth-of-type(2)'),
    ];
    const result = judge({ texts });
    expect(result.outcome).toBe('review');
    expect(items(result)).toEqual(['政府网站标识码', '公安机关备案号']);
    expect(result.findings.map((f) => f.message)).toEqual([
      expect.stringContaining('读不出政府网站标识码'),
      expect.stringContaining('读不出公安机关备案号'),
    ]);
  });

  it('fails on a 标识码 inside the line of its label that differs from the registered one', () => {
    const texts = [footerText('网站标识码： ICP备案号：', { selector: P }), inP('5111000013', 'span')];
    const result = judge({ texts: [...texts, footerText(WRITTEN.icp), footerText(WRITTEN.police)] });
    expect(result.outcome).toBe('fail');
    expect(result.findings[0]!.evidence).toMatchObject({
      shown: '5111000013',
      text: '网站标识码：5111000013',
    });
  });
});

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
