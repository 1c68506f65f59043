import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../checks/check.ts';
import { gazetteColumn } from '../../checks/gazette-column.ts';
import type { CrawledPage, RenderedLink } from '../../crawlers/artifacts.ts';
import { anchor, crawl, HOME, homepage, link, page, site } from './fixtures/builders.ts';

const NOW = new Date('2026-05-01T00:00:00Z');
const COLUMN = `${HOME}zfgb/`;

const CATALOGUE = [anchor('2025年第1期', '/zfgb/2025/1/'), anchor('2025年第2期', '/zfgb/2025/2/')];
const SEARCH_FORM = {
  action: `${HOME}zfgb/search`,
  method: 'get',
  inputs: ['text:keyword'],
  text: '公报检索 搜索',
};
/** The issue pages the catalogue links to, as crawled: plain article lists offering no service. */
const ISSUES = [page('/zfgb/2025/1/'), page('/zfgb/2025/2/')];
const PDF = anchor('成都市人民政府公报2025年第1期', '/zfgb/2025/1/gb.pdf', 'attachment');

/** A full column: issue links, a search form and a PDF, all on the column page. */
function column(overrides: Partial<CrawledPage> = {}): CrawledPage {
  return page(COLUMN, { title: '政府公报', links: [...CATALOGUE, PDF], forms: [SEARCH_FORM], ...overrides });
}

function judge(links: RenderedLink[], pages: CrawledPage[], truncated = false): CheckResult {
  return gazetteColumn.run(
    {
      renderedHomepage: homepage({ links }),
      siteCrawl: crawl([page(HOME, { depth: 0 }), ...pages], { truncated }),
    },
    { site: site(), now: NOW },
  );
}

const menuLink = link('政府公报', '/zfgb/');

