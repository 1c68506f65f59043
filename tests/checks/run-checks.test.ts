import { describe, expect, it } from 'vitest';
import { defineCheck } from '../../checks/check.ts';
import { CHECKS } from '../../checks/index.ts';
import { runChecks } from '../../checks/run-checks.ts';
import type { Artifacts } from '../../crawlers/artifacts.ts';
import {
  anchor,
  crawl,
  graphic,
  HOME,
  homepage,
  link,
  linkStatuses,
  page,
  site,
  text,
} from './fixtures/builders.ts';
import { entry, printedDaysBefore } from './fixtures/list-pages.ts';
import { transport } from './fixtures/transport.ts';

const NOW = new Date('2026-05-01T10:00:00+08:00');

/** A site that satisfies every rule. */
function goodArtifacts(): Artifacts {
  const column = page('/zfgb/', {
    links: [
      anchor('2025年第1期', '/zfgb/2025/1/'),
      anchor('2025年第2期', '/zfgb/2025/2/'),
      anchor('第1期', '/zfgb/1.pdf', 'attachment'),
    ],
    forms: [{ action: '/zfgb/s', method: 'get', inputs: ['text:q'], text: '检索' }],
  });
  return {
    renderedHomepage: {
      ok: true,
      value: homepage({
        texts: [
          text('成都市人民政府'),
          text('网站标识码：5101000001 蜀ICP备05001234号 川公网安备 51019002000001号', { inHeader: false }),
        ],
        links: [
          link('政务公开', '/zwgk/'),
          link('政策解读', '/zcjd/'),
          link('互动交流', '/hdjl/'),
          link('政务服务', '/zwfw/'),
          link('政府公报', '/zfgb/'),
          link('2025年政府网站工作年度报表', '/ndbb/2025.html'),
          // In the footer, not the navigation: the national platform is not a column on another domain.
          link('我为政府网站找错', 'https://zfwzgl.www.gov.cn/exposure/jiucuo.html', {
            selector: 'div.footer > a.jiucuo',
            box: { x: 600, y: 1200, width: 110, height: 55 },
          }),
        ],
        graphics: [graphic({ src: `${HOME}images/dzjg.png`, alt: '党政机关', inHeader: false })],
      }),
    },
    siteCrawl: {
      ok: true,
      value: crawl([
        page(HOME, { depth: 0, listItems: [entry('市政府常务会议', printedDaysBefore(NOW, 2))] }),
        column,
        page('/hdjl/szxx/', {
          title: '市长信箱',
          letters: [
            {
              title: '咨询公积金提取',
              url: `${HOME}hdjl/szxx/1.html`,
              askedText: printedDaysBefore(NOW, 9),
              repliedText: printedDaysBefore(NOW, 4),
              from: 'table',
            },
          ],
        }),
      ]),
    },
    linkStatuses: { ok: true, value: linkStatuses([{ target: `${HOME}zfgb/`, status: { verdict: 'ok' } }]) },
    transport: { ok: true, value: transport() },
    availability: {
      ok: true,
      value: {
        method: 'single-probe',
        from: NOW.toISOString(),
        to: NOW.toISOString(),
        probes: 1,
        failures: 0,
        daysProbed: 1,
        fullDays: 0,
        failedSamples: [],
        episodes: [],
        episodeCount: 0,
      },
    },
  };
}

