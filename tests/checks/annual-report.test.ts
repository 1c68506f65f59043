import { describe, expect, it } from 'vitest';
import { annualReport } from '../../checks/annual-report.ts';
import type { CheckResult } from '../../checks/check.ts';
import type { RenderedLink, ResourceRef } from '../../crawlers/artifacts.ts';
import { homepage, link, site } from './fixtures/builders.ts';

/** Mid-year 2026: the 2025 report is due. */
const MAY_2026 = new Date('2026-05-01T10:00:00+08:00');

function judge(links: RenderedLink[], now = MAY_2026, resources: ResourceRef[] = []): CheckResult {
  return annualReport.run({ renderedHomepage: homepage({ links, resources }) }, { site: site(), now });
}

const report = (label: string, overrides: Partial<RenderedLink> = {}) =>
  link(label, '/zwgk/ndbb/2025.html', { selector: 'div.banner-ndbb a', ...overrides });

describe('annual-report', () => {
  it.each([
    '2025年政府网站工作年度报表',
    '四川省人民政府2025年度政府网站工作报表',
    '政府网站工作年度报表（2025年度）',
    '2025年度政府网站年度工作报表',
    '政府网站年度报表2025',
    '成都市人民政府网站2025年度政府网站年报',
    '二〇二五年政府网站工作年度报表',
    '２０２５年度 政府网站 工作年度报表',
    '成都市人民政府门户网站2025年工作年度报表',
    '四川省教育厅网站2025年度工作年度报表',
    '2025年网站工作年度报表',
    '2025年度门户网站工作年度报表',
    '门户网站（2025年）年报',
  ])('passes on the wording %s', (label) => {
    expect(judge([link('首页', '/'), report(label)])).toEqual({ outcome: 'pass', findings: [] });
  });

  it('passes on a link whose title attribute carries the report name', () => {
    expect(judge([report('', { title: '2025年政府网站工作年度报表' })]).outcome).toBe('pass');
  });

  it('passes on an image link whose aria-label carries the report name', () => {
    expect(judge([report('', { ariaLabel: '政府网站工作年度报表（2025年度）' })]).outcome).toBe('pass');
  });

  it.each([
    '2025年政府信息公开工作年度报告',
    '2025年政务公开年报',
    '2025年统计年报',
    '2025年度政府网站监管工作年度报表',
    '2025年度网站监管工作年度报表',
    '2025年政府信息公开年报',
    '2025年度部门决算报表',
  ])('does not take %s for the report', (label) => {
    const result = judge([report(label)]);
    expect(result.outcome).toBe('fail');
    expect(result.findings[0]!.message).toBe('首页没有2025年度政府网站工作年度报表的可见链接。');
  });

  it('fails on a report for the wrong year, listing it', () => {
    const result = judge([report('2023年政府网站工作年度报表')]);
    expect(result.outcome).toBe('fail');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.message).toBe('首页只有2023年度的政府网站工作年度报表链接，没有2025年度的。');
    expect(result.findings[0]!.evidence).toMatchObject({
      expectedYears: [2025],
      today: '2026-05-01（北京时间）',
      wrongYearLinks: [{ text: '2023年政府网站工作年度报表', years: [2023], selector: 'div.banner-ndbb a' }],
    });
  });

  it('fails when the right report is linked but hidden', () => {
    const hidden = report('2025年政府网站工作年度报表', { visible: false, hiddenReason: 'display-none' });
    const result = judge([hidden, report('2024年政府网站工作年度报表')]);
    expect(result.outcome).toBe('fail');
    expect(result.findings[0]!.message).toContain('display:none');
    expect(result.findings[0]!.evidence).toMatchObject({
      hiddenLinks: [{ text: '2025年政府网站工作年度报表', hiddenReason: 'display-none' }],
      wrongYearLinks: [{ years: [2024] }],
    });
  });

  it('reviews a visible report link that names no year', () => {
    const result = judge([report('政府网站工作年度报表')]);
    expect(result.outcome).toBe('review');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.evidence.yearlessLinks).toEqual([expect.objectContaining({ years: [] })]);
  });

  it('passes when a yearless link sits next to the right one', () => {
    expect(judge([report('政府网站工作年度报表'), report('2025年政府网站工作年度报表')]).outcome).toBe(
      'pass',
    );
  });

  const calendar: [string, string, string, 'pass' | 'fail'][] = [
    ['in January the report of two years before still counts', '2026-01-20T10:00:00+08:00', '2024', 'pass'],
    ['in January the new report counts too', '2026-01-20T10:00:00+08:00', '2025', 'pass'],
    ['from 1 February only the last year counts', '2026-02-01T00:00:00+08:00', '2024', 'fail'],
    ['1 February in Shanghai while still 31 January in UTC', '2026-01-31T16:30:00Z', '2024', 'fail'],
    ['1 January in Shanghai while still 31 December in UTC', '2025-12-31T16:30:00Z', '2024', 'pass'],
    ['31 December in Shanghai: the year before is due', '2025-12-31T15:00:00Z', '2024', 'pass'],
    ['a report for the current year is not the one asked for', '2026-05-01T00:00:00+08:00', '2026', 'fail'],
  ];
  it.each(calendar)('%s', (_case, now, year, outcome) => {
    expect(judge([report(`${year}年政府网站工作年度报表`)], new Date(now)).outcome).toBe(outcome);
  });

  it('says in January that the older report is still accepted', () => {
    const result = judge([], new Date('2026-01-10T12:00:00+08:00'));
    expect(result.findings[0]!.message).toBe(
      '首页没有2025年度（1月内也接受2024年度）政府网站工作年度报表的可见链接。',
    );
    expect(result.findings[0]!.evidence.expectedYears).toEqual([2025, 2024]);
  });

  describe('a homepage made of frames', () => {
    const frames: ResourceRef[] = [
      { url: 'https://www.chengdu.gov.cn/top.html', kind: 'frame' },
      { url: 'https://www.chengdu.gov.cn/main.html', kind: 'frame' },
    ];

    it('reviews when the homepage has almost no links of its own', () => {
      const result = judge([link('首页', '/')], MAY_2026, frames);
      expect(result.outcome).toBe('review');
      expect(result.findings[0]!.message).toContain('框架');
      expect(result.findings[0]!.evidence.frames).toEqual(frames.map((f) => f.url));
    });

    it('still fails when the homepage has many links besides an iframe', () => {
      const links = Array.from({ length: 30 }, (_, i) => link(`新闻${i}`, `/xw/${i}.html`));
      expect(judge(links, MAY_2026, frames.slice(0, 1)).outcome).toBe('fail');
    });

    it('still fails on a wrong-year report linked beside the frames', () => {
      expect(judge([report('2023年政府网站工作年度报表')], MAY_2026, frames).outcome).toBe('fail');
    });
  });
});
