import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../checks/check.ts';
import { siteFunctions } from '../../checks/site-functions.ts';
import type { RenderedHomepage, RenderedLink } from '../../crawlers/artifacts.ts';
import type { Site } from '../../src/registry/site.ts';
import { homepage, link, site, text } from './fixtures/builders.ts';

const NOW = new Date('2026-05-01T10:00:00+08:00');
const NAV = [
  link('首页', '/'),
  link('政务公开', '/zwgk/'),
  link('政策解读', '/zcjd/'),
  link('互动交流', '/hdjl/'),
  link('政务服务', '/zwfw/'),
];
const DEPARTMENT: Partial<Site> = { id: 'edu-dept', kind: 'department', parent: 'sc-portal' };

function judge(
  links: RenderedLink[],
  registered: Partial<Site> = {},
  overrides: Partial<RenderedHomepage> = {},
): CheckResult {
  return siteFunctions.run(
    { renderedHomepage: homepage({ links, ...overrides }) },
    { site: site(registered), now: NOW },
  );
}

const missing = (result: CheckResult) => result.findings.map((f) => f.evidence.function);
const without = (label: string) => NAV.filter((l) => l.text !== label);

describe('site-functions', () => {
  it('passes on a portal whose navigation offers all four functions', () => {
    expect(judge(NAV)).toEqual({ outcome: 'pass', findings: [] });
  });

  const wordings: [string, string[]][] = [
    ['信息发布', ['信息公开', '新闻中心', '要闻动态', '通知公告', '政策文件', '政府信息公开']],
    ['解读回应', ['解读', '回应关切', '图解政策']],
    ['互动交流', ['政民互动', '领导信箱', '在线咨询', '调查征集', '在线访谈', '我要留言']],
    ['办事服务', ['办事服务', '网上办事', '在线办事', '一网通办', '办事指南']],
  ];
  const functions: Record<string, string> = {
    信息发布: '政务公开',
    解读回应: '政策解读',
    互动交流: '互动交流',
    办事服务: '政务服务',
  };
  const cases = wordings.flatMap(([fn, labels]) => labels.map((label) => [fn, label] as const));
  it.each(cases)('takes a link reading %s for %s', (fn, label) => {
    const result = judge([...without(functions[fn]!), link(label, '/x/')]);
    if (label === '图解政策') expect(missing(result)).toEqual(['解读回应']);
    else expect(result.outcome).toBe('pass');
  });

  it('takes a link title or aria-label for its name', () => {
    const links = [...without('政策解读'), link('', '/zcjd/', { title: '政策解读' })];
    expect(judge(links).outcome).toBe('pass');
    const aria = [...without('互动交流'), link('', '/hdjl/', { ariaLabel: '互动 交流' })];
    expect(judge(aria).outcome).toBe('pass');
  });

  const failing: [string, RenderedLink[], Partial<Site>, string[]][] = [
    ['a portal with only 首页 and 政务公开', [NAV[0]!, NAV[1]!], {}, ['解读回应', '互动交流', '办事服务']],
    ['a portal without 办事服务', without('政务服务'), {}, ['办事服务']],
    ['a department without 互动交流', without('互动交流'), DEPARTMENT, ['互动交流']],
    ['a homepage with no links', [], {}, ['信息发布', '解读回应', '互动交流', '办事服务']],
  ];
  it.each(failing)('fails on %s, one finding per missing function', (_case, links, registered, absent) => {
    const result = judge(links, registered);
    expect(result.outcome).toBe('fail');
    expect(missing(result)).toEqual(absent);
  });

  const VETO = expect.stringContaining('“服务不实用”中的“未提供办事服务”，单项否决');
  const vetoes: [string, () => CheckResult, string | undefined][] = [
    ['a portal with no 办事服务 entry', () => judge(without('政务服务')), VETO],
    ['a portal missing 办事服务 among others', () => judge([NAV[0]!, NAV[1]!]), VETO],
    ['a portal missing only 互动交流', () => judge(without('互动交流')), undefined],
    ['a portal missing 信息发布', () => judge(without('政务公开').slice(1)), undefined],
    [
      'a portal whose 办事服务 link is hidden',
      () =>
        judge([
          ...without('政务服务'),
          link('政务服务', '/zwfw/', { visible: false, hiddenReason: 'display-none' }),
        ]),
      undefined,
    ],
    [
      'a portal naming 办事服务 only as text',
      () => judge(without('政务服务'), {}, { texts: [text('网上办事', { tag: 'li', inHeader: false })] }),
      undefined,
    ],
    [
      'a portal made of frames',
      () =>
        judge([NAV[0]!], {}, { resources: [{ url: 'https://www.chengdu.gov.cn/main.html', kind: 'frame' }] }),
      undefined,
    ],
    [
      'a department without 办事服务 or 互动交流',
      () => judge(without('政务服务').slice(0, 3), DEPARTMENT),
      undefined,
    ],
  ];
  it.each(vetoes)('on %s, vetoes only a portal offering no 办事服务 at all', (_case, result, veto) => {
    expect(result().singleVeto).toEqual(veto);
  });

  it('lets an upheld finding carry the veto only when no 办事服务 entry was found', () => {
    const carried = siteFunctions.meta.singleVeto!.carriedBy!;
    const [services] = judge(without('政务服务')).findings;
    const [interaction] = judge(without('互动交流')).findings;
    const hidden = judge([...without('政务服务'), link('政务服务', '/zwfw/', { visible: false })])
      .findings[0]!;
    const tab = judge(without('政务服务'), {}, { texts: [text('网上办事', { tag: 'li', inHeader: false })] })
      .findings[0]!;
    expect([services!, interaction!, hidden, tab].map(carried)).toEqual([true, false, false, true]);
    expect(siteFunctions.meta.singleVeto!.reason).toEqual(VETO);
  });

  it('names the words it looked for', () => {
    const result = judge(without('政策解读'));
    expect(result.findings[0]!.message).toBe(
      '首页没有解读回应功能的入口（查找了：政策解读、解读、回应关切、回应）。',
    );
    expect(result.findings[0]!.evidence).toMatchObject({ function: '解读回应', homepageLinks: 4 });
  });

  it('asks no 办事服务 of a department', () => {
    expect(judge(without('政务服务'), DEPARTMENT)).toEqual({ outcome: 'pass', findings: [] });
  });

  it('fails on a function whose only link is hidden, with evidence', () => {
    const hidden = link('互动交流', '/hdjl/', {
      visible: false,
      hiddenReason: 'display-none',
      selector: 'ul.sub a',
    });
    const result = judge([...without('互动交流'), hidden]);
    expect(result.outcome).toBe('fail');
    expect(result.findings[0]!.message).toBe(
      '首页通往互动交流功能的链接“互动交流”设置了 display:none，读者看不到。',
    );
    expect(result.findings[0]!.evidence.hiddenLinks).toEqual([
      {
        text: '互动交流',
        href: 'https://www.chengdu.gov.cn/hdjl/',
        selector: 'ul.sub a',
        hiddenReason: 'display-none',
      },
    ]);
  });

  it('reviews a function named only by a plain-text tab', () => {
    const tab = text('政策解读', { tag: 'li', selector: 'ul.tabs > li', inHeader: false });
    const result = judge(without('政策解读'), {}, { texts: [tab] });
    expect(result.outcome).toBe('review');
    expect(result.findings[0]!.message).toContain('“政策解读”字样但不是链接');
  });

  it('does not take a sentence mentioning a function for its entry', () => {
    const sentence = text('欢迎通过在线咨询反映问题，我们将及时回应。', { tag: 'p', inHeader: false });
    expect(judge(without('互动交流'), {}, { texts: [sentence] }).outcome).toBe('fail');
  });

  it('reviews missing functions on a homepage made of frames', () => {
    const result = judge(
      [NAV[0]!],
      {},
      { resources: [{ url: 'https://www.chengdu.gov.cn/main.html', kind: 'frame' }] },
    );
    expect(result.outcome).toBe('review');
    expect(result.findings).toHaveLength(4);
    expect(result.findings[0]!.message).toContain('框架');
  });
});