describe('runChecks', () => {
  it('reports every rule in contract order, findings empty on pass', () => {
    const reports = runChecks(site(), goodArtifacts(), { now: NOW });
    expect(reports).toEqual(CHECKS.map((c) => ({ ruleId: c.meta.id, outcome: 'pass', findings: [] })));
  });

  it('marks rules that do not apply as not-applicable with no findings', () => {
    const reports = runChecks(site({ level: 'county' }), goodArtifacts(), { now: NOW });
    expect(reports.find((r) => r.ruleId === 'gazette-column')).toEqual({
      ruleId: 'gazette-column',
      outcome: 'not-applicable',
      findings: [],
    });
    expect(reports.filter((r) => r.outcome === 'pass')).toHaveLength(CHECKS.length - 1);
  });

  it('turns a failed gatherer into review for the rules that need it, naming it and why', () => {
    const artifacts = {
      ...goodArtifacts(),
      siteCrawl: { ok: false, error: 'Crawlee 内部错误：queue closed' },
    } as const;
    const reports = runChecks(site(), artifacts, { now: NOW });
    expect(reports.map((r) => [r.ruleId, r.outcome])).toEqual([
      ['header-full-name', 'pass'],
      ['gazette-column', 'review'],
      ['archive-label', 'review'],
      ['annual-report', 'pass'],
      ['broken-links', 'pass'],
      ['footer-identifiers', 'pass'],
      ['error-report-entry', 'pass'],
      ['site-functions', 'pass'],
      ['column-domain', 'pass'],
      ['site-domain', 'pass'],
      ['content-freshness', 'review'],
      ['homepage-availability', 'pass'],
      ['https-security', 'pass'],
      ['wording-errors', 'review'],
      ['future-dates', 'review'],
      ['hidden-links', 'pass'],
      ['interaction-response', 'review'],
      ['blank-columns', 'review'],
      ['long-unupdated-columns', 'review'],
    ]);
    const finding = reports[2]!.findings;
    expect(finding).toHaveLength(1);
    expect(finding[0]!.url).toBe(HOME);
    expect(finding[0]!.message).toBe(
      '无法自动判断：全站抓取未能完成（Crawlee 内部错误：queue closed），需人工检查。',
    );
    expect(finding[0]!.evidence).toEqual({
      missing: [{ artifact: 'siteCrawl', gatherer: '全站抓取', error: 'Crawlee 内部错误：queue closed' }],
    });
  });

  it('names every failed gatherer in one finding', () => {
    const artifacts: Artifacts = {
      ...goodArtifacts(),
      renderedHomepage: { ok: false, error: 'Chromium 启动失败' },
      siteCrawl: { ok: false, error: '首页无法访问（ECONNREFUSED）。' },
    };
    const gazette = runChecks(site(), artifacts, { now: NOW })[1]!;
    expect(gazette.outcome).toBe('review');
    expect(gazette.findings).toHaveLength(1);
    expect(gazette.findings[0]!.message).toContain('首页渲染（Chromium）未能完成（Chromium 启动失败）');
    expect(gazette.findings[0]!.message).toContain('全站抓取未能完成（首页无法访问（ECONNREFUSED））');
    expect(gazette.findings[0]!.evidence.missing).toContainEqual(
      expect.objectContaining({ error: '首页无法访问（ECONNREFUSED）。' }),
    );
  });

  it('turns a throwing check into review for that rule alone', () => {
    // An invalid "now" makes the date-dependent rules throw; the others do not read it.
    const reports = runChecks(site(), goodArtifacts(), { now: new Date('not a date') });
    const annual = reports.find((r) => r.ruleId === 'annual-report')!;
    expect(annual.outcome).toBe('review');
    expect(annual.findings[0]!.message).toContain('检查程序出错（shanghaiDay: invalid date）');
    expect(annual.findings[0]!.evidence).toMatchObject({ error: 'shanghaiDay: invalid date' });
    expect(reports.filter((r) => r.outcome !== 'pass').map((r) => [r.ruleId, r.outcome])).toEqual([
      ['annual-report', 'review'],
      ['content-freshness', 'review'],
      ['future-dates', 'review'],
      ['interaction-response', 'review'],
      ['blank-columns', 'review'],
      ['long-unupdated-columns', 'review'],
    ]);
  });

  it('hands each check only the artifacts it declared and keeps going after a throw', () => {
    const seen: string[][] = [];
    const thrower = defineCheck({
      meta: { ...CHECKS[0]!.meta, id: 'thrower', requires: ['linkStatuses'] },
      run(artifacts) {
        seen.push(Object.keys(artifacts));
        throw new TypeError('boom');
      },
    });
    const passer = defineCheck({
      meta: { ...CHECKS[0]!.meta, id: 'passer', requires: ['siteCrawl'] },
      run(artifacts) {
        seen.push(Object.keys(artifacts));
        return { outcome: 'pass', findings: [{ url: HOME, message: '不应出现', evidence: {} }] };
      },
    });
    const reports = runChecks(site(), goodArtifacts(), { now: NOW }, [thrower, passer]);
    expect(seen).toEqual([['linkStatuses'], ['siteCrawl']]);
    expect(reports[0]).toMatchObject({ ruleId: 'thrower', outcome: 'review' });
    expect(reports[0]!.findings[0]!.evidence.stack).toContain('TypeError: boom');
    expect(reports[1]).toEqual({ ruleId: 'passer', outcome: 'pass', findings: [] });
  });

  it('hands an optional artifact over when it was gathered, and runs the check without it otherwise', () => {
    const seen: unknown[] = [];
    const reader = defineCheck({
      meta: { ...CHECKS[0]!.meta, id: 'reader', requires: ['siteCrawl'], optional: ['headerOcr'] },
      run(artifacts) {
        seen.push(artifacts.headerOcr?.engine ?? 'none');
        return { outcome: 'pass', findings: [], evidence: { read: true } };
      },
    });
    const headerOcr = { engine: 'tesseract chi_sim', readings: [], durationMs: 1 };
    const gathered = runChecks(
      site(),
      { ...goodArtifacts(), headerOcr: { ok: true, value: headerOcr } },
      { now: NOW },
      [reader],
    );
    const failed = runChecks(
      site(),
      { ...goodArtifacts(), headerOcr: { ok: false, error: 'tesseract not found' } },
      { now: NOW },
      [reader],
    );
    const absent = runChecks(site(), goodArtifacts(), { now: NOW }, [reader]);
    expect(seen).toEqual(['tesseract chi_sim', 'none', 'none']);
    // A pass keeps the evidence it was decided on.
    for (const reports of [gathered, failed, absent]) {
      expect(reports).toEqual([
        { ruleId: 'reader', outcome: 'pass', findings: [], evidence: { read: true } },
      ]);
    }
  });

  it("keeps a failing check's single veto, and drops it from any other outcome", () => {
    const vetoing = (outcome: 'fail' | 'review') =>
      defineCheck({
        meta: { ...CHECKS[0]!.meta, id: `veto-${outcome}`, requires: ['siteCrawl'] },
        run: () => ({
          outcome,
          findings: [{ url: HOME, message: '首页超过2周未更新。', evidence: {} }],
          singleVeto: '网站不更新，单项否决。',
        }),
      });
    const [fail, review] = runChecks(site(), goodArtifacts(), { now: NOW }, [
      vetoing('fail'),
      vetoing('review'),
    ]);
    expect(fail).toMatchObject({ outcome: 'fail', singleVeto: '网站不更新，单项否决。' });
    expect(review).not.toHaveProperty('singleVeto');
  });
});
