import { describe, expect, it } from 'vitest';
import { homepageColumns } from '../../../checks/lib/homepage-columns.ts';
import type { Box } from '../../../crawlers/artifacts.ts';
import { anchor, crawl, homepage, link, page, text } from '../fixtures/builders.ts';
import { crawledHomepage } from '../fixtures/list-pages.ts';

/** A block's title row at y = 420: its title (a text) and its 更多 link, where the layout puts them. */
interface Block {
  title?: Box;
  /** The tabs of a block of tabs, each a text on the title row. */
  tabs?: [string, Box][];
  more: Box;
  /** The 更多 link's text: an image without alt text has none. */
  moreText?: string;
  /** The column page's <title>. */
  pageTitle: string;
}

const row = (x: number, width: number): Box => ({ x, y: 420, width, height: 36 });

function blockColumn({ title, tabs = [], more, moreText = '更多>>', pageTitle }: Block): string | undefined {
  const titles: [string, Box][] = title ? [['通知公告', title], ...tabs] : tabs;
  const home = homepage({
    texts: titles.map(([name, box]) =>
      text(name, { tag: 'h3', box, inHeader: false, selector: 'div.tit > h3' }),
    ),
    links: [link(moreText, '/tzgg/', { box: more, selector: 'div.tit > a.more' })],
  });
  const site = crawl([crawledHomepage([]), page('/tzgg/', { title: pageTitle, depth: 1 })]);
  return homepageColumns(site, home, crawledHomepage([])).map((column) => column.name)[0];
}

describe('homepageColumns: a block’s 更多 link is named by its block', () => {
  it.each<[string, Block, string]>([
    [
      'two blocks a row, title left of 更多',
      { title: row(100, 64), more: row(620, 48), pageTitle: '栏目列表' },
      '通知公告',
    ],
    [
      'a block across a 1200 px page, 更多 floated right',
      { title: row(83, 64), more: row(1230, 48), pageTitle: '栏目列表' },
      '通知公告',
    ],
    [
      'a title drawn as an image: the page’s title, column first',
      { more: row(620, 48), pageTitle: '通知公告_某某县人民政府' },
      '通知公告',
    ],
    ['…or site first', { more: row(620, 48), pageTitle: '某某县人民政府-通知公告' }, '通知公告'],
    [
      '…with the site’s portal words',
      { more: row(620, 48), pageTitle: '某某县人民政府门户网站|通知公告' },
      '通知公告',
    ],
    [
      'a block of tabs: the tab its page names, not the nearest',
      {
        tabs: [
          ['通知公告', row(100, 64)],
          ['政策文件', row(180, 64)],
          ['人事信息', row(260, 64)],
        ],
        more: row(620, 48),
        pageTitle: '通知公告_某某县人民政府',
      },
      '通知公告',
    ],
    [
      'two blocks a row, the right one’s 更多: its own title, the nearer',
      {
        tabs: [
          ['政务动态', row(100, 64)],
          ['通知公告', row(700, 64)],
        ],
        more: row(1230, 48),
        pageTitle: '栏目列表',
      },
      '通知公告',
    ],
    [
      'two blocks a row, the right one’s title an image: its page’s name, not the left one’s title',
      { tabs: [['政务动态', row(100, 64)]], more: row(1230, 48), pageTitle: '通知公告_某某县人民政府' },
      '通知公告',
    ],
    [
      'an image 更多 with no alt text',
      { title: row(100, 64), more: row(640, 40), moreText: '', pageTitle: '栏目列表' },
      '通知公告',
    ],
  ])('%s', (_case, block, name) => {
    expect(blockColumn(block)).toBe(name);
  });
});

describe('homepageColumns: the 信息公开 grid', () => {
  it('names a column without the count its tree prints, which changes as entries come', () => {
    const grid = page('/xxgk/', {
      title: '政府信息公开_成都市人民政府',
      depth: 1,
      links: [
        anchor('人事信息(12)', '/xxgk/rsxx/'),
        anchor('规划计划（0）', '/xxgk/ghjh/'),
        anchor('财政预决算［3］', '/xxgk/czyjs/'),
        anchor('2024年工作总结(2)', '/xxgk/gzzj/'),
      ],
    });
    const columns = ['/xxgk/rsxx/', '/xxgk/ghjh/', '/xxgk/czyjs/', '/xxgk/gzzj/'].map((path) =>
      page(path, { depth: 2 }),
    );
    const home = homepage({ links: [link('信息公开', '/xxgk/', { box: row(100, 64) })] });
    const site = crawl([crawledHomepage([]), grid, ...columns]);
    expect(homepageColumns(site, home, crawledHomepage([])).map((c) => [c.name, c.kind])).toEqual([
      ['信息公开', 'other'],
      ['人事信息', 'long-period'],
      ['规划计划', 'long-period'],
      ['财政预决算', 'long-period'],
      ['2024年工作总结', 'other'],
    ]);
  });
});
