import ExcelJS from 'exceljs';
import type { NoticeModel, NoticeSeal } from '../../src/period-reports/notice-model.ts';
import { vetoReasons } from '../html/rating.ts';
import { siteHeader, siteRow } from './notice-rows.ts';
import { formatDate, formatRate, ruleName } from './notice-text.ts';

type Cell = string | number;

function addSheet(book: ExcelJS.Workbook, name: string, header: string[], rows: Cell[][]): void {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((column, i) => {
    const widest = Math.max(...[header, ...rows].map((row) => String(row[i] ?? '').length));
    column.width = Math.min(60, Math.max(8, widest * 2 + 2));
  });
}

function overviewRows(model: NoticeModel, seal: NoticeSeal | undefined): Cell[][] {
  const t = model.totals;
  const before = model.previousTotals;
  const c = model.counts;
  const rows: Cell[][] = [
    ['通报标题', model.title],
    ...(seal === undefined
      ? [['定稿', '未定稿'] as Cell[]]
      : [
          ['定稿版本', seal.version],
          ['定稿日期', formatDate(seal.finalisedAt)],
          ['内容校验码（SHA-256）', seal.contentHash],
        ]),
    ['检查周期', model.periodText],
    ['范围', model.scopeName],
    ['印发日期', formatDate(model.issuedAt)],
    ['已检查网站数', t.inspected],
    ['本期未检查网站数', t.notInspected],
    ['无法访问网站数', t.unreachable],
    ['检查出错网站数', t.errors],
    ['平均得分', t.averageScore ?? ''],
    ['存在问题网站数', t.violatingSites],
    ['问题总数（项）', t.violations],
    ['评定为不合格网站数（单项否决）', t.unqualifiedSites],
    ['自动检测发现问题（条）', c.findings],
    ['经人工复核（条）', c.reviewed],
    ['提出申诉（条）', c.appealed],
    ['核减问题（条）', c.struckOff],
    ['核减前平均得分', model.automatedTotals.averageScore ?? ''],
    ['核减前不合格网站数', model.automatedTotals.unqualifiedSites],
    [`上期（${model.previousPeriodText}）平均得分`, before?.averageScore ?? ''],
    ['新增问题（项）', model.newViolations],
    ['已整改问题（项）', model.fixedViolations],
  ];
  for (const [i, rule] of model.rules.entries())
    rows.push([`通过率：${ruleName(rule)}`, formatRate(t.rules[i]!.passRate)]);
  for (const region of model.regions) rows.push([`地区平均得分：${region.name}`, region.averageScore]);
  return rows;
}

function problemRows(model: NoticeModel): Cell[][] {
  return model.sites.flatMap((site) => {
    const reasons = vetoReasons(site);
    const vetoOf = (ruleId: string) => reasons[site.vetoes.findIndex((veto) => veto.ruleId === ruleId)] ?? '';
    if (site.status !== 'done')
      return [[site.fullName, site.regionName, '网站无法检查', site.reason ?? '', '', reasons.join('；')]];
    return site.violations.map((v) => [
      site.fullName,
      site.regionName,
      v.title,
      v.summary,
      v.isNew ? '是' : '否',
      vetoOf(v.ruleId),
    ]);
  });
}

/** The notice as a workbook: 总体情况, 网站结果 (one row per site, with its rating), 问题清单 (one row per problem). */
export async function renderNoticeXlsx(model: NoticeModel, seal?: NoticeSeal): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = model.issuer;
  book.created = new Date(model.issuedAt);
  addSheet(book, '总体情况', ['项目', '数值'], overviewRows(model, seal));
  addSheet(
    book,
    '网站结果',
    siteHeader(model),
    model.sites.map((site) => siteRow(model, site)),
  );
  addSheet(
    book,
    '问题清单',
    ['网站名称', '地区', '检查项目', '问题摘要', '是否新增', '单项否决'],
    problemRows(model),
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}
