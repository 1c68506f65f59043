import { describe, expect, it } from 'vitest';
import type { Box } from '../../../crawlers/artifacts.ts';
import {
  decideHeaderArea,
  type HeaderArea,
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
    ['no landmark at all', [element('container', 0, 2000)], { box: band(250), method: 'top-band' }],
    ['zero-size landmarks are ignored', [element('header', 0, 0)], { box: band(250), method: 'top-band' }],
  ];

  it.each(cases)('%s', (_name, elements, expected) => {
    expect(decideHeaderArea(elements, WIDTH)).toEqual(expected);
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
