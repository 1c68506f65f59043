import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderNoticeHtml } from '../../reports/period/notice-html.ts';
import { renderNoticePdf } from '../../reports/period/notice-pdf.ts';
import { regionContains } from '../../src/access/region.ts';
import { loadPeriodReport } from '../../src/period-reports/load-period-report.ts';
import { STALE_HOMEPAGE_VETO, seededStore } from './support/fixtures.ts';

const run = promisify(execFile);
let dir: string;
let text: string;
let cityText: string;
let ratedText: string;

/** The PDF's text as poppler reads it, whitespace removed (CJK lines break anywhere). */
async function pdfText(pdf: Buffer, name: string): Promise<string> {
  const file = join(dir, `${name}.pdf`);
  await writeFile(file, pdf);
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
  return stdout.replace(/\s+/g, '');
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gov-inspect-pdf-'));
  const store = await seededStore();
  try {
    const now = new Date('2026-12-01T02:00:00Z');
    const province = await loadPeriodReport(store, {
      kind: 'quarterly',
      period: '2026Q4',
      reach: () => true,
      now,
    });
    const pdf = await renderNoticePdf(renderNoticeHtml(province));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    text = await pdfText(pdf, 'province');
    // A page as an image, for a person to judge the layout (PERIOD_REPORT_PNG=dir keeps it).
    const keep = process.env.PERIOD_REPORT_PNG;
    if (keep) await run('pdftoppm', ['-png', '-r', '60', join(dir, 'province.pdf'), join(keep, 'notice')]);
    const city = await loadPeriodReport(store, {
      kind: 'quarterly',
      period: '2026Q4',
      region: '510100',
      reach: (site) => regionContains('510100', site.region),
      now,
    });
    cityText = await pdfText(await renderNoticePdf(renderNoticeHtml(city)), 'city');
    const rated = await loadPeriodReport(store, {
      kind: 'quarterly',
      period: '2027Q1',
      reach: () => true,
      now,
    });
    ratedText = await pdfText(await renderNoticePdf(renderNoticeHtml(rated)), 'rated');
  } finally {
    await store.close();
  }
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('renderNoticePdf', () => {
  it('prints the Chinese title, the sections and the issuer (CJK text is real text, not boxes)', () => {
    expect(text).toContain('四川省人民政府办公厅关于2026年第四季度全省政府网站抽查情况的通报');
    for (const section of [
      '一、总体情况',
      '二、各项指标',
      '三、存在的主要问题',
      '四、与上期相比',
      '五、工作要求',
    ])
      expect(text).toContain(section);
    expect(text).toContain('2026年12月1日');
  });

  it('carries the site names, their problems and the figures', () => {
    for (const name of ['四川省人民政府', '四川省发展和改革委员会', '成都市锦江区人民政府', '泸州市人民政府'])
      expect(text).toContain(name);
    expect(text).toContain('失效链接12条（其中首页3条）');
    expect(text).toContain('缺少内容检索、文件下载');
    expect(text).toContain('平均得分77.7分');
    expect(text).toContain('66.7%');
    expect(text).toContain('本期新增问题2项，已整改问题3项');
  });

  it('prints the rating: the 不合格 count, the vetoed sites with why, the 评定 column', () => {
    expect(ratedText).toContain('2个网站触及单项否决指标，评定为不合格（不论得分多少）');
    const why = STALE_HOMEPAGE_VETO.replace(/\s+/g, '');
    expect(ratedText).toContain(`四川省人民政府：${why}`);
    expect(ratedText).toContain('评定存在问题');
    expect(ratedText).toContain('不合格单项否决：');
    expect(ratedText).toMatch(/(?<!不)合格/);
  });

  it('prints a region’s notice with only its sites', () => {
    expect(cityText).toContain('成都市人民政府办公厅关于2026年第四季度全市政府网站抽查情况的通报');
    expect(cityText).toContain('成都市锦江区人民政府');
    expect(cityText).not.toContain('绵阳市');
    expect(cityText).not.toContain('四川省发展和改革委员会');
  });
});
