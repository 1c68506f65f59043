import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHECKS } from '../../checks/index.ts';
import { renderNoticeCsv } from '../../reports/period/notice-csv.ts';
import { renderNoticeHtml } from '../../reports/period/notice-html.ts';
import { renderNoticeXlsx } from '../../reports/period/notice-xlsx.ts';
import { loadPeriodReport } from '../../src/period-reports/load-period-report.ts';
import type { NoticeModel } from '../../src/period-reports/notice-model.ts';
import { HOSTILE, STALE_HOMEPAGE_VETO, seededStore, UNREACHABLE_VETO } from './support/fixtures.ts';

const title = (ruleId: string) => CHECKS.find(({ meta }) => meta.id === ruleId)!.meta.title;
/** A veto reason as the notices quote it, without its full stop. */
const reason = (text: string) => text.replace(/。$/, '');

let model: NoticeModel;
/** 2027Q1: results with ratings, two sites 不合格 by a single veto. */
let rated: NoticeModel;
beforeAll(async () => {
  const store = await seededStore();
  try {
    const now = new Date('2026-12-01T02:00:00Z');
    model = await loadPeriodReport(store, { kind: 'quarterly', period: '2026Q4', reach: () => true, now });
    rated = await loadPeriodReport(store, { kind: 'quarterly', period: '2027Q1', reach: () => true, now });
  } finally {
    await store.close();
  }
});

