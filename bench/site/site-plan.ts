import { articleTitle, paragraph, publishDate } from './chinese-text.ts';
import { Random } from './random.ts';

export type PageCharset = 'utf-8' | 'gbk' | 'gb2312';

/** A link as written in the HTML: a root-relative path on the site, or an absolute URL elsewhere. */
export interface PlannedLink {
  href: string;
  text: string;
}

export interface PlannedPage {
  id: number;
  /** The path, unencoded (topic paths are Chinese, as on many real sites). */
  path: string;
  kind: 'home' | 'column' | 'topic' | 'article';
  charset: PageCharset;
  title: string;
  date: string;
  /** The news list: child pages, or related articles on a leaf page. */
  list: PlannedLink[];
  /** The 热点 box: a few pages anywhere on the site. */
  hot: PlannedLink[];
  images: string[];
  attachments: PlannedLink[];
  /** Links to the other server (中国政府网 and the like), all working. */
  external: PlannedLink[];
  /** Planted broken links, put in the article body's 相关链接. */
  broken: PlannedLink[];
  paragraphs: string[];
}

/** How a planted broken target fails. */
export type BreakKind = 'not-found' | 'server-error' | 'refused' | 'soft-404';

export interface BrokenTarget {
  href: string;
  kind: BreakKind;
}

export interface SitePlan {
  pages: PlannedPage[];
  /** The navigation bar every page carries: the homepage, the columns, the topics. */
  nav: PlannedLink[];
  broken: BrokenTarget[];
  /** Static files that exist: images, attachments, stylesheets and scripts. */
  files: string[];
}

export interface PlanOptions {
  pages: number;
  /** Origin of the other, working server (e.g. http://127.0.0.1:40001). */
  externalOrigin: string;
  /** Origin of a port where nothing listens. */
  refusedOrigin: string;
}

const COLUMNS = [
  '政务动态',
  '通知公告',
  '政策文件',
  '政府信息公开',
  '政府公报',
  '政务服务',
  '互动交流',
  '数据发布',
];
const TOPICS = ['乡村振兴', '营商环境', '民生实事', '安全生产'];
const FIRST_ARTICLE = 1 + COLUMNS.length + TOPICS.length;
/** Children listed by each page: the site is a 12-ary tree, so every page is within 4 clicks. */
const BRANCHING = 12;
export const MIN_PAGES = FIRST_ARTICLE + BRANCHING * 2;
export const STATIC_FILES = [
  '/static/css/main.css',
  '/static/js/jquery-1.12.4.min.js',
  '/static/js/common.js',
  '/static/img/logo.png',
];

/** The same plan for the same options, every time. */
export function planSite(options: PlanOptions): SitePlan {
  const { pages: count } = options;
  if (!Number.isInteger(count) || count < MIN_PAGES) {
    throw new Error(`The generated site needs an integer page count of at least ${MIN_PAGES}, got ${count}`);
  }
  const random = new Random(20240601 + count);
  const imagePool = Array.from(
    { length: Math.max(20, Math.round(count / 15)) },
    (_, k) => `/uploads/img/${k}.jpg`,
  );
  const filePool = Array.from(
    { length: Math.max(10, Math.round(count / 20)) },
    (_, k) => `/uploads/file/P0202${k}.pdf`,
  );
  const pages = Array.from({ length: count }, (_, id) => skeleton(id, random));
  const link = (id: number): PlannedLink => ({ href: pages[id]!.path, text: pages[id]!.title });

  for (const page of pages) {
    const children = childrenOf(page.id, count).map(link);
    const related = Array.from({ length: 6 }, () => link(random.int(FIRST_ARTICLE, count - 1)));
    page.list = children.length > 0 ? children : related;
    page.hot = Array.from({ length: 4 }, () => link(random.int(1, count - 1)));
    page.images = Array.from({ length: random.int(0, 2) }, () => random.pick(imagePool));
    page.attachments = Array.from({ length: page.kind === 'article' ? random.int(0, 2) : 0 }, (_, k) => ({
      href: random.pick(filePool),
      text: `附件${k + 1}：${page.title.slice(0, 12)}.pdf`,
    }));
    page.external = [
      { href: `${options.externalOrigin}/`, text: '中国政府网' },
      { href: `${options.externalOrigin}/sc/index.html`, text: '四川省人民政府' },
    ];
    if (random.next() < 0.1) {
      page.external.push({
        href: `${options.externalOrigin}/gov/art_${random.int(0, 39)}.html`,
        text: '国务院政策文件库',
      });
    }
  }

  const broken = plantBroken(count, options.refusedOrigin);
  for (const target of broken) {
    for (let k = random.int(1, 3); k > 0; k--) {
      pages[random.int(1, count - 1)]!.broken.push({ href: target.href, text: brokenText(target) });
    }
  }
  return {
    pages,
    nav: [0, ...Array.from({ length: FIRST_ARTICLE - 1 }, (_, k) => k + 1)].map((id) => ({
      href: pages[id]!.path,
      text: id === 0 ? '首页' : pages[id]!.title,
    })),
    broken,
    files: [...STATIC_FILES, ...imagePool, ...filePool],
  };
}

