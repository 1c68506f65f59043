import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../checks/check.ts';
import { WORDING_ERRORS } from '../../checks/dictionaries/wording-errors.ts';
import { type OfficeWording, officeWordingMatcher } from '../../checks/lib/office-wording.ts';
import { type WordingEntry, wordingMatcher } from '../../checks/lib/wording-matcher.ts';
import { markedSentence, wordingErrors } from '../../checks/wording-errors.ts';
import type { CrawledPage, RenderedText } from '../../crawlers/artifacts.ts';
import { crawl, HOME, homepage, page, site, text } from './fixtures/builders.ts';

const NOW = new Date('2026-11-20T10:00:00+08:00');

function judge(texts: RenderedText[], pages: CrawledPage[] = [], wording?: OfficeWording): CheckResult {
  return wordingErrors.run(
    { renderedHomepage: homepage({ texts }), siteCrawl: crawl([page(HOME, { depth: 0 }), ...pages]) },
    { site: site(), now: NOW, ...(wording ? { wording } : {}) },
  );
}

const article = (body: string, overrides: Partial<CrawledPage> = {}) =>
  page('/xwzx/t20261118_1.html', { title: '工作动态', text: body, ...overrides });

describe('wording-errors', () => {
  const passes: [string, string][] = [
    ['correct names and terms', '深入学习贯彻习近平新时代中国特色社会主义思想，铸牢中华民族共同体意识。'],
    ['the country’s full name', '根据《中华人民共和国政府信息公开条例》规定，现将有关情况公开如下。'],
    [
      'a wrong form inside a longer correct phrase (法规 contains 法)',
      '认真贯彻政府信息公开法规，依法公开。',
    ],
    ['北朝鲜 inside 东北朝鲜族', '东北朝鲜族群众代表参加了座谈会。'],
    ['台湾国 inside 台湾国际', '台湾国际航线旅客人数回升。'],
    ['二十届三中全会, correctly counted in 届', '学习贯彻党的二十届三中全会精神。'],
    ['a Sichuan city written right', '泸州市、雅安市、遂宁市联合开展执法检查。'],
  ];
  it.each(passes)('passes: %s', (_name, body) => {
    expect(judge([text(body, { inHeader: false })], [article(body)])).toEqual({
      outcome: 'pass',
      findings: [],
    });
  });

  const fails: [string, string, string, string, '严重' | '一般'][] = [
    ['a leader’s name', '认真学习刁近平总书记重要讲话精神', '刁近平', '习近平', '严重'],
    ['the country’s name', '依据《中华人民共合国宪法》', '中华人民共合国', '中华人民共和国', '严重'],
    [
      'a congress counted in 届',
      '中国共产党第二十届全国代表大会胜利召开',
      '第二十届全国代表大会',
      '第二十次全国代表大会',
      '严重',
    ],
    ['a state organ', '转发国务院办公室关于做好有关工作的通知', '国务院办公室', '国务院办公厅', '严重'],
    [
      'a political term',
      '筑牢中华民族共同体意识',
      '筑牢中华民族共同体意识',
      '铸牢中华民族共同体意识',
      '严重',
    ],
    ['a regulation called a law', '依据政府信息公开法第二十条', '政府信息公开法', '政府信息公开条例', '一般'],
    ['an administrative division', '卢州市人民政府办公室', '卢州市', '泸州市', '一般'],
    ['北朝鲜 alone', '北朝鲜代表团到访', '北朝鲜', '朝鲜', '一般'],
  ];
  it.each(fails)('fails on a crawled page: %s', (_name, body, wrong, correct, grade) => {
    const result = judge([], [article(body)]);
    expect(result.outcome).toBe('fail');
    expect(result.findings).toHaveLength(1);
    const [finding] = result.findings;
    expect(finding!.url).toBe(new URL('/xwzx/t20261118_1.html', HOME).href);
    expect(finding!.evidence).toMatchObject({ wrong, correct, grade, occurrences: 1 });
    expect(finding!.evidence.sentence).toContain(`【${wrong}】`);
    expect(finding!.message).toContain(`“${wrong}”应为“${correct}”`);
    if (grade === '严重') expect(result.singleVeto).toContain(`“${wrong}”应为“${correct}”`);
    else expect(result.singleVeto).toBeUndefined();
  });

  it('reads the rendered homepage’s visible texts, names the element, and not its hidden ones', () => {
    const result = judge([
      text('欢迎访问攀技花市人民政府门户网站', { selector: 'div.banner > p', inHeader: false }),
      text('台湾总统', { visible: false, hiddenReason: 'display-none' }),
    ]);
    expect(result.outcome).toBe('fail');
    expect(result.singleVeto).toBeUndefined();
    expect(result.findings).toEqual([
      {
        url: HOME,
        message: '“欢迎访问【攀技花】市人民政府门户网站”中“攀技花”应为“攀枝花”，属于行政区划名称一般错误。',
        evidence: {
          wrong: '攀技花',
          correct: '攀枝花',
          category: '行政区划名称',
          grade: '一般',
          sentence: '欢迎访问【攀技花】市人民政府门户网站',
          occurrences: 1,
          source: 'shipped',
          selector: 'div.banner > p',
        },
      },
    ]);
  });

  it('gives one finding per wrong form per page, counting its occurrences, and one per page', () => {
    const body = '卢州市召开会议。卢州市委书记出席。台湾总统选举期间……';
    const other = article('卢州市开展检查', { url: `${HOME}a.html`, finalUrl: `${HOME}a.html` });
    const result = judge([], [article(body), other]);
    expect(result.findings.map((f) => [f.url, f.evidence.wrong, f.evidence.occurrences])).toEqual([
      [new URL('/xwzx/t20261118_1.html', HOME).href, '卢州市', 2],
      [new URL('/xwzx/t20261118_1.html', HOME).href, '台湾总统', 1],
      [`${HOME}a.html`, '卢州市', 1],
    ]);
    expect(result.findings[0]!.message).toContain('（本页共2处）');
    expect(result.singleVeto).toBe(
      '网站出现严重表述错误（如“台湾总统”应为“台湾地区领导人”，共1处），属于全国政府网站检查指标“安全、泄密事故等严重问题”，单项否决，网站评为不合格。',
    );
  });

  it('does not judge the crawled homepage twice, nor pages that could not be read', () => {
    const result = judge(
      [],
      [
        page('/', { depth: 0, text: '中化人民共和国' }),
        article('中化人民共和国', { status: 404 }),
        article('中化人民共和国', {
          url: `${HOME}w.html`,
          finalUrl: `${HOME}w.html`,
          challenge: { vendor: 'waf-412', status: 412, evidence: '' },
        }),
      ],
    );
    expect(result).toEqual({ outcome: 'pass', findings: [] });
  });

  it('carries its veto only on 严重 findings', () => {
    const { singleVeto } = wordingErrors.meta;
    const result = judge([], [article('刁近平总书记到卢州市考察')]);
    expect(result.findings.map((f) => singleVeto!.carriedBy!(f))).toEqual([true, false]);
  });
});

