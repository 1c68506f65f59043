import { describe, expect, it } from 'vitest';
import { crawlSeeds } from '../../src/inspection/seeds.ts';
import { HOME, homepage, link, site } from '../checks/fixtures/builders.ts';

function seedsFor(links: Parameters<typeof link>[], archiveRoots: string[] = []) {
  const home = homepage({ links: links.map((args) => link(...args)) });
  return crawlSeeds(site({ archiveRoots }), home);
}

const priorityOf = (seeds: ReturnType<typeof crawlSeeds>, path: string) =>
  seeds.find((s) => s.url === new URL(path, HOME).href)?.priority;

describe('crawlSeeds', () => {
  it('puts first the links the checks look for: the gazette column, the annual report, the archive', () => {
    const seeds = seedsFor([
      ['政府公报', '/zfgb/'],
      ['2025年度政府网站工作年度报表', '/ndbb/2025.html'],
      ['门户网站2025年工作年度报表', '/ndbb/mh2025.html'],
      ['历史归档', '/lsgd/'],
      ['', '/gb/', { title: '政府公报' }],
    ]);
    for (const path of ['/zfgb/', '/ndbb/2025.html', '/ndbb/mh2025.html', '/lsgd/', '/gb/']) {
      expect(priorityOf(seeds, path), path).toBe(true);
    }
  });

  it('puts first the consultation columns, on the site or on a letter platform elsewhere, not 网上信访', () => {
    const seeds = seedsFor([
      ['县长信箱', '/hdjl/xzxx/'],
      ['在线咨询', 'https://zmhd.sc.gov.cn/zxzx/'],
      ['互动交流', '/hdjl/'],
      ['网上信访', '/wsxf/'],
      ['纪检举报', 'https://jb.example.gov.cn/'],
    ]);
    expect(seeds).toEqual([
      { url: `${HOME}hdjl/xzxx/`, priority: true },
      { url: 'https://zmhd.sc.gov.cn/zxzx/', priority: true },
      { url: `${HOME}hdjl/`, priority: true },
      { url: `${HOME}wsxf/`, priority: false },
    ]);
  });

  it.each([
    ['a 统计公报 news link', '2025年成都市国民经济和社会发展统计公报', '/xw/tjgb.html'],
    ['a 新闻公报', '新闻公报', '/xw/xwgb.html'],
    ['the 信息公开年报', '2025年政府信息公开工作年度报告', '/xxgk/nb/2025.html'],
    ['a 政务公开年报', '2025年政务公开年报', '/zwgk/nb.html'],
    ['a 统计年报', '统计年报', '/tjnb/'],
    ['a 年度报表 that is not the website report', '2025年度部门决算报表', '/czxx/js.html'],
  ])('keeps %s an ordinary seed', (_case, text, path) => {
    const seeds = seedsFor([[text, path]]);
    expect(priorityOf(seeds, path)).toBe(false);
  });

  it('seeds other sites only for a gazette column hosted there', () => {
    const seeds = seedsFor([
      ['政府公报', 'https://gb.chengdu.gov.cn/'],
      ['四川省统计公报', 'https://tjj.sc.gov.cn/tjgb/'],
      ['中国政府网', 'https://www.gov.cn/'],
    ]);
    expect(seeds).toEqual([{ url: 'https://gb.chengdu.gov.cn/', priority: true }]);
  });

  it('puts the archive roots first, and a root linked from the homepage stays a priority', () => {
    const seeds = seedsFor([['往年信息', '/lsgd/']], ['/lsgd/', 'archive']);
    expect(seeds).toEqual([
      { url: `${HOME}lsgd/`, priority: true },
      { url: `${HOME}archive`, priority: true },
    ]);
  });

  it('seeds every same-site link once, without fragments or javascript: links', () => {
    const seeds = seedsFor([
      ['新闻', '/xw/'],
      ['新闻', '/xw/#top'],
      ['分享', 'javascript:void(0)', { href: 'javascript:void(0)' }],
    ]);
    expect(seeds).toEqual([{ url: `${HOME}xw/`, priority: false }]);
  });

  it('seeds only the archive roots when the homepage could not be rendered', () => {
    expect(crawlSeeds(site({ archiveRoots: ['/archive/'] }), undefined)).toEqual([
      { url: `${HOME}archive/`, priority: true },
    ]);
  });
});
