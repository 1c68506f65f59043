import { describe, expect, it } from 'vitest';
import { archiveLabel } from '../../checks/archive-label.ts';
import type { CheckResult } from '../../checks/check.ts';
import type { ArchiveLine, CrawledPage } from '../../crawlers/artifacts.ts';
import { anchor, crawl, HOME, page, site } from './fixtures/builders.ts';

const NOW = new Date('2026-05-01T00:00:00Z');

function judge(pages: CrawledPage[], archiveRoots = ['/archive/']): CheckResult {
  return archiveLabel.run(
    { siteCrawl: crawl([page(HOME, { depth: 0 }), ...pages]) },
    { site: site({ archiveRoots }), now: NOW },
  );
}

/**
 * A page whose text is `lines` as a reader sees them (one per block element), recorded as the crawl
 * records them: the lines with 归档 in them; a line written `[历史归档]` is link text (a menu entry).
 */
function lined(lines: string[], path = '/archive/2019/a.html', overrides: Partial<CrawledPage> = {}) {
  const read = lines.map((line) => (line.startsWith('[') ? line.slice(1, -1) : line));
  const archiveLines: ArchiveLine[] = lines
    .map((line, i) => ({ text: read[i]!, own: line.startsWith('[') ? '' : line }))
    .filter((line) => line.text.includes('归档'));
  return page(path, {
    title: '关于做好2019年防汛工作的通知',
    text: read.join(' '),
    ...(archiveLines.length > 0 ? { archiveLines } : {}),
    ...overrides,
  });
}