describe('renderNoticeHtml', () => {
  let html: string;
  beforeAll(() => {
    html = renderNoticeHtml(model);
  });

  it('is a notice with the title, its five sections and the issuer’s signature', () => {
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<h1>四川省人民政府办公厅关于2026年第四季度全省政府网站抽查情况的通报</h1>');
    const sections = [
      '一、总体情况',
      '二、各项指标',
      '三、存在的主要问题（网站名单及问题）',
      '四、与上期相比',
      '五、工作要求',
    ];
    const positions = sections.map((s) => html.indexOf(`<h2>${s}</h2>`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(html).toContain('<div class="signature"><p>四川省人民政府办公厅</p><p>2026年12月1日</p></div>');
  });

  it('lists the sites with problems and what they are, the figures and the comparison', () => {
    const problems = html.slice(html.indexOf('三、存在的主要问题'), html.indexOf('四、与上期相比'));
    for (const name of ['四川省人民政府', '四川省发展和改革委员会', '成都市人民政府', '成都市锦江区人民政府'])
      expect(problems).toContain(`<td class="name">${name}</td>`);
    expect(problems).not.toContain('<td>绵阳市人民政府</td>');
    expect(problems).toContain('缺少内容检索、文件下载');
    expect(problems).toContain('失效链接 12 条（其中首页 3 条）');
    expect(problems).toContain('无法访问：首页无法访问：连接被拒绝（ECONNREFUSED）');
    expect(problems).toContain('尚无检查结果，请尽快安排检查：泸州市人民政府');
    expect(html).toContain('平均得分 77.7 分；4 个网站存在不符合要求的问题，共 4 项');
    expect(html).toMatch(
      /“政府公报”专栏（6\.5\.1）<\/td><td class="num">2<\/td><td class="num">1<\/td><td class="num">1<\/td><td class="num">2<\/td><td class="num"><b>66\.7%<\/b><\/td><td class="num">66\.7%<\/td>/,
    );
    expect(html).toContain('上期（2026年第三季度）检查网站 5 个，平均得分 93.7 分');
    expect(html).toContain('较上期下降 16 分');
    expect(html).toContain('本期新增问题 2 项，已整改问题 3 项');
    expect(html).toContain('<td>成都市</td><td class="num">2</td><td class="num">48.1</td>');
  });

  it('speaks of the province as 全省 and of a city as 全市', () => {
    expect(html).toContain('四川省人民政府办公厅对全省政府网站开展了2026年第四季度抽查');
  });

  it('escapes whatever came from a site', () => {
    expect(html).not.toContain(HOSTILE);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('绵阳市游仙区人民政府&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('stands alone: no external resource', () => {
    expect(html).not.toMatch(/<(link|img|script|iframe)\b/i);
    expect(html).not.toMatch(/url\(/);
  });
});

describe('renderNoticeXlsx', () => {
  it('reads back as three sheets with one row per site and per problem, outcomes in Chinese', async () => {
    const book = new ExcelJS.Workbook();
    const bytes = new Uint8Array(await renderNoticeXlsx(model));
    expect(bytes.subarray(0, 2)).toEqual(new Uint8Array([0x50, 0x4b])); // a zip, as every .xlsx is
    await book.xlsx.load(bytes.buffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['总体情况', '网站结果', '问题清单']);
    const values = (name: string) =>
      book
        .getWorksheet(name)!
        .getSheetValues()
        .slice(1)
        .map((row) => (row as unknown[]).slice(1));

    const overview = Object.fromEntries(values('总体情况').map(([k, v]) => [k, v]));
    expect(overview).toMatchObject({
      通报标题: '四川省人民政府办公厅关于2026年第四季度全省政府网站抽查情况的通报',
      已检查网站数: 6,
      平均得分: 77.68,
      '上期（2026年第三季度）平均得分': 93.72,
      '新增问题（项）': 2,
      '通过率：“政府公报”专栏（6.5.1）': '66.7%',
    });

    const [header, ...sites] = values('网站结果');
    expect(header).toEqual([
      '网站名称',
      '网站标识',
      '地区',
      '区划代码',
      '首页',
      '状态',
      '得分',
      '评定',
      '单项否决原因',
      '上期得分',
      '得分变化',
      ...CHECKS.map(({ meta }) => meta.title),
      '新增问题',
      '已整改问题',
      '自动检测得分',
      '自动检测评定',
      '复核问题数',
      '申诉问题数',
      '核减问题数',
    ]);
    expect(sites).toHaveLength(6);
    const row = (id: string) => sites.find((r) => r[1] === id)!;
    expect(row('sc-portal')).toEqual([
      '四川省人民政府',
      'sc-portal',
      '省本级',
      '510000',
      'http://127.0.0.1:9/sc-portal/',
      '正常',
      90,
      // Stored before ratings existed.
      '未评定',
      '',
      88.9,
      '+1.1',
      '通过',
      '不通过',
      '通过',
      '通过',
      '通过',
      // The rules added after these results were stored.
      ...CHECKS.slice(5).map(() => '未检查'),
      '',
      '无失效链接',
      // No decision: the automated values are the decided ones.
      90,
      '未评定',
      0,
      0,
      0,
    ]);
    expect(row('cd-jinjiang').slice(5, 13)).toEqual([
      '无法访问',
      0,
      '未评定',
      '',
      100,
      '-100',
      '待人工复核',
      '待人工复核',
    ]);
    expect(row('sc-fgw')[12]).toBe('不适用');

    const problems = values('问题清单');
    expect(problems[0]).toEqual(['网站名称', '地区', '检查项目', '问题摘要', '是否新增', '单项否决']);
    expect(problems.slice(1)).toContainEqual([
      '成都市人民政府',
      '成都市',
      '无失效链接',
      '失效链接 12 条（其中首页 3 条）',
      '否',
      '',
    ]);
    expect(problems.slice(1)).toContainEqual([
      '成都市锦江区人民政府',
      '成都市',
      '网站无法检查',
      '首页无法访问：连接被拒绝（ECONNREFUSED）',
      '',
      '',
    ]);
    expect(problems).toHaveLength(1 + 5);
  });
});

describe('renderNoticeCsv', () => {
  it('starts with a BOM and parses back to a header and one row per site', () => {
    const csv = renderNoticeCsv(model);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows: string[][] = parse(csv.slice(1));
    expect(rows[0]?.slice(0, 3)).toEqual(['网站名称', '网站标识', '地区']);
    expect(rows).toHaveLength(1 + 6);
    const youxian = rows.find((r) => r[1] === 'my-youxian')!;
    expect(youxian[0]).toBe(`绵阳市游仙区人民政府${HOSTILE}`);
    expect(youxian.slice(6, 12)).toEqual(['90', '未评定', '', '', '—', '不通过']);
    expect(youxian.at(-7)).toBe('头部标识区域展示网站全称');
  });
});

describe('the rating in the notice', () => {
  it('HTML: counts the 不合格 sites in the overview and per region, lists them with why, rates each listed site', () => {
    const html = renderNoticeHtml(rated);
    expect(html).toContain(
      '3 个网站存在不符合要求的问题，共 3 项；2 个网站触及单项否决指标，评定为不合格（不论得分多少）。',
    );
    expect(html).toContain('<th>存在问题网站数</th><th>不合格网站数</th>');
    expect(html).toContain(
      '<td>省本级</td><td class="num">2</td><td class="num">95</td><td class="num">1</td><td class="num">1</td>',
    );
    const problems = html.slice(html.indexOf('三、存在的主要问题'), html.indexOf('四、与上期相比'));
    expect(problems).toContain('其中 2 个网站触及单项否决指标，不论得分多少，评定为不合格：');
    expect(problems).toContain(`<li>四川省人民政府：${reason(STALE_HOMEPAGE_VETO)}。</li>`);
    expect(problems).toContain(`<li>成都市锦江区人民政府：${reason(UNREACHABLE_VETO)}。</li>`);
    expect(problems).toContain('<th>得分</th><th>评定</th><th>存在问题</th>');
    const row = (name: string) =>
      problems.slice(problems.indexOf(`<td class="name">${name}</td>`)).split('</tr>')[0]!;
    expect(row('四川省人民政府')).toContain(
      `<td class="num">90</td><td class="num"><span class="rating unqualified" title="单项否决：${reason(STALE_HOMEPAGE_VETO)}">不合格</span></td>`,
    );
    expect(row('四川省人民政府')).toContain(`<p class="veto">单项否决：${title('content-freshness')}</p>`);
    // Unreachable and vetoed: the veto and why it could not be inspected.
    expect(row('成都市锦江区人民政府')).toContain(
      `<p class="veto">单项否决：${title('homepage-availability')}</p>`,
    );
    expect(row('成都市锦江区人民政府')).toContain('<p class="down">无法访问');
    expect(row('成都市人民政府')).toContain('<span class="rating qualified">合格</span>');
  });

  it('HTML: says no site was vetoed when none was', () => {
    expect(renderNoticeHtml(model)).toContain('没有网站因触及单项否决指标被评定为不合格。');
  });

  it('XLSX: the 评定 and veto reason of each site, the 不合格 count, the veto of each problem', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(await renderNoticeXlsx(rated)).buffer);
    const values = (name: string) =>
      book
        .getWorksheet(name)!
        .getSheetValues()
        .slice(1)
        .map((row) => (row as unknown[]).slice(1));
    const overview = Object.fromEntries(values('总体情况').map(([k, v]) => [k, v]));
    expect(overview['评定为不合格网站数（单项否决）']).toBe(2);
    const [header, ...sites] = values('网站结果');
    expect(header!.slice(6, 9)).toEqual(['得分', '评定', '单项否决原因']);
    const rating = Object.fromEntries(sites.map((r) => [r[1], r.slice(6, 9)]));
    expect(rating).toEqual({
      'sc-portal': [90, '不合格', reason(STALE_HOMEPAGE_VETO)],
      'sc-fgw': [100, '未评定', ''],
      'cd-portal': [99.8, '合格', ''],
      'cd-jinjiang': [0, '不合格', reason(UNREACHABLE_VETO)],
      'my-portal': [100, '合格', ''],
    });
    const problems = values('问题清单');
    expect(problems.slice(1)).toContainEqual([
      '四川省人民政府',
      '省本级',
      title('content-freshness'),
      reason(`${STALE_HOMEPAGE_VETO}（详见证据）`),
      '是',
      reason(STALE_HOMEPAGE_VETO),
    ]);
    expect(problems.slice(1)).toContainEqual([
      '成都市锦江区人民政府',
      '成都市',
      '网站无法检查',
      '首页无法访问：连接被拒绝（ECONNREFUSED）',
      '',
      reason(UNREACHABLE_VETO),
    ]);
  });

  it('CSV: the 评定 column beside the score', () => {
    const rows: string[][] = parse(renderNoticeCsv(rated).slice(1));
    expect(rows[0]!.slice(6, 9)).toEqual(['得分', '评定', '单项否决原因']);
    const jinjiang = rows.find((r) => r[1] === 'cd-jinjiang')!;
    expect(jinjiang.slice(5, 9)).toEqual(['无法访问', '0', '不合格', reason(UNREACHABLE_VETO)]);
    expect(rows.find((r) => r[1] === 'cd-portal')!.slice(6, 9)).toEqual(['99.8', '合格', '']);
  });
});
