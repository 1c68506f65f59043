import { describe, expect, it } from 'vitest';
import type { Box } from '../../../crawlers/artifacts.ts';
import {
  decideHeaderArea,
  type HeaderArea,
  isChannelStrip,
  isInHeader,
  nameWords,
  type TopElement,
} from '../../../crawlers/rendered-homepage/header-area.ts';

const WIDTH = 1366;

function element(
  idClass: string,
  y: number,
  height: number,
  width = 1366,
  tag = 'div',
  role: string | null = null,
) {
  const box: Box = { x: 0, y, width, height };
  return { tag, role, idClass, selector: `${tag}.${idClass || 'x'}`, box } satisfies TopElement;
}

const CHANNELS = ['网站首页', '无障碍', '长者模式', '简/繁', '登录', '手机版', 'English'];
const COLUMNS = ['首页', '政务公开', '政务服务', '互动交流', '数据开放', '走进成都'];

/** A wide element at `y`, 36 px tall unless given, with these link texts. */
function withLinks(idClass: string, y: number, links: string[], height = 36, tag = 'div') {
  return { ...element(idClass, y, height, 1366, tag), links };
}

function band(height: number): Box {
  return { x: 0, y: 0, width: WIDTH, height };
}

describe('nameWords', () => {
  it.each([
    ['headerBox top-2 site_nav', ['header', 'box', 'top', 'site', 'nav', 'headerbox', 'sitenav']],
    ['site-name', ['site', 'name', 'sitename']],
    ['headline', ['headline']],
    ['topbar', ['topbar']],
    ['  ', []],
  ])('splits %j', (idClass, words) => {
    expect(nameWords(idClass)).toEqual(words);
  });
});

describe('decideHeaderArea', () => {
  const cases: [string, TopElement[], HeaderArea][] = [
    [
      'a header div below a utility bar, the nav bar below it not counted',
      [
        element('top-bar', 0, 34),
        element('header', 34, 150),
        element('nav', 184, 48),
        element('w1200', 34, 150, 1200),
      ],
      { box: band(184), method: 'landmark', selector: 'div.header' },
    ],
    [
      'a <header> element, whatever its class',
      [element('', 0, 210, 1366, 'header')],
      { box: band(210), method: 'landmark', selector: 'header.x' },
    ],
    [
      'role=banner',
      [element('', 20, 160, 1366, 'div', 'banner')],
      { box: band(180), method: 'landmark', selector: 'div.x' },
    ],
    [
      'camelCase class names',
      [element('headerBox', 0, 140)],
      { box: band(140), method: 'landmark', selector: 'div.headerBox' },
    ],
    [
      'a short header band is widened to 120 px',
      [element('head', 0, 80)],
      { box: band(120), method: 'landmark', selector: 'div.head' },
    ],
    [
      'a narrow logo counts',
      [element('logo', 30, 90, 400)],
      { box: band(120), method: 'landmark', selector: 'div.logo' },
    ],
    [
      'a narrow site-name counts',
      [element('site-name', 40, 100, 500)],
      { box: band(140), method: 'landmark', selector: 'div.site-name' },
    ],
    [
      'a narrow news-list heading does not',
      [element('news-head', 260, 40, 580)],
      { box: band(250), method: 'top-band' },
    ],
    [
      'a picture carousel called banner below the nav bar is content, not header',
      [element('toubu', 0, 130), element('main-nav', 130, 50), element('banner', 180, 400)],
      { box: band(130), method: 'landmark', selector: 'div.toubu' },
    ],
    [
      'a header ending below 500 px is cut at 500 px',
      [element('masthead', 200, 450)],
      { box: band(500), method: 'landmark', selector: 'div.masthead' },
    ],
    [
      'a landmark starting 300 px down or taller than 500 px is ignored',
      [element('header', 300, 100), element('top', 0, 900)],
      { box: band(250), method: 'top-band' },
    ],
    [
      'a utility bar classed top-nav at the very top does not cut off the header below it',
      [element('top-nav', 0, 30), element('header', 30, 170)],
      { box: band(200), method: 'landmark', selector: 'div.header' },
    ],
    [
      // Before the strip rule the strip ended the header at 120 px: the top band, with the masthead's
      // centre (256 px) outside it.
      'a channel strip classed top-nav below a 120 px 党建 banner does not end the header',
      [
        element('djbanner', 0, 120),
        withLinks('top-nav', 120, CHANNELS),
        element('header', 156, 200),
        withLinks('nav', 356, COLUMNS, 50),
      ],
      { box: band(356), method: 'landmark', selector: 'div.header' },
    ],
    [
      'a <nav> channel strip lower down is not the main navigation either',
      [
        withLinks('', 70, ['无障碍浏览', '关怀版', '繁體', 'EN', '智能问答'], 30, 'nav'),
        element('logo', 100, 150, 600),
      ],
      { box: band(250), method: 'landmark', selector: 'div.logo' },
    ],
    [
      'a channel strip classed top is not the landmark that sets the bottom: no other landmark, top band',
      [withLinks('top', 0, CHANNELS), element('w1200', 36, 200, 1200)],
      { box: band(250), method: 'top-band' },
    ],
    [
      'the main navigation bar is not a strip: its links are columns',
      [
        element('toubu', 0, 130),
        withLinks('main-nav', 130, ['网站首页', ...COLUMNS], 48),
        element('banner', 178, 300),
      ],
      { box: band(130), method: 'landmark', selector: 'div.toubu' },
    ],
    [
      'a nav bar with channel links but taller than a strip still ends the header',
      [element('header', 0, 140), withLinks('nav', 140, CHANNELS, 60), element('top-banner', 200, 80)],
      { box: band(140), method: 'landmark', selector: 'div.header' },
    ],
    [
      'one channel link is not a strip',
      [element('head', 0, 100), withLinks('nav', 100, ['English'], 40), element('banner', 140, 100)],
      { box: band(120), method: 'landmark', selector: 'div.head' },
    ],
    ['no landmark at all', [element('container', 0, 2000)], { box: band(250), method: 'top-band' }],
    ['zero-size landmarks are ignored', [element('header', 0, 0)], { box: band(250), method: 'top-band' }],
  ];

  it.each(cases)('%s', (_name, elements, expected) => {
    expect(decideHeaderArea(elements, WIDTH)).toEqual(expected);
  });
});

