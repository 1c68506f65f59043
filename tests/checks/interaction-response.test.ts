import { describe, expect, it } from 'vitest';
import { interactionResponse } from '../../checks/interaction-response.ts';
import type { CrawledPage, Letter, RenderedLink } from '../../crawlers/artifacts.ts';
import { anchor, crawl, HOME, homepage, link, page, site } from './fixtures/builders.ts';

const NOW = new Date('2026-11-20T10:00:00+08:00');
const BOX = '/hdjl/xzxx/';

function letter(title: string, askedText: string, more: Partial<Letter> = {}): Letter {
  return {
    title,
    url: new URL(`/hdjl/xzxx/${encodeURIComponent(title)}.html`, HOME).href,
    askedText,
    from: 'table',
    ...more,
  };
}

function judge(links: RenderedLink[], pages: CrawledPage[]) {
  return interactionResponse.run(
    { renderedHomepage: homepage({ links }), siteCrawl: crawl([page('/', { depth: 0 }), ...pages]) },
    { site: site(), now: NOW },
  );
}

/** A 县长信箱 on the homepage whose list page prints these letters. */
function letterBox(letters: Letter[]) {
  return judge([link('县长信箱', BOX)], [page(BOX, { title: '县长信箱_成都市人民政府', letters })]);
}

