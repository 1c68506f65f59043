import type { RenderedLink } from '../crawlers/artifacts.ts';
import { type CheckResult, defineCheck } from './check.ts';
import { shanghaiDay } from './lib/calendar.ts';
import { contentInFrames } from './lib/frames.ts';
import { readAnnualReportTitle } from './lib/report-title.ts';
import { describeHidden, roundBox } from './lib/visibility.ts';

interface ReportLink {
  link: RenderedLink;
  label: string;
  years: number[];
}

/**
 * Clause 4.8.2 c): the 政府网站工作年度报表 for the year before "now" is published by 31 January and
 * linked prominently from the homepage. Dates are read on the Asia/Shanghai calendar; during January the
 * report of two years before still counts, since the new one is not yet due. A homepage whose links sit
 * in frames (almost no links of its own) is `review` when no report link is seen.
 */
export const annualReport = defineCheck({
  meta: {
    id: 'annual-report',
    clause: '4.8.2 c)',
    title: '首页发布政府网站工作年度报表',
    description:
      '首页应有指向上一年度政府网站工作年度报表的可见链接（每年1月31日前发布，1月内仍接受前两年度的报表）；隐藏的链接不算。',
    appliesToText: '所有网站',
    appliesTo: () => true,
    requires: ['renderedHomepage'],
    // One finding per homepage. It rests on the year asked for and the report links seen instead: a
    // new year asks for another report, so last year's decision does not carry over.
    identity: {
      key: [],
      digest: [
        'evidence.expectedYears.0',
        'evidence.yearlessLinks.*.text',
        'evidence.wrongYearLinks.*.text',
        'evidence.hiddenLinks.*.text',
        'evidence.hiddenLinks.*.hiddenReason',
        'evidence.frames',
      ],
    },
  },
  run({ renderedHomepage: home }, { now }): CheckResult {
    const today = shanghaiDay(now);
    const expected = today.month === 1 ? [today.year - 1, today.year - 2] : [today.year - 1];
    const reports = home.links.flatMap((link): ReportLink[] => {
      for (const label of [link.text, link.title, link.ariaLabel]) {
        const title = label === undefined ? null : readAnnualReportTitle(label);
        if (title !== null) return [{ link, label: label!, years: title.years }];
      }
      return [];
    });
    const isExpected = (r: ReportLink) => r.years.some((y) => expected.includes(y));
    const visible = reports.filter((r) => r.link.visible);
    if (visible.some(isExpected)) return { outcome: 'pass', findings: [] };

    const expectedText = `${expected[0]}年度${expected.length > 1 ? `（1月内也接受${expected[1]}年度）` : ''}`;
    const evidence = {
      expectedYears: expected,
      today: `${today.year}-${String(today.month).padStart(2, '0')}-${String(today.day).padStart(2, '0')}（北京时间）`,
    };
    const yearless = visible.filter((r) => r.years.length === 0);
    if (yearless.length > 0) {
      return {
        outcome: 'review',
        findings: [
          {
            url: home.finalUrl,
            message: `首页的政府网站工作年度报表链接“${yearless[0]!.label}”没有写明年份，无法判断是否为${expected[0]}年度，需人工查看。`,
            evidence: { ...evidence, yearlessLinks: yearless.map(describe) },
          },
        ],
      };
    }
    const frames = contentInFrames(home);
    if (reports.length === 0 && frames.length > 0) {
      return {
        outcome: 'review',
        findings: [
          {
            url: home.finalUrl,
            message: `首页几乎没有自己的链接，内容位于框架（frame/iframe）中，自动检查看不到框架内的链接，需人工查看是否有${expectedText}政府网站工作年度报表链接。`,
            evidence: { ...evidence, homepageLinks: home.links.length, frames },
          },
        ],
      };
    }
    const hidden = reports.filter((r) => !r.link.visible);
    const hiddenExpected = hidden.find(isExpected);
    const wrongYear = visible.filter((r) => !isExpected(r));
    const message =
      hiddenExpected !== undefined
        ? `首页的${expectedText}政府网站工作年度报表链接${describeHidden(hiddenExpected.link.hiddenReason)}，读者看不到。`
        : wrongYear.length > 0
          ? `首页只有${[...new Set(wrongYear.flatMap((r) => r.years))].join('、')}年度的政府网站工作年度报表链接，没有${expectedText}的。`
          : `首页没有${expectedText}政府网站工作年度报表的可见链接。`;
    return {
      outcome: 'fail',
      findings: [
        {
          url: home.finalUrl,
          message,
          evidence: {
            ...evidence,
            ...(wrongYear.length === 0 ? {} : { wrongYearLinks: wrongYear.map(describe) }),
            ...(hidden.length === 0 ? {} : { hiddenLinks: hidden.map(describe) }),
          },
        },
      ],
    };
  },
});

function describe(report: ReportLink): Record<string, unknown> {
  const { link } = report;
  return {
    text: report.label,
    years: report.years,
    href: link.href,
    selector: link.selector,
    box: roundBox(link.box),
    ...(link.hiddenReason === undefined ? {} : { hiddenReason: link.hiddenReason }),
  };
}
