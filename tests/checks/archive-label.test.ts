import { describe, expect, it } from 'vitest';
import { archiveLabel } from '../../checks/archive-label.ts';
import type { CheckResult } from '../../checks/check.ts';
import type { CrawledPage } from '../../crawlers/artifacts.ts';
import { anchor, crawl, HOME, page, site } from './fixtures/builders.ts';

const NOW = new Date('2026-05-01T00:00:00Z');

function judge(pages: CrawledPage[], archiveRoots = ['/archive/']): CheckResult {
  return archiveLabel.run(
    { siteCrawl: crawl([page(HOME, { depth: 0 }), ...pages]) },
    { site: site({ archiveRoots }), now: NOW },
  );
}

const archived = (text: string, path = '/archive/2019/a.html', overrides: Partial<CrawledPage> = {}) =>
  page(path, { title: '关于做好2019年防汛工作的通知', text, ...overrides });

describe('archive-label', () => {
  const passes: [string, CrawledPage[], string[]?][] = [
    ['no archived page at all', [page('/xwzx/1.html', { text: '新闻内容' })]],
    ['label and Chinese date', [archived('本页面已归档，归档时间：2023年5月8日。关于做好防汛工作的通知……')]],
    ['label and ISO date', [archived('已归档 2023-05-08 正文……')]],
    ['label and slash date', [archived('【已归档】归档日期：2023/05/08')]],
    ['label and dotted date', [archived('已归档（2023.05.08）')]],
    ['label and unpadded date with a time', [archived('已归档 2023-5-8 10:30')]],
    ['date written before the label', [archived('2023年5月8日起本页已归档')]],
    ['label spaced out', [archived('已 归 档  归档时间 2023-05-08')]],
    [
      'the archive root index only has to be reachable',
      [page('/archive/', { title: '历史归档', text: '归档栏目列表' })],
    ],
    ['root index page by file name', [page('/archive/index.html', { text: '列表' })]],
    ['root written without slashes', [archived('已归档 2023-05-08', '/archive/2019/b.html')], ['archive']],
    [
      'a 历史归档 menu entry on an ordinary page',
      [page('/xwzx/2.html', { text: '首页 新闻 历史归档 正文', links: [anchor('历史归档', '/archive/')] })],
    ],
    ['an archive root on another host', [page('https://other.gov.cn/archive/2019/a.html', { text: '正文' })]],
    ['a path that only starts like the root', [page('/archive-news/a.html', { text: '正文' })]],
  ];
  it.each(passes)('passes: %s', (_case, pages, roots) => {
    expect(judge(pages, roots)).toEqual({ outcome: 'pass', findings: [] });
  });

  it('fails a page under an archive root without the label, with the text seen', () => {
    const result = judge([archived('关于做好防汛工作的通知 发布时间：2019-06-01')]);
    expect(result.outcome).toBe('fail');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      url: `${HOME}archive/2019/a.html`,
      message: '归档页面没有注明“已归档”字样。',
      evidence: { why: 'under-archive-root', datesOnPage: ['2019-06-01'] },
    });
  });

  it('fails an archive time given without the words 已归档', () => {
    const result = judge([archived('归档时间：2023年5月8日')]);
    expect(result.findings[0]!.message).toBe('归档页面没有注明“已归档”字样。');
    expect(result.findings[0]!.evidence.textAroundArchiveWord).toContain('归档时间：2023年5月8日');
  });

  it('fails a label without a date, quoting the text around the label', () => {
    const result = judge([archived('本页面已归档。关于做好防汛工作的通知')]);
    expect(result.outcome).toBe('fail');
    expect(result.findings[0]!.message).toBe('页面注明了“已归档”，但附近没有归档时间。');
    expect(result.findings[0]!.evidence.textAroundLabel).toBe('本页面已归档。关于做好防汛工作的通知');
  });

  it('fails a label whose only date is far from it', () => {
    const result = judge([archived(`已归档。${'正文'.repeat(60)}发布时间：2019-06-01`)]);
    expect(result.findings[0]!.message).toContain('附近没有归档时间');
  });

  it.each([
    ['HTTP 404', { status: 404 }, 'HTTP 404'],
    ['timeout', { status: null, error: 'TIMEOUT' }, 'TIMEOUT'],
    ['soft 404', { softNotFound: { evidence: '标题：页面不存在', by: 'wording' } }, '页面不存在'],
  ] as [string, Partial<CrawledPage>, string][])(
    'fails an unreachable archived page: %s',
    (_c, answer, said) => {
      const result = judge([archived('已归档 2023-05-08', '/archive/2019/a.html', answer)]);
      expect(result.outcome).toBe('fail');
      expect(result.findings[0]!.message).toContain(said);
      expect(result.findings[0]!.evidence.answer).toMatchObject({ url: `${HOME}archive/2019/a.html` });
    },
  );

  it('fails an unreachable archive root index', () => {
    const result = judge([page('/archive/', { status: 404 })]);
    expect(result.findings[0]!.evidence.why).toBe('root-index');
  });

  it.each([
    ['its title', page('/zwgk/old.html', { title: '【已归档】旧版通知', text: '正文' })],
    ['its text', page('/zwgk/old.html', { text: '本页面为历史归档页面 正文' })],
    ['its text, on a guidang path', page('/guidang/2019/a.html', { text: '本页面已归档 正文' })],
  ])('judges a page presented as archived by %s', (_case, p) => {
    const result = judge([p], []);
    expect(result.outcome).toBe('fail');
    expect(result.findings[0]!.evidence.why).toBe('presented-as-archived');
  });

  it.each([
    ['a guidang path segment', page('/guidang/2019/a.html', { text: '正文' }), 'guidang'],
    ['an lsgd path segment', page('/lsgd/zwgk/a.html', { text: '正文' }), 'lsgd'],
    ['an archives path segment', page('/archives/2019/a.html', { title: '通知', text: '正文' }), 'archives'],
  ])('only reviews a page that looks archived by %s alone', (_case, p, segment) => {
    const result = judge([p], []);
    expect(result.outcome).toBe('review');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.message).toContain('需人工确认');
    expect(result.findings[0]!.evidence).toMatchObject({ why: 'archive-path', pathSegment: segment });
  });

  it.each([
    ['a page', '/guidang/2019/a.html'],
    ['a directory index', '/guidang/'],
  ])('only reviews %s on an archive-like path that cannot be opened', (_case, path) => {
    const result = judge([page(path, { status: 404 })], []);
    expect(result.outcome).toBe('review');
    expect(result.findings[0]!.message).toContain('HTTP 404');
  });

  it('still fails a page under a registered root next to a path-only one', () => {
    const result = judge([archived('正文'), page('/guidang/2019/a.html', { text: '正文' })]);
    expect(result.outcome).toBe('fail');
    expect(result.findings.map((f) => f.evidence.why)).toEqual(['under-archive-root', 'archive-path']);
  });

  it.each([
    ['label and date in the title', { title: '【已归档 2023-05-08】关于防汛工作的通知', text: '正文' }],
    [
      'label in the title, date at the top of the text',
      { title: '【已归档】关于防汛工作的通知', text: '归档时间：2023年5月8日 正文' },
    ],
  ])('finds the label in the title: %s', (_case, overrides) => {
    expect(judge([archived('', '/archive/2019/a.html', overrides)])).toEqual({
      outcome: 'pass',
      findings: [],
    });
  });

  it('quotes the title when the dateless label is there', () => {
    const result = judge([archived('正文', '/archive/2019/a.html', { title: '【已归档】旧通知' })]);
    expect(result.findings[0]!.evidence.textAroundLabel).toBe('【已归档】旧通知');
  });

  it('says only the first 20 000 characters of a long page were read', () => {
    const result = judge([archived('正文'.repeat(10_000))]);
    expect(result.outcome).toBe('fail');
    expect(result.findings[0]!.message).toBe('归档页面的标题和正文前 20000 字中没有注明“已归档”字样。');
    expect(result.findings[0]!.evidence.textCapped).toBe(20_000);
  });

  it('gives one finding per failing page', () => {
    const result = judge([
      archived('无标注', '/archive/a.html'),
      archived('已归档 2023-05-08', '/archive/b.html'),
      archived('已归档', '/archive/c.html'),
      archived('', '/archive/d.html', { status: 500 }),
    ]);
    expect(result.findings.map((f) => f.url)).toEqual(
      ['a.html', 'c.html', 'd.html'].map((f) => `${HOME}archive/${f}`),
    );
  });

  it('reviews an archived page answered by a bot challenge', () => {
    const challenge = { vendor: 'waf-521', status: 521, evidence: 'HTTP 521' } as const;
    const result = judge([archived('', '/archive/a.html', { status: 521, challenge })]);
    expect(result.outcome).toBe('review');
    expect(result.findings).toHaveLength(1);
  });
});