describe('interaction-response', () => {
  it.each([
    [
      'answered on the day three months after',
      letter('咨询公积金提取', '2026-05-10', { repliedText: '2026-08-10', state: '已回复' }),
    ],
    ['pending for exactly three months', letter('咨询小学入学', '2026-08-20 09:12:00', { state: '办理中' })],
    ['answered in a week', letter('建议增设公交站', '2026-11-01', { repliedText: '2026-11-08 16:30' })],
    // Asked and answered late before the year of the indicator began (2025-11-20).
    ['answered late before the year began', letter('咨询社保', '2025-07-01', { repliedText: '2025-11-19' })],
  ])('passes a letter box whose letter was %s', (_case, one) => {
    expect(letterBox([letter('咨询户籍', '2026-10-01', { state: '已办结' }), one])).toEqual({
      outcome: 'pass',
      findings: [],
    });
  });

  it('vetoes a letter answered a day after three months, with its dates and wait', () => {
    const result = letterBox([
      letter('咨询公积金提取', '2026-05-10', { repliedText: '2026-08-11', state: '已回复' }),
    ]);
    expect(result.outcome).toBe('fail');
    expect(result.singleVeto).toContain('互动回应差');
    expect(result.findings).toEqual([
      {
        url: new URL('/hdjl/xzxx/%E5%92%A8%E8%AF%A2%E5%85%AC%E7%A7%AF%E9%87%91%E6%8F%90%E5%8F%96.html', HOME)
          .href,
        message: '留言“咨询公积金提取”2026-05-10提交，2026-08-11才回复，等待93天，超过3个月未回应。',
        evidence: expect.objectContaining({
          problem: 'overdue',
          asked: '2026-05-10',
          replied: '2026-08-11',
          waitDays: 93,
          listedOn: [`${HOME}hdjl/xzxx/`],
          channel: { url: `${HOME}hdjl/xzxx/`, label: '县长信箱' },
        }),
      },
    ]);
    expect(interactionResponse.meta.singleVeto?.carriedBy).toBeUndefined();
  });

  it('vetoes a letter still unanswered a day past three months', () => {
    const result = letterBox([letter('咨询小学入学', '2026-08-19', { state: '待回复' })]);
    expect(result.outcome).toBe('fail');
    expect(result.findings[0]!.message).toBe(
      '留言“咨询小学入学”2026-08-19提交，至今仍为“待回复”，已等待93天，超过3个月未回应。',
    );
  });

  it('takes the reply date from the letter’s detail page when its list row prints only the state', () => {
    const row = letter('咨询医保报销', '2026-03-02', { state: '已回复' });
    const detail = {
      ...row,
      title: '咨询医保报销_县长信箱',
      repliedText: '2026-07-15 10:00:00',
      from: 'detail' as const,
    };
    // Answered on a day the list does not print: no wait to judge.
    expect(letterBox([row]).outcome).toBe('pass');
    const withDetail = judge(
      [link('县长信箱', BOX)],
      [
        page(BOX, { title: '县长信箱', letters: [row] }),
        page(new URL(row.url).pathname, { letters: [detail] }),
      ],
    );
    expect(withDetail.outcome).toBe('fail');
    expect(withDetail.findings[0]!.evidence).toMatchObject({
      letterTitle: '咨询医保报销',
      replied: '2026-07-15',
      waitDays: 135,
      listedOn: [`${HOME}hdjl/xzxx/`, row.url],
    });
  });

  it('vetoes a site without any consultation channel', () => {
    const result = judge([link('政务公开', '/zwgk/'), link('新闻中心', '/xwzx/')], []);
    expect(result.outcome).toBe('fail');
    expect(result.singleVeto).toContain('未提供网上有效咨询建言渠道');
    expect(result.findings).toEqual([
      {
        url: HOME,
        message:
          '首页和抓取的网页中没有网上咨询建言渠道（查找了：咨询、留言、信箱、问政、民意征集、意见征集、建言、互动交流、政民互动）。',
        evidence: {
          problem: 'no-channel',
          lookedFor: '咨询、留言、信箱、问政、民意征集、意见征集、建言、互动交流、政民互动',
          excepted: [],
        },
      },
    ]);
  });

  it('vetoes a site whose only channels are 网上信访 and 纪检举报, and reads no channel in a 信访 page’s letters', () => {
    const result = judge(
      [link('网上信访', '/wsxf/'), link('纪检举报', '/jjjb/')],
      [
        page('/wsxf/', {
          title: '网上信访_成都市人民政府',
          links: [anchor('咨询小学新生入学材料', '/wsxf/1.html'), anchor('信访留言', '/wsxf/ly/')],
        }),
      ],
    );
    expect(result.outcome).toBe('fail');
    expect(result.singleVeto).toContain('未提供网上有效咨询建言渠道');
    expect(result.findings[0]!.evidence.excepted).toEqual([
      { url: `${HOME}wsxf/`, label: '网上信访', on: HOME },
      { url: `${HOME}jjjb/`, label: '纪检举报', on: HOME },
    ]);
  });

  it('counts a channel linked from a crawled page, and a 互动交流 entry as one', () => {
    const deep = judge(
      [link('政务公开', '/zwgk/')],
      [
        page('/zwgk/', { links: [anchor('局长信箱', BOX)] }),
        page(BOX, { letters: [letter('咨询', '2026-10-01', { state: '已回复' })] }),
      ],
    );
    expect(deep.outcome).toBe('pass');
    expect(judge([link('互动交流', '/hdjl/')], []).outcome).toBe('review');
  });

  it('leaves out the letters of a 信访 page', () => {
    const result = judge(
      [link('县长信箱', BOX)],
      [
        page(BOX, { letters: [letter('咨询户籍', '2026-10-01', { state: '已办结' })] }),
        page('/wsxf/', {
          title: '网上信访',
          letters: [letter('反映拖欠工资', '2026-01-05', { state: '办理中' })],
        }),
      ],
    );
    expect(result.outcome).toBe('pass');
  });

  it('is review when channels are found and no letter with its reply or state could be read', () => {
    const none = letterBox([]);
    expect(none.outcome).toBe('review');
    expect(none.findings[0]!.evidence).toEqual({
      problem: 'letters-unread',
      channels: [{ url: `${HOME}hdjl/xzxx/`, label: '县长信箱', on: HOME }],
      lettersRead: 0,
    });
    expect(letterBox([letter('咨询', '2026-10-01')]).outcome).toBe('review');
  });
});
