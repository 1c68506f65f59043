import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../checks/check.ts';
import { siteDomain } from '../../checks/site-domain.ts';
import type { Site } from '../../src/registry/site.ts';
import { site } from './fixtures/builders.ts';

const NOW = new Date('2026-05-01T10:00:00+08:00');
const PROVINCE = 'https://www.sc.gov.cn/';

function judge(overrides: Partial<Site>, parentHomepage?: string): CheckResult {
  return siteDomain.run(
    {},
    { site: site(overrides), now: NOW, ...(parentHomepage ? { parentHomepage } : {}) },
  );
}

const department = (homepage: string): Partial<Site> => ({
  id: 'fgw-dept',
  homepage,
  level: 'province',
  kind: 'department',
  parent: 'sc-portal',
});

describe('site-domain', () => {
  it.each([
    ['a province portal', { homepage: 'https://www.sc.gov.cn/' }, undefined],
    [
      'a city portal with a port and a path',
      { homepage: 'http://www.chengdu.gov.cn:8080/index.html' },
      undefined,
    ],
    ['a department under its portal', department('https://fgw.sc.gov.cn/'), PROVINCE],
    [
      'a department under a portal registered without www.',
      department('http://fgw.sc.gov.cn/'),
      'http://sc.gov.cn/',
    ],
    ['a site on a Chinese domain under .政务', { homepage: 'http://四川省人民政府.政务/' }, undefined],
  ])('passes %s', (_name, overrides, parent) => {
    expect(judge(overrides, parent)).toEqual({ outcome: 'pass', findings: [] });
  });

  it('fails a domain that does not end in .gov.cn, with the host as evidence', () => {
    expect(judge(department('http://www.scedu.net/'), PROVINCE)).toEqual({
      outcome: 'fail',
      findings: [
        {
          url: 'http://www.scedu.net/',
          message: '网站域名 www.scedu.net 不以“.gov.cn”为后缀，不符合政府网站域名要求。',
          evidence: { host: 'www.scedu.net', expected: '*.gov.cn' },
        },
      ],
    });
  });

  it.each([
    ['no www.', 'https://chengdu.gov.cn/'],
    ['another first label', 'https://portal.chengdu.gov.cn/'],
    ['a deeper name', 'https://www.cd.sc.gov.cn/'],
  ])('fails a portal whose domain has %s', (_name, homepage) => {
    const result = judge({ homepage });
    expect(result.outcome).toBe('fail');
    expect(result.findings[0]!.evidence).toMatchObject({ expected: 'www.□□□.gov.cn' });
  });

  it.each([
    ["another government's domain", 'https://fgw.chengdu.gov.cn/'],
    ['a sub-sub-domain', 'https://a.fgw.sc.gov.cn/'],
  ])('fails a department on %s', (_name, homepage) => {
    const result = judge(department(homepage), PROVINCE);
    expect(result.outcome).toBe('fail');
    expect(result.findings[0]!.message).toContain('不是本级政府门户网站域名 sc.gov.cn 的下级域名');
    expect(result.findings[0]!.evidence).toMatchObject({
      parentDomain: 'sc.gov.cn',
      expected: '○○○.sc.gov.cn',
    });
  });

  it('reviews a department whose parent portal is not in the sites file, or not named', () => {
    const missing = judge(department('https://fgw.sc.gov.cn/'));
    expect(missing.outcome).toBe('review');
    expect(missing.findings[0]!.message).toContain('站点清单中没有其上级门户网站 sc-portal');
    const unnamed = judge({ ...department('https://fgw.sc.gov.cn/'), parent: null });
    expect(unnamed.findings[0]!.message).toContain('登记信息未给出其上级门户网站（parent）');
  });

  it("reviews a department built as a column of its portal, on the portal's own host", () => {
    const result = judge(department('https://www.sc.gov.cn/fgw/'), PROVINCE);
    expect(result.outcome).toBe('review');
    expect(result.findings[0]!.message).toContain('同用域名 www.sc.gov.cn');
  });

  it("reads a parent portal registered with the root's trailing dot", () => {
    expect(judge(department('https://fgw.sc.gov.cn/'), 'https://www.sc.gov.cn./').outcome).toBe('pass');
  });

  it('reviews a department whose parent portal is itself registered at an address', () => {
    const result = judge(department('https://fgw.sc.gov.cn/'), 'http://127.0.0.1:8080/');
    expect(result.outcome).toBe('review');
  });

  it.each(['http://127.0.0.1:8080/', 'http://192.168.1.20/', 'http://[::1]:8080/'])(
    'reviews a homepage registered at the loopback or private address %s',
    (homepage) => {
      const result = judge({ homepage });
      expect(result.outcome).toBe('review');
      expect(result.findings[0]!.message).toContain('没有域名可供判断');
    },
  );

  it('fails a homepage served from a public IP address', () => {
    const result = judge({ homepage: 'http://61.139.2.69/' });
    expect(result.outcome).toBe('fail');
    expect(result.findings[0]!.evidence).toEqual({ host: '61.139.2.69', addressClass: 'public' });
  });
});
