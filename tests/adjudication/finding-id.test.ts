import { describe, expect, it } from 'vitest';
import type { Finding } from '../../checks/check.ts';
import { evidenceDigest, findingId, identifyFindings } from '../../src/adjudication/finding-id.ts';
import { readPart } from '../../src/adjudication/finding-parts.ts';
import type { SiteResult } from '../../src/results.ts';

const HOME = 'https://www.chengdu.gov.cn/';
const finding = (evidence: Record<string, unknown>, more: Partial<Finding> = {}): Finding => ({
  url: HOME,
  message: '未通过',
  evidence,
  ...more,
});

describe('reading a part of a finding', () => {
  const f = finding(
    {
      item: 'ICP备案编号',
      links: [{ text: '乙' }, { text: '甲' }, { text: '乙' }],
      years: [2025, 2024],
      frames: [],
    },
    { status: 404 },
  );
  it.each([
    ['status', 404],
    ['evidence.item', 'ICP备案编号'],
    ['evidence.years.0', 2025],
    ['evidence.links.*.text', ['乙', '甲']], // once each, in code-point order
    ['evidence.frames?', true],
    ['evidence.lookedFor?', false],
    ['evidence.lookedFor', undefined],
    ['evidence.item.length', undefined],
    ['evidence.links.*.missing', []],
    ['evidence.item.*.x', undefined],
  ])('%s → %j', (part, value) => {
    expect(readPart(f, part)).toEqual(value);
  });
});

describe('finding ids', () => {
  it('is the same for the page however its URL is written (fragment, session id)', () => {
    const id = findingId('cd-portal', 'header-full-name', finding({}));
    expect(findingId('cd-portal', 'header-full-name', finding({}, { url: `${HOME}#top` }))).toBe(id);
    expect(findingId('cd-portal', 'header-full-name', finding({}, { url: `${HOME};jsessionid=0A1B` }))).toBe(
      id,
    );
    expect(id).toMatch(/^[0-9a-f]{24}$/);
  });

  it('tells sites, rules and pages apart', () => {
    const ids = [
      findingId('cd-portal', 'header-full-name', finding({})),
      findingId('my-portal', 'header-full-name', finding({})),
      findingId('cd-portal', 'annual-report', finding({})),
      findingId('cd-portal', 'archive-label', finding({}, { url: `${HOME}archive/1.html` })),
      findingId('cd-portal', 'archive-label', finding({}, { url: `${HOME}archive/2.html` })),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([
    ['footer-identifiers', [finding({ item: 'ICP备案编号' }), finding({ item: '公安机关备案号' })]],
    ['site-functions', [finding({ function: '解读回应' }), finding({ function: '互动交流' })]],
    ['gazette-column', [finding({ missing: '目录导航' }), finding({ missing: '内容检索' })]],
    ['content-freshness', [finding({}), finding({ column: '工作动态' }), finding({ column: '通知公告' })]],
    [
      'column-domain',
      [finding({ href: 'https://zt.cdnews.cn/' }), finding({ href: 'https://tftb.sc.gov.cn/' })],
    ],
    ['https-security', [finding({ problem: 'certificate' }), finding({ problem: 'mixed-content' })]],
    [
      'hidden-links',
      [
        finding({ target: 'http://x.example/', how: 'display-none' }),
        finding({ target: 'http://x.example/', how: 'off-page' }),
        finding({ target: 'http://y.example/', how: 'display-none' }),
        finding({ target: 'http://x.example/', by: 'script' }),
      ],
    ],
    [
      'interaction-response',
      [
        finding({ problem: 'overdue', letterTitle: '咨询农村危房改造补助标准' }),
        finding({ problem: 'overdue', letterTitle: '咨询医保异地就医备案' }),
        finding({ problem: 'no-channel' }),
      ],
    ],
    [
      'homepage-availability',
      [
        finding({ episode: { from: '2026-10-01T00:00:00Z' } }),
        finding({ episode: { from: '2026-11-09T00:00:00Z' } }),
      ],
    ],
    [
      'broken-links',
      [
        finding({}, { target: `${HOME}a.html`, status: 404 }),
        finding({}, { target: `${HOME}b.html`, status: 404 }),
      ],
    ],
  ] as const)('keys %s findings on one page apart by their key parts', (rule, findings) => {
    const ids = findings.map((f) => findingId('cd-portal', rule, f));
    expect(new Set(ids).size).toBe(findings.length);
  });

  it('keeps the key of a broken link whatever its status, the digest changing with it', () => {
    const a = finding({ method: 'HEAD' }, { target: `${HOME}a.html`, status: 404 });
    const b = finding({ method: 'GET', attempts: 3 }, { target: `${HOME}a.html#x`, status: 'ECONNRESET' });
    expect(findingId('s', 'broken-links', b)).toBe(findingId('s', 'broken-links', a));
    expect(evidenceDigest('broken-links', b)).not.toBe(evidenceDigest('broken-links', a));
  });

  it('gives a rule it does not know ids by page, and digests by the common parts', () => {
    const a = finding({ whatever: 1 });
    expect(findingId('s', 'retired-rule', a)).toBe(findingId('s', 'retired-rule', finding({ whatever: 2 })));
    expect(evidenceDigest('retired-rule', a)).toBe(evidenceDigest('retired-rule', finding({ whatever: 2 })));
  });

  it('digests what a gatherer failure was, not its message', () => {
    const missing = (artifact: string, error: string) =>
      finding({ missing: [{ artifact, gatherer: '首页渲染（Chromium）', error }] });
    const timedOut = evidenceDigest('header-full-name', missing('renderedHomepage', '超时（30012 毫秒）'));
    expect(evidenceDigest('header-full-name', missing('renderedHomepage', '超时（30544 毫秒）'))).toBe(
      timedOut,
    );
    expect(evidenceDigest('header-full-name', missing('siteCrawl', '超时'))).not.toBe(timedOut);
  });
});

describe('identifyFindings', () => {
  const result: SiteResult = {
    siteId: 'cd-portal',
    status: 'done',
    pagesCrawled: 3,
    linksChecked: 9,
    score: 80,
    checks: [
      { ruleId: 'header-full-name', outcome: 'pass', findings: [] },
      {
        ruleId: 'archive-label',
        outcome: 'fail',
        // Two findings of one page: each keeps an id of its own, in the order the check gave them.
        findings: [finding({ why: 'under-archive-root' }), finding({ why: 'presented-as-archived' })],
      },
    ],
    startedAt: '2026-11-20T02:00:00.000Z',
    finishedAt: '2026-11-20T02:01:00.000Z',
    durationMs: 60_000,
    fullName: '成都市人民政府',
    homepage: HOME,
  };

  it('puts an id and a digest on every finding, the same ones when run again', () => {
    const once = identifyFindings(result);
    const [first, second] = once.checks[1]!.findings;
    expect(first).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      evidenceDigest: expect.any(String),
    });
    expect(second!.id).not.toBe(first!.id);
    expect(identifyFindings(once)).toEqual(once);
    expect(once.checks[0]).toBe(result.checks[0]);
  });

  it('replaces ids that do not belong (a result copied from another site)', () => {
    const copied = identifyFindings({ ...identifyFindings(result), siteId: 'my-portal' });
    expect(copied.checks[1]!.findings[0]!.id).not.toBe(identifyFindings(result).checks[1]!.findings[0]!.id);
  });
});