function skeleton(id: number, random: Random): PlannedPage {
  const date = publishDate(random);
  const base = {
    id,
    date: date.text,
    list: [],
    hot: [],
    images: [],
    attachments: [],
    external: [],
    broken: [],
  };
  // Even pages are UTF-8; odd ones GBK (or its older label GB2312) declared only in <meta>.
  const charset: PageCharset = id % 2 === 0 ? 'utf-8' : id % 4 === 1 ? 'gbk' : 'gb2312';
  const paragraphs = Array.from({ length: random.int(4, 8) }, () => paragraph(random, random.int(3, 6)));
  if (id === 0)
    return { ...base, path: '/', kind: 'home', charset, title: '四川省某某市人民政府', paragraphs: [] };
  if (id <= COLUMNS.length) {
    return {
      ...base,
      path: `/col/col${2000 + id}/index.html`,
      kind: 'column',
      charset,
      title: COLUMNS[id - 1]!,
      paragraphs: [],
    };
  }
  if (id < FIRST_ARTICLE) {
    const topic = TOPICS[id - 1 - COLUMNS.length]!;
    return {
      ...base,
      path: `/zt/${topic}/index.html`,
      kind: 'topic',
      charset,
      title: `${topic}专题`,
      paragraphs,
    };
  }
  const path = `/art/${date.year}/${date.month}/${date.day}/art_${2000 + (id % COLUMNS.length) + 1}_${id}.html`;
  return { ...base, path, kind: 'article', charset, title: articleTitle(random, date.year), paragraphs };
}

function childrenOf(id: number, count: number): number[] {
  if (id === 0) return [];
  const first = id * BRANCHING + 1;
  return Array.from({ length: BRANCHING }, (_, k) => first + k).filter((child) => child < count);
}

/** The planted broken targets, scaled with the site: mostly 404s, some 500s, soft 404s and a dead server. */
function plantBroken(count: number, refusedOrigin: string): BrokenTarget[] {
  const scaled = (per: number) => Math.max(2, Math.round(count / per));
  const targets: BrokenTarget[] = [];
  const add = (n: number, kind: BreakKind, href: (k: number) => string) => {
    for (let k = 0; k < n; k++) targets.push({ href: href(k), kind });
  };
  add(scaled(100), 'not-found', (k) => `/art/2018/5/${(k % 28) + 1}/art_1999_${k}.html`);
  add(scaled(200), 'not-found', (k) => `/uploads/img/old/${k}.jpg`);
  add(scaled(200), 'not-found', (k) => `/uploads/file/P0201${k}.pdf`);
  add(scaled(200), 'server-error', (k) => `/cms/show_${k}.html`);
  add(scaled(200), 'soft-404', (k) => `/art/2017/info_${k}.html`);
  add(3, 'refused', (k) => `${refusedOrigin}/old/site_${k}.html`);
  return targets;
}

function brokenText(target: BrokenTarget): string {
  if (target.href.endsWith('.pdf')) return '附件：申报材料.pdf';
  if (target.href.endsWith('.jpg')) return '图片新闻';
  return target.kind === 'refused' ? '原市政务服务网' : '往期相关报道';
}
