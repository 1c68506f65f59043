import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../checks/check.ts';
import { futureDates } from '../../checks/future-dates.ts';
import { labelledPublicationDate } from '../../checks/lib/publication-date.ts';
import type { CrawledPage, ListItem } from '../../crawlers/artifacts.ts';
import { crawl, HOME, page, site } from './fixtures/builders.ts';
import { columnPage, crawledHomepage, entry, pad, printedDaysBefore } from './fixtures/list-pages.ts';

/** 25 November 2026, 23:30 in Shanghai: 16:30 UTC, so a UTC calendar would call it the same day. */
const NOW = new Date('2026-11-25T23:30:00+08:00');
const ahead = (days: number) => printedDaysBefore(NOW, -days);
const cn = (days: number) => printedDaysBefore(NOW, -days, (y, m, d) => `${y}年${m}月${d}日`);
const monthDay = (days: number) => printedDaysBefore(NOW, -days, (_y, m, d) => `[${pad(m)}-${pad(d)}]`);

function judge(pages: CrawledPage[]): CheckResult {
  return futureDates.run({ siteCrawl: crawl(pages) }, { site: site(), now: NOW });
}
const home = (...items: ListItem[]) => crawledHomepage(items);
const article = (path: string, text: string) => page(path, { title: '文章', headings: ['文章标题'], text });
const flagged = (result: CheckResult) => result.findings.map((f) => f.evidence.date);

describe('future-dates', () => {
  const lists: [string, ListItem[], string | null][] = [
    ['an entry dated today', [entry('今日要闻', ahead(0))], null],
    ['an entry dated tomorrow (a server clock set ahead)', [entry('明日要闻', ahead(1))], null],
    ['an entry dated the day after tomorrow', [entry('后天要闻', ahead(2))], '2026-11-27'],
    ['an entry dated tomorrow + 2', [entry('超前要闻', ahead(3))], '2026-11-28'],
    ['an entry dated in Chinese a year ahead', [entry('明年要闻', cn(365))], '2027-11-25'],
    ['an entry dated last week', [entry('上周要闻', ahead(-7))], null],
    ['a month and day alone, its year presumed', [entry('只有月日', monthDay(3))], null],
    [
      'a month and day whose URL gives a year ahead',
      [entry('月日超前', monthDay(3), '/xw/202611/t20261128_1.html')],
      '2026-11-28',
    ],
    ['an entry with no readable date', [entry('没有日期', '置顶')], null],
  ];
  it.each(lists)('on %s', (_case, items, date) => {
    const result = judge([home(...items)]);
    expect(result.outcome).toBe(date === null ? 'pass' : 'review');
    expect(flagged(result)).toEqual(date === null ? [] : [date]);
  });

  it('lists the entry with its title, date, address and the lists printing it, once', () => {
    const item = entry('关于做好冬季安全生产工作的通知', ahead(3), '/tzgg/1.html');
    const result = judge([home(item), columnPage('/tzgg/', [item])]);
    expect(result.outcome).toBe('review');
    expect(result.singleVeto).toBeUndefined();
    expect(result.findings).toEqual([
      {
        url: HOME,
        message:
          '信息“关于做好冬季安全生产工作的通知”列表中标注的日期为2026-11-28（2026-11-28），比检查日（2026年11月25日）晚3天，可能是伪造的发稿日期（弄虚作假），需人工核实。',
        evidence: {
          entryTitle: '关于做好冬季安全生产工作的通知',
          entryUrl: `${HOME}tzgg/1.html`,
          date: '2026-11-28',
          dateText: '2026-11-28',
          daysAhead: 3,
          listedOn: [HOME, `${HOME}tzgg/`],
        },
      },
    ]);
  });

  const articles: [string, string, string | null][] = [
    ['an article published the day after tomorrow', `发布时间：${ahead(2)} 10:30 来源：本站`, '2026-11-27'],
    ['an article published tomorrow', `发布日期：${ahead(1)}`, null],
    [
      'an article published today, with a meeting to come',
      `发布时间：${ahead(0)} 会议将于${cn(40)}召开。`,
      null,
    ],
    ['an article naming a registration deadline', `报名截止日期：${ahead(30)}，逾期不予受理。`, null],
    ['an article valid until a later day', `发文日期：${ahead(-3)} 有效期至${cn(900)}。`, null],
    ['an article with a bare 时间 label', `截止时间：${ahead(30)}`, null],
    ['an article 发表于 a Chinese date ahead', `发表时间：${cn(5)}`, '2026-11-30'],
  ];
  it.each(articles)('on %s', (_case, text, date) => {
    const result = judge([home(), article('/xw/1.html', text)]);
    expect(flagged(result)).toEqual(date === null ? [] : [date]);
    if (date !== null) {
      expect(result.findings[0]).toMatchObject({
        url: `${HOME}xw/1.html`,
        evidence: { entryTitle: '文章标题', entryUrl: `${HOME}xw/1.html`, listedOn: [] },
      });
    }
  });

  it('leaves out a list date ahead when the entry’s own page prints a publication date that is not', () => {
    const item = entry('关于举办2027年迎春活动的通知', ahead(40), '/xw/2.html');
    const own = article('/xw/2.html', `发布时间：${ahead(-2)} 活动将于${cn(40)}举办。`);
    expect(judge([home(item), own])).toEqual({ outcome: 'pass', findings: [] });
  });

  it('takes the list and the article together when both are ahead', () => {
    const item = entry('县政府召开专题会议', ahead(5), '/xw/3.html');
    const result = judge([home(item), article('/xw/3.html', `发布时间：${ahead(5)}`)]);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.evidence).toMatchObject({ listedOn: [HOME], articleDateText: ahead(5) });
    expect(result.findings[0]!.message).toContain('文章页标注的发布时间为');
  });

  it('reads no page that could not be used', () => {
    const broken = crawledHomepage([entry('超前', ahead(3))], { status: 500 });
    expect(judge([broken]).outcome).toBe('pass');
  });
});

describe('labelledPublicationDate', () => {
  it.each([
    ['发布时间：2026-11-20 10:30', '2026-11-20T10:30'],
    ['发布日期: 2026年11月20日', '2026-11-20'],
    ['来源：本站 发稿时间 2026/11/20', '2026-11-20'],
    ['报名截止日期：2026-11-20', undefined],
    ['本通知自发布之日起施行，2026年11月20日', undefined],
    ['发布时间：请见附件 2026-11-20', undefined],
  ])('%s → %s', (text, iso) => {
    expect(labelledPublicationDate(text)?.iso).toBe(iso);
  });
});
