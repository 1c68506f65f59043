import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHECKS } from '../../checks/index.ts';
import { renderReportHtml, writeReportHtml } from '../../reports/report-html.ts';
import { solidPng } from './fixtures/png.ts';
import { MANY_BROKEN_ON_ONE_PAGE, STALE_HOMEPAGE_VETO, sampleResults } from './fixtures/sweep-results.ts';

const noScreenshots = { screenshotFor: () => undefined };

/** The text of one site's section of the report. */
function siteSection(html: string, siteId: string): string {
  const start = html.indexOf(`<section class="site" id="site-${siteId}">`);
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</section>', start));
}

describe('renderReportHtml', () => {
  it('names the period, the sites, the rules with their clauses and the Chinese outcome labels', () => {
    const html = renderReportHtml(sampleResults(), noScreenshots);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<title>政府网站检查报告（2026年第四季度）</title>');
    expect(html).toContain('2026年11月3日 09:00 至 2026年11月3日 09:06');
    for (const name of ['四川省人民政府', '成都市人民政府', '四川省教育厅', '绵阳市人民政府'])
      expect(html).toContain(name);
    for (const { meta } of CHECKS) {
      expect(html).toContain(`${meta.title}（${meta.clause}）`);
      expect(html).toContain(meta.appliesToText);
    }
    for (const label of ['✓</span>通过', '✗</span>不通过', '?</span>待人工复核', '—</span>不适用']) {
      expect(html).toContain(label);
    }
    expect(html).toContain('检查说明');
    expect(html).toContain('“待人工复核”不计为违规');
  });

  it('summarises the sweep: counts by status, the average score of finished sites, each rule’s counts', () => {
    const html = renderReportHtml(sampleResults(), noScreenshots);
    expect(html).toContain('<span>检查网站</span><b>4 个</b>');
    expect(html).toContain('<span>无法访问</span><b>1 个</b>');
    // (75.2 + 80 + 89.9) / 3 = 81.7
    expect(html).toContain('<b>81.7<small>');
    expect(html).toContain('<span>评定为不合格</span><b>1 个<small>');
    // broken-links: sc-portal and sc-edu fail, cd-portal passes, my-portal is under review → 1 / (1 + 2).
    const brokenRow = html.slice(
      html.indexOf('<th scope="row">无失效链接'),
      html.indexOf('</tr>', html.indexOf('<th scope="row">无失效链接')),
    );
    expect(brokenRow.match(/<td class="num">[^<]*<\/td>/g)).toEqual([
      '<td class="num">1</td>',
      '<td class="num">2</td>',
      '<td class="num">1</td>',
      '<td class="num">0</td>',
      '<td class="num">33.3%</td>',
    ]);
  });

  it('rates each site beside its score: 合格, 不合格 with the veto reason, or 未评定', () => {
    const html = renderReportHtml(sampleResults(), noScreenshots);
    const matrix = html.slice(html.indexOf('<section class="matrix">'), html.indexOf('各网站检查详情'));
    expect(matrix).toContain('<th scope="col">得分</th><th scope="col">评定</th><th scope="col">状态</th>');
    const row = (name: string) =>
      matrix.slice(matrix.indexOf(name), matrix.indexOf('</tr>', matrix.indexOf(name)));
    const veto = STALE_HOMEPAGE_VETO.replace(/。$/, '');
    expect(row('成都市人民政府')).toContain(
      `<td class="num score">80</td><td><span class="rating unqualified" title="单项否决：${veto}">不合格</span></td>`,
    );
    expect(row('四川省教育厅')).toContain('<span class="rating qualified">合格</span>');
    // Unreachable (null) and stored before ratings existed (absent): not rated.
    expect(row('绵阳市人民政府')).toContain('<span class="rating unrated">未评定</span>');
    expect(row('四川省人民政府')).toContain('<span class="rating unrated">未评定</span>');

    const chengdu = siteSection(html, 'cd-portal');
    expect(chengdu).toContain(
      '<dt>得分</dt><dd><strong class="score">80</strong> <span class="rating unqualified"',
    );
    expect(chengdu).toContain('<dt>评定</dt><dd>不合格（单项否决，不论得分多少）<ul class="vetoes"><li><b>');
    expect(chengdu).toContain(`</b>：${veto}</li></ul>`);
    expect(chengdu).toContain(
      `<span class="veto-tag">单项否决</span></h3><p class="veto-note">${STALE_HOMEPAGE_VETO}</p>`,
    );
    expect(siteSection(html, 'sc-edu')).not.toContain('<dt>评定</dt>');
    expect(siteSection(html, 'sc-edu')).not.toContain('单项否决');
  });

  it('explains the score and the single-veto rating in 检查说明', () => {
    const html = renderReportHtml(sampleResults(), noScreenshots);
    const notes = html.slice(html.indexOf('<section class="notes">'));
    expect(notes).toContain('<h3>得分与评定</h3>');
    expect(notes).toContain('首页上每条失效链接扣 1 分');
    expect(notes).toContain('《政府网站与政务新媒体检查指标》');
    expect(notes).toContain('即评定为<span class="rating unqualified">不合格</span>，不论得分多少');
    expect(notes).toContain('<span class="rating unrated">未评定</span>');
  });

  it('heads the rule columns of the summary table with short titles, the full heading in abbr and in a key', () => {
    const html = renderReportHtml(sampleResults(), noScreenshots);
    const matrix = html.slice(html.indexOf('<section class="matrix">'), html.indexOf('各网站检查详情'));
    expect(matrix).toContain(
      '<th scope="col" class="rule-col"><abbr title="头部标识区域展示网站全称（4.3.3）">网站全称</abbr></th>',
    );
    expect(matrix).toContain('失效链接＝无失效链接（4.6.2）');
    // Compact outcome marks: the symbol shown, the label read aloud.
    expect(matrix).toContain(
      '<span class="badge mark fail" title="不通过"><span class="sym" aria-hidden="true">✗</span><span class="vh">不通过</span></span>',
    );
    for (const { meta } of CHECKS) expect(matrix).toContain(`<abbr title="${meta.title}（${meta.clause}）">`);
  });

  it('shows an unreachable site with its status and reason', () => {
    const section = siteSection(renderReportHtml(sampleResults(), noScreenshots), 'my-portal');
    expect(section).toContain('<span class="status unreachable">无法访问</span>');
    expect(section).toContain('首页无法访问（TIMEOUT）。');
    expect(section).toContain('<dt>抓取页面数</dt><dd>0</dd>');
    expect(section).toContain('由于无法访问，以下规则未能自动判定');
    expect(section.match(/待人工复核<\/span>/g)).toHaveLength(5);
    // The runner's finding only repeats the reason: it is not printed once per rule.
    expect(section).not.toContain('需人工检查');
  });

  it('shows a site whose inspection broke as 检查出错, with the error', () => {
    const results = sampleResults();
    Object.assign(results.sites[2]!, { status: 'error', reason: '检查程序出错：浏览器意外退出' });
    const section = siteSection(renderReportHtml(results, noScreenshots), 'sc-edu');
    expect(section).toContain('<span class="status error">检查出错</span> 检查程序出错：浏览器意外退出');
    expect(section).toContain('由于检查出错，以下规则未能自动判定');
  });

  it('shows the evidence a pass was decided on: the header name read by OCR, with its confidence', () => {
    const results = sampleResults();
    const site = results.sites.find((s) => s.siteId === 'cd-portal')!;
    const check = site.checks.find((c) => c.ruleId === 'header-full-name')!;
    Object.assign(check, {
      outcome: 'pass',
      findings: [],
      evidence: {
        registeredName: '成都市人民政府',
        ocr: { text: '成都市人民政府', confidence: 95, edits: 0 },
      },
    });
    const section = siteSection(renderReportHtml(results, noScreenshots), 'cd-portal');
    expect(section).toContain('图片文字识别（OCR）');
    expect(section).toContain('识别置信度（0–100）');
    expect(section).toContain('95');
  });

  it('lists findings with their page, broken links grouped per page and capped, evidence as key/value', () => {
    const html = renderReportHtml(sampleResults(), noScreenshots);
    const portal = siteSection(html, 'sc-portal');
    expect(portal).toContain(
      '所在页面：<a class="url" href="https://www.sc.gov.cn/">https://www.sc.gov.cn/</a>（2 条）',
    );
    expect(portal).toContain(`（${MANY_BROKEN_ON_ONE_PAGE} 条）`);
    expect(portal).toContain(`另有 ${MANY_BROKEN_ON_ONE_PAGE - 20} 条未列出，完整列表见 results.json。`);
    expect(portal).toContain('ECONNREFUSED<br><span class="gloss">连接被拒绝</span>');
    expect(portal).toContain('<dt>链接文字</dt><dd>网上办事大厅</dd>');
    expect(portal).toContain('<dt>方式</dt><dd>HEAD 请求</dd>');
    expect(portal).toContain('<dt>判定为归档页面的原因</dt><dd>位于登记的归档目录下</dd>');
    const chengdu = siteSection(html, 'cd-portal');
    expect(chengdu).toContain('<dt>区域</dt><dd>位置 (120, 40)，尺寸 420×80 像素</dd>');
    expect(chengdu).toContain('<dt>应有的报表年度</dt><dd>2025</dd>');
    expect(portal).toContain(
      '<dt>检查过的页面</dt><dd><ul class="ev-list"><li><a class="url" href="https://www.sc.gov.cn/10462/zfgb/zfgb.shtml">',
    );
    expect(html).not.toMatch(/\{"|":/); // no raw JSON anywhere
  });

  it('caps long lists: pages of broken links and evidence lists, pointing to results.json', () => {
    const results = sampleResults();
    const edu = results.sites[2]!;
    const template = edu.checks[4]!.findings[0]!;
    edu.checks[4]!.findings = Array.from({ length: 14 }, (_, i) => ({
      ...template,
      url: `http://edu.sc.gov.cn/list-${i}.shtml`,
      evidence: { redirects: Array.from({ length: 13 }, (_, j) => `http://edu.sc.gov.cn/r${j}`) },
    }));
    const section = siteSection(renderReportHtml(results, noScreenshots), 'sc-edu');
    expect(section.match(/所在页面：/g)).toHaveLength(10);
    expect(section).toContain('另有 4 个页面（共 4 条）未列出，完整列表见 results.json。');
    expect(section).toContain('<li class="more">另有 3 条，完整列表见 results.json</li>');
  });

  it('embeds a given header screenshot as a PNG data URI with its caption, and only for that site', () => {
    const png = solidPng(40, 10, [180, 18, 27]);
    const html = renderReportHtml(sampleResults(), {
      screenshotFor: (siteId) => (siteId === 'cd-portal' ? png : undefined),
    });
    const uri = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
    expect(siteSection(html, 'cd-portal')).toContain(`<img src="${uri}" alt="首页头部区域截图">`);
    expect(siteSection(html, 'cd-portal')).toContain('<figcaption>首页头部区域截图</figcaption>');
    expect(html.match(/data:image\/png;base64,/g)).toHaveLength(1);
  });

  it('loads nothing from outside: no script, and every src/href of link, script and img is inline', () => {
    const html = renderReportHtml(sampleResults(), { screenshotFor: () => solidPng(4, 4, [0, 0, 0]) });
    expect(html).not.toMatch(/<script/i);
    const resourceTags = html.match(/<(link|script|img)\b[^>]*>/gi) ?? [];
    expect(resourceTags.length).toBeGreaterThan(0);
    for (const tag of resourceTags) expect(tag).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/i);
    // Anchors to the inspected sites are the only absolute URLs, and they are plain links.
    const anchors = html.match(/<a [^>]*href="https?:[^"]*"/g) ?? [];
    expect(anchors.length).toBeGreaterThan(0);
  });

  it('escapes hostile text from the sites wherever it appears', () => {
    const results = sampleResults();
    const site = results.sites[1]!;
    site.fullName = '成都市人民政府<img src=x onerror=alert(1)>';
    const finding = site.checks[0]!.findings[0]!;
    finding.message = '头部文字是<script>alert("msg")</script>';
    finding.url = 'javascript:alert(document.cookie)';
    finding.evidence = {
      pageTitle: '</dd><script>alert("title")</script>',
      headerTexts: [{ text: '<b onmouseover="x()">四川</b>', selector: 'div[title="a&b"]' }],
      '<i>key</i>': 'value',
    };
    const html = renderReportHtml(results, noScreenshots);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b onmouseover');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('头部文字是&lt;script&gt;alert(&quot;msg&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;/dd&gt;&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;');
    expect(html).toContain('成都市人民政府&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<span class="url">javascript:alert(document.cookie)</span>');
    expect(html).toContain('<dt>&lt;i&gt;key&lt;/i&gt;</dt>');
  });
});

describe('writeReportHtml', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'report-html-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes DIR/report.html with the screenshots it reads, and nothing else', async () => {
    const png = solidPng(8, 4, [10, 20, 30]);
    const asked: string[] = [];
    const path = await writeReportHtml(dir, sampleResults(), async (siteId) => {
      asked.push(siteId);
      return siteId === 'sc-portal' ? png : undefined;
    });
    expect(path).toBe(join(dir, 'report.html'));
    expect(asked).toEqual(['sc-portal', 'cd-portal', 'sc-edu', 'my-portal']);
    const html = await readFile(path, 'utf8');
    expect(siteSection(html, 'sc-portal')).toContain(Buffer.from(png).toString('base64'));
    expect(await readdir(dir)).toEqual(['report.html']);
  });
});