describe('isChannelStrip', () => {
  it.each([
    ['网站首页 | 无障碍 | 长者模式 | 简/繁 | 登录 | 手机版 | English', CHANNELS, true],
    [
      'half channel links, half others (a date is not a link)',
      ['设为首页', '加入收藏', '政务公开', '信息公开指南'],
      true,
    ],
    [
      '微信 微博 客户端 with one link to the parent portal',
      ['政务微信', '政务微博', '成都发布客户端', '四川省人民政府'],
      true,
    ],
    ['columns of the main navigation', COLUMNS, false],
    ['领导简介 is not 简', ['领导简介', '机构职能', '繁'], false],
  ])('%s', (_case, links, expected) => {
    expect(isChannelStrip(withLinks('top-links', 0, links), WIDTH)).toBe(expected);
  });

  it('is thin and wide', () => {
    expect(isChannelStrip(withLinks('top', 0, CHANNELS, 51), WIDTH)).toBe(false);
    expect(
      isChannelStrip(
        { ...withLinks('top', 0, CHANNELS), box: { x: 800, y: 0, width: 500, height: 30 } },
        WIDTH,
      ),
    ).toBe(false);
  });
});

describe('isInHeader', () => {
  const header: HeaderArea = { box: band(184), method: 'landmark' };
  it.each([
    ['centre inside the band', { x: 300, y: 60, width: 400, height: 50 }, true],
    ['centre exactly on the bottom edge', { x: 0, y: 174, width: 10, height: 20 }, true],
    ['a nav link just below', { x: 0, y: 184, width: 60, height: 48 }, false],
    ['a tall box whose centre is below', { x: 0, y: 100, width: 10, height: 200 }, false],
    ['no area', { x: 0, y: 50, width: 0, height: 20 }, false],
  ])('%s', (_name, box, expected) => {
    expect(isInHeader(box, header)).toBe(expected);
  });

  it('is false without a box', () => {
    expect(isInHeader(null, header)).toBe(false);
  });
});
