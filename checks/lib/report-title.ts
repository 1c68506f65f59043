import { compact, toHalfWidth } from './text.ts';

const CHINESE_DIGITS: Record<string, string> = {
  〇: '0',
  零: '0',
  '○': '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};
const CHINESE_YEAR = /[〇零○一二三四五六七八九]{4}(?=年)/g;
const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/g;
const YEAR_WITH_SUFFIX = /(?<!\d)(?:19|20)\d{2}(?!\d)(?:年度?)?/g;
/**
 * The report's name once years (and the brackets left empty around them) are taken out: 政府网站工作年度报表,
 * 政府网站年度工作报表, 政府网站年报, and the forms department and portal sites write without 政府:
 * 门户网站工作年度报表, 四川省教育厅网站工作年度报表, 网站工作年度报表. The words must follow 网站 directly,
 * so other annual papers (政府信息公开工作年度报告, 政务公开年报, 统计年报, 政府网站监管工作年度报表) do not match.
 */
const REPORT_NAME = /(?:政府|门户)?网站(?:工作)?(?:年度)?(?:工作)?(?:年度)?(?:报表|年报)/;
const EMPTY_BRACKETS = /[（(【[]\s*[)）】\]]/g;

/** The years a label names when it reads as a (政府)网站工作年度报表 title, or null when it does not. */
export function readAnnualReportTitle(label: string): { years: number[] } | null {
  const text = toHalfWidth(compact(label)).replace(CHINESE_YEAR, (year) =>
    [...year].map((digit) => CHINESE_DIGITS[digit]).join(''),
  );
  if (!REPORT_NAME.test(text.replace(YEAR_WITH_SUFFIX, '').replace(EMPTY_BRACKETS, ''))) return null;
  const years = [...new Set([...text.matchAll(YEAR)].map((m) => Number(m[0])))];
  return { years };
}