describe('wording-errors with the offices’ dictionary', () => {
  const entries: OfficeWording['entries'] = [
    { wrong: '天府新去', correct: '天府新区', category: 'division', grade: '一般' },
    { wrong: '四川省人民政付', correct: '四川省人民政府', category: 'organ', grade: '严重' },
  ];
  const found = (body: string, wording: OfficeWording) =>
    judge([], [article(body)], wording).findings.map((f) => [f.evidence.wrong, f.evidence.source]);

  const cases: [string, string, OfficeWording, [string, string][]][] = [
    ['an office entry', '天府新去管委会召开会议', { entries, exceptions: [] }, [['天府新去', 'office']]],
    [
      'office and shipped entries on one page',
      '卢州市与天府新去签约',
      { entries, exceptions: [] },
      [
        ['卢州市', 'shipped'],
        ['天府新去', 'office'],
      ],
    ],
    [
      'a site’s exception equal to a shipped wrong form',
      '卢州市召开会议',
      { entries: [], exceptions: ['卢州市'] },
      [],
    ],
    [
      'a site’s exception equal to an office wrong form',
      '天府新去管委会',
      { entries, exceptions: ['天府新去'] },
      [],
    ],
    [
      'a site’s exception containing a wrong form, the form found elsewhere',
      '卢州市大酒店开业。卢州市召开会议',
      { entries: [], exceptions: ['卢州市大酒店'] },
      [['卢州市', 'shipped']],
    ],
    [
      'an office entry duplicating a shipped one is the shipped one',
      '卢州市召开会议',
      {
        entries: [{ wrong: '卢州市', correct: '泸州', category: 'division', grade: '严重' }],
        exceptions: [],
      },
      [['卢州市', 'shipped']],
    ],
    [
      'an office wrong form inside a shipped correct phrase',
      '中华人民共和国',
      {
        entries: [{ wrong: '人民共和', correct: '人民共和国', category: 'political-term', grade: '一般' }],
        exceptions: [],
      },
      [],
    ],
  ];
  it.each(cases)('%s', (_name, body, wording, expected) => {
    expect(found(body, wording)).toEqual(expected);
  });

  it('vetoes on a 严重 office entry, naming it', () => {
    const result = judge([], [article('转发四川省人民政付办公厅通知')], { entries, exceptions: [] });
    expect(result.singleVeto).toContain('“四川省人民政付”应为“四川省人民政府”');
    expect(result.findings[0]!.evidence).toMatchObject({ category: '国家机关名称', grade: '严重' });
  });

  it('reads the shipped dictionary alone when offices kept nothing', () => {
    expect(found('天府新去与卢州市', { entries: [], exceptions: [] })).toEqual([['卢州市', 'shipped']]);
  });

  it('compiles one matcher per distinct dictionary', () => {
    const wording = { entries, exceptions: ['甲', '乙'] };
    const same = officeWordingMatcher({ entries: structuredClone(entries), exceptions: ['乙', '甲'] });
    expect(officeWordingMatcher(wording)).toBe(same);
    expect(officeWordingMatcher({ entries, exceptions: ['甲'] })).not.toBe(same);
    expect(officeWordingMatcher(undefined)).toBe(officeWordingMatcher({ entries: [], exceptions: [] }));
  });
});

