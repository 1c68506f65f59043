import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blankColumns } from '../../../checks/blank-columns.ts';
import type { CheckResult } from '../../../checks/check.ts';
import { contentFreshness } from '../../../checks/content-freshness.ts';
import { crawledHomepage } from '../../../checks/lib/column-state.ts';
import { homepageColumns } from '../../../checks/lib/homepage-columns.ts';
import { navigationLinks } from '../../../checks/lib/navigation.ts';
import { longUnupdatedColumns } from '../../../checks/long-unupdated-columns.ts';
import type { RenderedHomepage, SiteCrawl } from '../../../crawlers/artifacts.ts';
import { renderHomepage } from '../../../crawlers/rendered-homepage/render-homepage.ts';
import { crawlSite } from '../../../crawlers/site-crawl/crawl-site.ts';
import { launchBrowser } from '../../../src/browser.ts';
import { site } from '../../checks/fixtures/builders.ts';
import { type RunningServer, startServer } from '../../support/http-server.ts';
import { quietLog } from '../site-crawl/fixture-site.ts';
import { columnSitesHandler, type GridCounts, NOW } from './pages.ts';

/**
 * The column rules on fixture sites rendered by Chromium and crawled over HTTP, as a sweep gathers
 * them: a compliant TRS portal whose 通知公告 bar sits right under its channel strip, and two 大汉
 * portals whose 信息公开 grids hold blank and stale columns just over and just under each threshold.
 */
const GRIDS: Record<string, GridCounts> = {
  '/over': { blank: 5, yearStale: 10, halfYearStale: 5 },
  '/under': { blank: 4, yearStale: 9, halfYearStale: 4 },
};

interface Gathered {
  siteCrawl: SiteCrawl;
  renderedHomepage: RenderedHomepage;
}

let browser: Browser;
let server: RunningServer;
const gathered = new Map<string, Gathered>();

async function gather(homepage: string): Promise<Gathered> {
  const [renderedHomepage, siteCrawl] = await Promise.all([
    renderHomepage(browser, homepage, { settleCapMs: 1_000 }),
    crawlSite({ homepage, maxPages: 120, log: quietLog }),
  ]);
  return { siteCrawl, renderedHomepage };
}

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startServer(columnSitesHandler(GRIDS));
  for (const prefix of ['/trs', ...Object.keys(GRIDS)]) {
    gathered.set(prefix, await gather(`${server.origin}${prefix}/`));
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function judge(prefix: string): { fresh: CheckResult; blank: CheckResult; long: CheckResult } {
  const artifacts = gathered.get(prefix)!;
  const ctx = { site: site({ homepage: `${server.origin}${prefix}/` }), now: NOW };
  return {
    fresh: contentFreshness.run(artifacts, ctx),
    blank: blankColumns.run(artifacts, ctx),
    long: longUnupdatedColumns.run(artifacts, ctx),
  };
}

const columnsOf = (f: CheckResult) => f.findings.map((finding) => finding.evidence.column);

describe('column rules on rendered and crawled sites', () => {
  it('a compliant TRS portal passes: its 通知公告 bar under the channel strip is content, no column', () => {
    const { siteCrawl, renderedHomepage } = gathered.get('/trs')!;
    expect(navigationLinks(renderedHomepage).map((link) => link.text)).toEqual([
      '首页',
      '政务公开',
      '政务动态',
      '通知公告',
      '政策文件',
      '政务服务',
      '互动交流',
    ]);
    const bar = renderedHomepage.links.find((link) => link.selector.includes('tzgg-bar'));
    const strip = renderedHomepage.links.find((link) => link.text === '政务公开');
    // The bar's row starts where the strip ends (46 px of strip, its link 11 px into its 36 px row).
    expect((bar?.box.y ?? 0) - ((strip?.box.y ?? 0) + (strip?.box.height ?? 0))).toBeLessThan(15);
    const columns = homepageColumns(siteCrawl, renderedHomepage, crawledHomepage(siteCrawl));
    expect(columns.map((c) => [c.name, c.kind, c.source, c.parent])).toEqual([
      ['政务公开', 'other', 'navigation', undefined],
      ['政务动态', 'news', 'navigation', undefined],
      ['通知公告', 'notice-policy', 'navigation', undefined],
      ['政策文件', 'notice-policy', 'navigation', undefined],
      ['政务服务', 'other', 'navigation', undefined],
      ['互动交流', 'other', 'navigation', undefined],
      ['机构职能', 'other', 'disclosure-grid', '政务公开'],
      ['人事信息', 'long-period', 'disclosure-grid', '政务公开'],
      ['规划计划', 'long-period', 'disclosure-grid', '政务公开'],
      ['财政预决算', 'long-period', 'disclosure-grid', '政务公开'],
      ['统计信息', 'long-period', 'disclosure-grid', '政务公开'],
    ]);
    const { fresh, blank, long } = judge('/trs');
    expect(fresh).toEqual({ outcome: 'pass', findings: [] });
    expect(blank).toEqual({ outcome: 'pass', findings: [] });
    expect(long).toEqual({ outcome: 'pass', findings: [] });
  });

  it('5 blank, 10 year-stale and 5 half-year-stale columns deep in the 信息公开 grid are three vetoes', () => {
    const { fresh, blank, long } = judge('/over');
    expect(blank.outcome).toBe('fail');
    expect(blank.singleVeto).toContain('空白栏目');
    expect(columnsOf(blank)).toEqual([
      '重大建设项目',
      '公共资源配置',
      '审计信息',
      '国有企业信息',
      '环境保护',
    ]);
    expect(blank.findings[0]!.evidence).toMatchObject({
      source: 'disclosure-grid',
      parent: '信息公开',
      blank: '暂无信息',
      veto: true,
    });
    expect(long.outcome).toBe('fail');
    expect(long.singleVeto).toContain('应更新但长期未更新');
    expect(columnsOf(long)).toEqual([
      '人事任免',
      '公务员招录',
      '事业单位招聘',
      '发展规划',
      '年度计划',
      '统计数据',
      '统计公报',
      '财政预算',
      '财政决算',
      '部门预决算',
    ]);
    expect(long.findings[0]!.evidence).toMatchObject({ kind: 'long-period', undatedEntries: 3, veto: true });
    expect(long.findings[1]!.evidence).toMatchObject({ kind: 'long-period', daysSince: 400, veto: true });
    expect(fresh.outcome).toBe('fail');
    expect(fresh.singleVeto).toContain('栏目不更新');
    expect(columnsOf(fresh)).toEqual(['通知公告', '政策文件', '规范性文件', '公示公告', '部门文件']);
    expect(fresh.findings[0]!.evidence).toMatchObject({ kind: 'notice-policy', daysSince: 200, veto: true });
  });

  it('one fewer of each is review, with no veto', () => {
    const { fresh, blank, long } = judge('/under');
    expect([fresh.outcome, blank.outcome, long.outcome]).toEqual(['review', 'review', 'review']);
    expect([fresh.singleVeto, blank.singleVeto, long.singleVeto]).toEqual([undefined, undefined, undefined]);
    expect([fresh.findings.length, blank.findings.length, long.findings.length]).toEqual([4, 4, 9]);
    expect([...fresh.findings, ...blank.findings, ...long.findings].some((f) => f.evidence.veto)).toBe(false);
  });
});