describe('archive-label', () => {
  const passes: [string, CrawledPage[], string[]?][] = [
    ['no archived page at all', [page('/xwzx/1.html', { text: '新闻内容' })]],
    [
      'label and time in one block',
      [lined(['本页面已归档 归档时间：2023-06-30', '关于做好防汛工作的通知……'])],
    ],
    ['label and Chinese date', [lined(['本页面已归档，归档时间：2023年5月8日。', '正文'])]],
    ['label and ISO date', [lined(['已归档 2023-05-08', '正文……'])]],
    ['label and slash date', [lined(['【已归档】归档日期：2023/05/08'])]],
    ['label and dotted date', [lined(['已归档（2023.05.08）'])]],
    ['label and unpadded date with a time', [lined(['已归档 2023-5-8 10:30'])]],
    ['date written before the label', [lined(['2023年5月8日起本页已归档'])]],
    ['于…归档', [lined(['本页面已于2023年6月30日归档，仅供查阅。'])]],
    ['label spaced out', [lined(['已 归 档  归档时间 2023-05-08'])]],
    ['label and time in two lines of one banner', [lined(['本页面已归档', '归档日期：2024-01-15', '正文'])]],
    [
      'label, then 归档时间 in a table cell and the date in the next',
      [
        page('/archive/2019/b.html', {
          title: '机构职能',
          text: '归档状态 已归档 归档时间 2023-06-30 正文',
          archiveLines: [
            { text: '已归档', own: '已归档' },
            { text: '归档时间', own: '归档时间', next: '2023-06-30' },
          ],
        }),
      ],
    ],
    [
      'the archive root index is not judged',
      [lined(['历史归档', '[2019年机构设置]'], '/archive/', { title: '历史归档' })],
    ],
    ['root index page by file name', [page('/archive/index.html', { text: '列表' })]],
    ['root written without slashes', [lined(['已归档 2023-05-08'], '/archive/2019/b.html')], ['archive']],
    [
      'a 历史归档 menu entry on an ordinary page',
      [
        lined(['[首页]', '[历史归档]', '关于开展防汛检查的通知 2019-06-01'], '/xwzx/2.html', {
          links: [anchor('历史归档', '/archive/')],
        }),
      ],
    ],
    [
      'an unregistered archive column page named 历史归档',
      [
        lined(['当前位置：首页 > 历史归档', '[2019年政策文件 2019-03-01]'], '/col/col1099/index.html', {
          title: '历史归档_某某县人民政府',
        }),
      ],
      [],
    ],
    [
      'an archives bureau report whose paragraph mentions 已归档, off the archive roots',
      [
        lined(
          [
            `2023年，全市档案馆全年接收已归档文件12万件，馆藏总量达到${'数字化档案资源持续增加，'.repeat(4)}，并完成了档案数字化加工任务。`,
          ],
          '/xwzx/2023/1.html',
          { title: '市档案馆2023年工作总结' },
        ),
      ],
      [],
    ],
    [
      'a statistics cell counting archived files, off the archive roots',
      [lined(['已归档文件', '12万件', '已归档 3000 件'], '/zwgk/tjsj/1.html', { title: '档案工作统计' })],
      [],
    ],
    ['an archive root on another host', [page('https://other.gov.cn/archive/2019/a.html', { text: '正文' })]],
    ['a path that only starts like the root', [page('/archive-news/a.html', { text: '正文' })]],
  ];
  it.each(passes)('passes: %s', (_case, pages, roots) => {
    expect(judge(pages, roots)).toEqual({ outcome: 'pass', findings: [] });
  });

  it.each([
    ['404', { status: 404 }],
    ['a soft 404', { softNotFound: { evidence: '标题：页面不存在', by: 'wording' } }],
    ['a timeout', { status: null, error: 'TIMEOUT' }],
  ] as [string, Partial<CrawledPage>][])(
    'an archive root index that answers %s is no finding',
    (_case, answer) => {
      expect(judge([page('/archive/', answer)])).toEqual({ outcome: 'pass', findings: [] });
      expect(judge([page('/guidang/', answer)], [])).toEqual({ outcome: 'pass', findings: [] });
    },
  );

  it('fails a page under an archive root without the label, with the text seen', () => {
    const result = judge([lined(['关于做好防汛工作的通知', '发布时间：2019-06-01'])]);
    expect(result.outcome).toBe('fail');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      url: `${HOME}archive/2019/a.html`,
      message: '归档页面没有注明“已归档”字样。',
      evidence: { why: 'under-archive-root', datesOnPage: ['2019-06-01'] },
    });
  });

  it('fails an archive time given without the words 已归档', () => {
    const result = judge([lined(['归档时间：2023年5月8日'])]);
    expect(result.findings[0]!.message).toBe('归档页面没有注明“已归档”字样。');
    expect(result.findings[0]!.evidence.textAroundArchiveWord).toBe('归档时间：2023年5月8日');
  });

  it('fails a label without a date, quoting the label', () => {
    const result = judge([lined(['本页面已归档。', '关于做好防汛工作的通知'])]);
    expect(result.outcome).toBe('fail');
    expect(result.findings[0]!.message).toContain('页面注明了“已归档”，但没有注明归档时间');
    expect(result.findings[0]!.evidence.textAroundLabel).toBe('本页面已归档。');
  });

  it.each([
    [
      'only a news list on the page has dates',
      ['本页面已归档', '[关于做好防汛工作的通知] 2023-06-30', '[全省安全生产电视电话会议召开] 2023-06-28'],
    ],
    [
      'only the article’s 发布时间, in another block',
      ['本页面已归档', '发布时间：2019-06-01 来源：办公室', '正文'],
    ],
    ['a date far from the label in a long paragraph', [`本页面已归档。${'正文'.repeat(60)}2019年6月1日`]],
  ])('fails a label whose date is not its own: %s', (_case, lines) => {
    const result = judge([lined(lines)]);
    expect(result.outcome).toBe('fail');
    expect(result.findings[0]!.message).toContain('页面其他位置的日期不算');
    expect(result.findings[0]!.evidence.datesOnPage).toBeDefined();
  });

  it('does not take a date of the title for the archive time', () => {
    const result = judge([
      lined(['正文'], '/archive/2019/c.html', { title: '【已归档】关于2019年5月1日起施行新标准的通知' }),
    ]);
    expect(result.outcome).toBe('fail');
  });

  it.each([
    ['HTTP 404', { status: 404 }, 'HTTP 404'],
    ['timeout', { status: null, error: 'TIMEOUT' }, 'TIMEOUT'],
    ['soft 404', { softNotFound: { evidence: '标题：页面不存在', by: 'wording' } }, '页面不存在'],
  ] as [string, Partial<CrawledPage>, string][])(
    'fails an unreachable archived page: %s',
    (_c, answer, said) => {
      const result = judge([lined(['已归档 2023-05-08'], '/archive/2019/a.html', answer)]);
      expect(result.outcome).toBe('fail');
      expect(result.findings[0]!.message).toContain(said);
      expect(result.findings[0]!.evidence.answer).toMatchObject({ url: `${HOME}archive/2019/a.html` });
    },
  );

  it.each([
    ['its title', page('/zwgk/old.html', { title: '【已归档】旧版通知', text: '正文' })],
    ['its text', lined(['本页面为历史归档页面', '正文'], '/zwgk/old.html')],
    ['its text, on a guidang path', lined(['本页面已归档', '正文'], '/guidang/2019/a.html')],
  ])('judges a page presented as archived by %s', (_case, p) => {
    const result = judge([p], []);
    expect(result.outcome).toBe('fail');
    expect(result.findings[0]!.evidence.why).toBe('presented-as-archived');
  });

  it.each([
    ['a guidang path segment', page('/guidang/2019/a.html', { text: '正文' }), 'guidang'],
    ['an lsgd path segment', page('/lsgd/zwgk/a.html', { text: '正文' }), 'lsgd'],
    ['a gdwz path segment', page('/gdwz/2019/a.html', { text: '正文' }), 'gdwz'],
    ['an archives path segment', page('/archives/2019/a.html', { title: '通知', text: '正文' }), 'archives'],
  ])('only reviews a page that looks archived by %s alone', (_case, p, segment) => {
    const result = judge([p], []);
    expect(result.outcome).toBe('review');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.message).toContain('需人工确认');
    expect(result.findings[0]!.evidence).toMatchObject({ why: 'archive-path', pathSegment: segment });
  });

  it('only reviews a page on an archive-like path that cannot be opened', () => {
    const result = judge([page('/guidang/2019/a.html', { status: 404 })], []);
    expect(result.outcome).toBe('review');
    expect(result.findings[0]!.message).toContain('HTTP 404');
  });

  it('still fails a page under a registered root next to a path-only one', () => {
    const result = judge([lined(['正文']), page('/guidang/2019/a.html', { text: '正文' })]);
    expect(result.outcome).toBe('fail');
    expect(result.findings.map((f) => f.evidence.why)).toEqual(['under-archive-root', 'archive-path']);
  });

  it.each([
    ['label and date in the title', { title: '【已归档 2023-05-08】关于防汛工作的通知' }],
    [
      'label in the title, 归档时间 at the top of the text',
      { title: '【已归档】关于防汛工作的通知' },
      ['归档时间：2023年5月8日', '正文'],
    ],
  ] as [string, Partial<CrawledPage>, string[]?][])(
    'finds the label in the title: %s',
    (_case, overrides, lines = ['正文']) => {
      expect(judge([lined(lines, '/archive/2019/a.html', overrides)])).toEqual({
        outcome: 'pass',
        findings: [],
      });
    },
  );

  it('quotes the title when the dateless label is there', () => {
    const result = judge([lined(['正文'], '/archive/2019/a.html', { title: '【已归档】旧通知' })]);
    expect(result.findings[0]!.evidence.textAroundLabel).toBe('【已归档】旧通知');
  });

  it('says only the first 20 000 characters of a long page were read', () => {
    const result = judge([lined(['正文'.repeat(10_000)])]);
    expect(result.outcome).toBe('fail');
    expect(result.findings[0]!.message).toBe('归档页面的标题和正文前 20000 字中没有注明“已归档”字样。');
    expect(result.findings[0]!.evidence.textCapped).toBe(20_000);
  });

  it('gives one finding per failing page', () => {
    const result = judge([
      lined(['无标注'], '/archive/a.html'),
      lined(['已归档 2023-05-08'], '/archive/b.html'),
      lined(['已归档'], '/archive/c.html'),
      lined([], '/archive/d.html', { status: 500 }),
    ]);
    expect(result.findings.map((f) => f.url)).toEqual(
      ['a.html', 'c.html', 'd.html'].map((f) => `${HOME}archive/${f}`),
    );
  });

  it('reviews an archived page answered by a bot challenge', () => {
    const challenge = { vendor: 'waf-521', status: 521, evidence: 'HTTP 521' } as const;
    const result = judge([lined([], '/archive/a.html', { status: 521, challenge })]);
    expect(result.outcome).toBe('review');
    expect(result.findings).toHaveLength(1);
  });
});