describe('wordingMatcher', () => {
  it('finds every wrong form of the shipped dictionary in a sentence of its own', () => {
    const find = wordingMatcher(WORDING_ERRORS);
    for (const entry of WORDING_ERRORS) {
      expect(
        find(`据报道，${entry.wrong}。`).map((h) => h.entry),
        entry.wrong,
      ).toContain(entry);
      expect(find(`据报道，${entry.correct}。`), entry.correct).toEqual([]);
      for (const phrase of entry.allow ?? []) expect(find(`据报道，${phrase}。`), phrase).toEqual([]);
    }
  });

  it('gives UTF-16 offsets that slice the wrong form out of the text, past astral characters', () => {
    const find = wordingMatcher(WORDING_ERRORS);
    const textWithEmoji = '😀𠀀北朝鲜和东北朝鲜族';
    const hits = find(textWithEmoji);
    expect(hits.map((h) => textWithEmoji.slice(h.start, h.end))).toEqual(['北朝鲜']);
  });

  it('suppresses a wrong form only where a correct phrase covers it, overlapping guards included', () => {
    const entries: WordingEntry[] = [
      { wrong: 'BC', correct: 'X', category: 'law', grade: '一般', allow: ['ABCD', 'AB'] },
    ];
    const find = wordingMatcher(entries);
    expect(find('ABCD BC ABC').map((h) => h.start)).toEqual([5, 9]);
  });
});

describe('markedSentence', () => {
  it.each([
    ['the sentence it stands in', '第一句。第二句有错字在这里。第三句', 8, 10, '第二句有【错字】在这里。'],
    [
      'cut at 40 characters with …',
      `${'甲'.repeat(50)}错${'乙'.repeat(50)}`,
      50,
      51,
      `…${'甲'.repeat(40)}【错】${'乙'.repeat(40)}…`,
    ],
    ['a line of its own', '标题\n正文错字\n下一行', 5, 7, '正文【错字】'],
    [
      'a block of a crawled page',
      '跳到正文 全省会议召开 会议要求按照错字做好 2026-11-18',
      18,
      20,
      '会议要求按照【错字】做好 2026-11-18',
    ],
    ['not cut at a space beside a Latin word', '按照 ICP 备案错字要求', 9, 11, '按照 ICP 备案【错字】要求'],
  ])('%s', (_name, body, start, end, expected) => {
    expect(markedSentence(body, start, end)).toBe(expected);
  });
});