describe('gazette-column', () => {
  it.each([
    ['province portal', { level: 'province', kind: 'portal' }, true],
    ['city portal', { level: 'city', kind: 'portal' }, true],
    ['county portal', { level: 'county', kind: 'portal' }, false],
    ['city department', { level: 'city', kind: 'department' }, false],
    ['province department', { level: 'province', kind: 'department' }, false],
  ] as const)('applies to a %s: %s', (_case, overrides, applies) => {
    expect(gazetteColumn.meta.appliesTo(site(overrides))).toBe(applies);
  });

  const passes: [string, RenderedLink[], CrawledPage[]][] = [
    ['all three services on the column page', [menuLink], [column()]],
    ['link text with other words', [link('四川省人民政府政府公报', '/zfgb/')], [column()]],
    [
      "short '公报' label hidden in a dropdown menu",
      [link('公报', '/zfgb/', { visible: false, hiddenReason: 'display-none' })],
      [column()],
    ],
    ['link title only', [link('', '/zfgb/', { title: '政府公报' })], [column()]],
    ['link without trailing slash, with a fragment', [link('政府公报', '/zfgb#main')], [column()]],
    [
      'column reached through a redirect',
      [link('政府公报', '/gb')],
      [column({ url: `${HOME}gb`, finalUrl: `${HOME}zfgb/index.html` })],
    ],
    [
      'services on the pages the column links to',
      [menuLink],
      [
        column({ links: [anchor('2025年', '/zfgb/2025/'), anchor('2024年', '/zfgb/2024/')], forms: [] }),
        page('/zfgb/2025/', { links: [anchor('下载全文', '/zfgb/2025/1/full.ofd')], forms: [SEARCH_FORM] }),
      ],
    ],
    [
      'years in a select, search link, .ofd file',
      [menuLink],
      [
        column({
          links: [anchor('公报检索', '/zfgb/search.html'), anchor('第1期', '/zfgb/2025/1/gb.ofd')],
          forms: [{ action: '', method: 'get', inputs: ['select:year'], text: '选择年份 2025 2024 2023' }],
        }),
      ],
    ],
    [
      'a select whose options run together in the form text',
      [menuLink],
      [
        column({
          links: [PDF],
          forms: [SEARCH_FORM, { action: '', method: 'get', inputs: ['select:nf'], text: '202520242023' }],
        }),
      ],
    ],
    [
      '往期 and 历年 links, download by link text',
      [menuLink],
      [
        column({
          links: [
            anchor('往期回顾', '/zfgb/wq/'),
            anchor('历年公报', '/zfgb/ln/'),
            anchor('点击下载', '/zfgb/f?id=1'),
          ],
        }),
      ],
    ],
    [
      'a year list in the text, search input of type search, .docx',
      [menuLink],
      [
        column({
          text: '政府公报 年份：2025年 | 2024年 | 2023年',
          links: [anchor('关于印发的通知', '/zfgb/a.docx')],
          forms: [{ action: '/s', method: 'get', inputs: ['search:q', 'hidden:channel'], text: '' }],
        }),
      ],
    ],
    [
      'a dead duplicate link next to a working one',
      [link('政府公报', '/old-gb/'), menuLink],
      [page('/old-gb/', { status: 404 }), column()],
    ],
  ];
  it.each(passes)('passes: %s', (_case, links, pages) => {
    expect(judge(links, pages)).toEqual({ outcome: 'pass', findings: [] });
  });

  it('fails when the homepage has no gazette link, listing other bulletin links', () => {
    const result = judge([link('统计公报', '/tjgb/'), link('新闻公报', '/xwgb/')], []);
    expect(result.outcome).toBe('fail');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ url: HOME, message: '首页没有指向“政府公报”专栏的链接。' });
    expect(result.findings[0]!.evidence.otherBulletinLinks).toHaveLength(2);
  });

  it('reviews a frameset homepage with almost no links of its own', () => {
    const result = gazetteColumn.run(
      {
        renderedHomepage: homepage({
          links: [link('首页', '/')],
          resources: [{ url: `${HOME}main.html`, kind: 'frame' }],
        }),
        siteCrawl: crawl([page(HOME, { depth: 0 })]),
      },
      { site: site(), now: NOW },
    );
    expect(result.outcome).toBe('review');
    expect(result.findings[0]!.message).toContain('框架');
    expect(result.findings[0]!.evidence.frames).toEqual([`${HOME}main.html`]);
  });

  it('fails when the gazette entries link nowhere', () => {
    const result = judge(
      [
        link('政府公报', 'javascript:void(0)', { href: 'javascript:void(0)' }),
        link('政府公报', '#', { visible: false }),
      ],
      [],
    );
    expect(result.outcome).toBe('fail');
    expect(result.findings[0]!.message).toContain('没有链接到专栏页面');
  });

  it.each([
    ['HTTP 404', { status: 404 }, 'HTTP 404'],
    ['HTTP 500', { status: 500 }, 'HTTP 500'],
    ['connection refused', { status: null, error: 'ECONNREFUSED' }, 'ECONNREFUSED'],
    ['soft 404', { softNotFound: { evidence: '标题：页面不存在', by: 'wording' } }, '页面不存在'],
  ] as [string, Partial<CrawledPage>, string][])(
    'fails when the column page is unreachable: %s',
    (_c, answer, said) => {
      const result = judge([menuLink], [column(answer)]);
      expect(result.outcome).toBe('fail');
      expect(result.findings).toHaveLength(1);
      expect(result.findings[0]!.url).toBe(COLUMN);
      expect(result.findings[0]!.message).toContain(said);
      expect(result.findings[0]!.evidence.homepageLink).toMatchObject({ text: '政府公报' });
    },
  );

  it('reviews when the column page was not crawled', () => {
    const result = judge([menuLink], [], true);
    expect(result.outcome).toBe('review');
    expect(result.findings[0]!.evidence).toMatchObject({ crawlTruncated: true });
  });

  it('reviews when a bot challenge answered instead of the column page', () => {
    const challenge = { vendor: 'waf-412', status: 412, evidence: 'HTTP 412' } as const;
    const result = judge([menuLink], [column({ status: 412, challenge })]);
    expect(result.outcome).toBe('review');
    expect(result.findings[0]!.evidence.answer).toMatchObject({ challenge });
  });

  const missing: [string, Partial<CrawledPage>, string[]][] = [
    ['search', { forms: [] }, ['内容检索']],
    ['catalogue', { links: [PDF] }, ['目录导航']],
    ['downloads', { links: CATALOGUE }, ['文件下载']],
    [
      'catalogue (a site-wide 政府信息公开目录 link is not one) and downloads',
      { links: [anchor('政府信息公开目录', '/xxgk/'), anchor('2025年第1期', '/zfgb/2025/1/')] },
      ['目录导航', '文件下载'],
    ],
    ['every service', { links: [], forms: [] }, ['目录导航', '内容检索', '文件下载']],
  ];
  it.each(missing)('fails with one finding per missing service: %s', (_case, overrides, services) => {
    const result = judge([menuLink], [column(overrides), ...ISSUES, page('/xxgk/')]);
    expect(result.outcome).toBe('fail');
    expect(result.findings.map((f) => f.evidence.missing)).toEqual(services);
    for (const finding of result.findings) {
      expect(finding.url).toBe(COLUMN);
      expect((finding.evidence.pagesExamined as string[])[0]).toBe(COLUMN);
      expect(finding.evidence).not.toHaveProperty('notInspected');
    }
  });

  it('does not take the site template for column services', () => {
    const result = judge(
      [
        menuLink,
        link('客户端下载', '/app/download.html'),
        link('站内搜索', '/search/'),
        link('政务公开', '/zwgk/'),
      ],
      [
        column({
          links: [
            ...CATALOGUE,
            anchor('客户端下载', '/app/download.html'),
            anchor('站内搜索', '/search/'),
            anchor('首页', '/'),
            anchor('政务公开', '/zwgk/'),
          ],
          forms: [],
        }),
        page('/zwgk/', { forms: [SEARCH_FORM], links: [PDF] }),
        ...ISSUES,
      ],
    );
    expect(result.outcome).toBe('fail');
    expect(result.findings.map((f) => f.evidence.missing)).toEqual(['内容检索', '文件下载']);
  });

  it('does not count services on unreachable children', () => {
    const result = judge(
      [menuLink],
      [
        column({ links: [...CATALOGUE, anchor('2025', '/zfgb/2025/')] }),
        page('/zfgb/2025/', { status: 404, links: [PDF] }),
        ...ISSUES,
      ],
    );
    expect(result.outcome).toBe('fail');
    expect(result.findings.map((f) => f.evidence.missing)).toEqual(['文件下载']);
  });

  describe('children the crawl did not fetch', () => {
    const columnWithYears = column({
      links: [PDF, anchor('2025年', '/zfgb/2025/'), anchor('2024年', '/zfgb/2024/')],
      forms: [],
    });
    const year2025 = page('/zfgb/2025/', { links: [anchor('第1期', '/zfgb/2025/1/')] });

    it('reviews a missing service when a child page was not crawled', () => {
      const result = judge([menuLink], [columnWithYears, year2025]);
      expect(result.outcome).toBe('review');
      expect(result.findings).toHaveLength(1);
      const [finding] = result.findings;
      expect(finding!.message).toContain('内容检索');
      expect(finding!.message).toContain('1 个下一级页面未被抓取');
      expect(finding!.evidence).toMatchObject({
        missing: '内容检索',
        notInspected: [`${HOME}zfgb/2024/`],
        crawlTruncated: false,
        pagesExamined: [COLUMN, `${HOME}zfgb/2025/`],
      });
    });

    it('reviews when the page budget cut the crawl before the children', () => {
      const result = judge([menuLink], [columnWithYears], true);
      expect(result.outcome).toBe('review');
      expect(result.findings[0]!.message).toContain('抓取页数上限');
      expect(result.findings[0]!.evidence).toMatchObject({
        crawlTruncated: true,
        notInspected: [`${HOME}zfgb/2025/`, `${HOME}zfgb/2024/`],
      });
    });

    it('reviews when a child was answered by a bot challenge', () => {
      const challenge = { vendor: 'waf-412', status: 412, evidence: 'HTTP 412' } as const;
      const result = judge(
        [menuLink],
        [columnWithYears, year2025, page('/zfgb/2024/', { status: 412, challenge })],
      );
      expect(result.outcome).toBe('review');
      expect(result.findings[0]!.evidence.notInspected).toEqual([`${HOME}zfgb/2024/`]);
    });

    it('fails once every child within the site was fetched, even in a truncated crawl', () => {
      const result = judge(
        [menuLink],
        [
          column({
            links: [
              PDF,
              anchor('2025年', '/zfgb/2025/'),
              anchor('2024年', '/zfgb/2024/'),
              anchor('国务院公报', 'https://www.gov.cn/gongbao/'),
            ],
            forms: [],
          }),
          year2025,
          page('/zfgb/2024/', { status: 404 }),
        ],
        true,
      );
      expect(result.outcome).toBe('fail');
      expect(result.findings[0]!.evidence).not.toHaveProperty('notInspected');
    });
  });
});
