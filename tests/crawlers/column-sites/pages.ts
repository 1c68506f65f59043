import type { RequestListener } from 'node:http';
import iconv from 'iconv-lite';

/**
 * Fixture sites for the column rules, served side by side under path prefixes of one server: a
 * compliant county portal written as TRS WCM writes it (GBK, folders /zwgk/rsxx/, articles
 * ./202611/t20261120_1.html, a strip of channels with no nav class and a 通知公告 bar right under it),
 * and 大汉 (Hanweb) portals whose 信息公开 page (/col/col100/index.html) holds a grid of deep columns,
 * blank (暂无信息), a year stale (the first of them printing no date at all), or six months stale,
 * as many of each as asked.
 */
export const NOW = new Date('2026-11-25T10:00:00+08:00');

const DAY = 86_400_000;

/** The Shanghai calendar day `days` before NOW: [year, month, day] as two-digit strings. */
function dayBefore(days: number): [string, string, string] {
  const day = new Date(NOW.getTime() + 8 * 3_600_000 - days * DAY);
  const pad = (n: number) => String(n).padStart(2, '0');
  return [String(day.getUTCFullYear()), pad(day.getUTCMonth() + 1), pad(day.getUTCDate())];
}

/** A page to serve: its HTML, GBK-encoded (declared only in its meta, as TRS servers do) or UTF-8. */
interface Served {
  html: string;
  gbk?: boolean;
}

// ——— TRS: the compliant site ———

/** An entry of a TRS list: ./202611/t20261120_4501.html under its column's folder, dated `days` ago. */
function trsEntry(folder: string, title: string, days: number, id: number): string {
  const [y, m, d] = dayBefore(days);
  return `<li><a href="${folder}${y}${m}/t${y}${m}${d}_${id}.html" target="_blank" title="${title}">${title}</a><span>${y}-${m}-${d}</span></li>`;
}

const TRS_STYLE = `<style>body{margin:0;font:12px/24px "SimSun",sans-serif}.w1200{width:1200px;margin:0 auto}
.top{height:150px;background:#1a5fb4;color:#fff;font-size:40px;line-height:150px}
.dh{height:46px;background:#0a3f86}.dh li{float:left;list-style:none}.dh ul{margin:0;padding:0}
.dh a{display:block;padding:0 28px;line-height:46px;color:#fff;font-size:16px}
.tzgg-bar{height:36px;line-height:36px;background:#f5f5f5}.tzgg-bar b{color:#c00;margin-right:10px}
.tzgg-bar span{margin-left:20px;color:#999}
.bk{float:left;width:585px;margin:10px 15px 0 0}.bk .tit{height:36px;border-bottom:2px solid #0a3f86}
.bk .tit h3{float:left;margin:0;font-size:16px;line-height:36px}.bk .tit a.more{float:right;line-height:36px}
.bk ul{margin:0;padding:0}.bk li{list-style:none;overflow:hidden}.bk li span{float:right;color:#999}
.clear{clear:both}.bottom{background:#f1f1f1;text-align:center;padding:15px 0;margin-top:20px}</style>`;

const TRS_NAV = `<div class="dh"><ul class="w1200">
<li><a href="/trs/">首页</a></li><li><a href="/trs/zwgk/">政务公开</a></li><li><a href="/trs/zwdt/">政务动态</a></li>
<li><a href="/trs/tzgg/">通知公告</a></li><li><a href="/trs/zcwj/">政策文件</a></li><li><a href="/trs/zwfw/">政务服务</a></li>
<li><a href="/trs/hdjl/">互动交流</a></li></ul></div>`;

function trsPage(title: string, body: string): string {
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<meta name="SiteName" content="某某县人民政府" /><meta name="ColumnName" content="${title}" />
<title>${title}_某某县人民政府</title>${TRS_STYLE}</head><body>
<div class="top"><div class="w1200">某某县人民政府</div></div>
${TRS_NAV}
${body}
<div class="bottom">主办单位：某某县人民政府办公室&nbsp;&nbsp;网站标识码：5105210001</div>
</body></html>`;
}

/** A TRS column page: its breadcrumb, its list and the pager TRS writes (createPageHTML). */
function trsColumn(name: string, folder: string, entries: [string, number][]): Served {
  const id = 4500 + folder.length * 10;
  const list = entries.map(([title, days], i) => trsEntry('./', title, days, id + i)).join('\n');
  return {
    gbk: true,
    html: trsPage(
      name,
      `<div class="w1200"><div class="wz">当前位置：<a href="/trs/">首页</a> &gt; <span>${name}</span></div>
<div class="list bk" style="width:1200px"><ul>
${list}
</ul><div class="page"><script>createPageHTML(3, 0, "index", "html");</script></div></div></div>`,
    ),
  };
}

function trsSite(): Record<string, Served> {
  const block = (name: string, folder: string, entries: [string, number][]) =>
    `<div class="bk"><div class="tit"><h3>${name}</h3><a class="more" href="/trs/${folder}/">更多&gt;&gt;</a></div><ul>
${entries.map(([title, days], i) => trsEntry(`./${folder}/`, title, days, 4500 + folder.length * 10 + i)).join('\n')}
</ul></div>`;
  const news: [string, number][] = [
    ['县委常委会召开会议传达学习全会精神', 1],
    ['全县冬季安全生产工作会议召开', 3],
    ['县政府召开第三十二次常务会议', 6],
  ];
  const notices: [string, number][] = [
    ['关于做好2026年冬季森林防火工作的通知', 1],
    ['关于2026年度县级机关公开遴选公务员的公告', 12],
    ['关于开展冬季消防安全大检查的通知', 25],
  ];
  const policies: [string, number][] = [
    ['某某县人民政府关于印发冬春农田水利建设方案的通知', 40],
    ['某某县人民政府办公室关于进一步规范政务服务的意见', 90],
  ];
  const grid = [
    ['机构职能', 'jgzn'],
    ['人事信息', 'rsxx'],
    ['规划计划', 'ghjh'],
    ['财政预决算', 'czyjs'],
    ['统计信息', 'tjxx'],
  ];
  const home = trsPage(
    '首页',
    `<div class="tzgg-bar"><div class="w1200"><b>通知公告：</b><a href="./tzgg/${dayBefore(1)[0]}${dayBefore(1)[1]}/t${dayBefore(1).join('')}_4540.html" target="_blank">${notices[0]![0]}</a><span>${dayBefore(1).join('-')}</span></div></div>
<div class="w1200">${block('政务动态', 'zwdt', news)}${block('通知公告', 'tzgg', notices)}<div class="clear"></div>
${block('政策文件', 'zcwj', policies)}<div class="bk"><div class="tit"><h3>政府信息公开</h3></div>
<p><a href="/trs/zwgk/">政府信息公开目录</a></p></div><div class="clear"></div></div>`,
  );
  return {
    '/trs/': { gbk: true, html: home },
    '/trs/zwdt/': trsColumn('政务动态', 'zwdt', news),
    '/trs/tzgg/': trsColumn('通知公告', 'tzgg', notices),
    '/trs/zcwj/': trsColumn('政策文件', 'zcwj', policies),
    '/trs/zwgk/': {
      gbk: true,
      html: trsPage(
        '政务公开',
        `<div class="w1200"><div class="xxgk-ml"><h3>政府信息公开目录</h3><ul>
${grid.map(([name, folder]) => `<li><a href="./${folder}/">${name}</a></li>`).join('')}
</ul></div></div>`,
      ),
    },
    '/trs/zwgk/jgzn/': {
      gbk: true,
      html: trsPage(
        '机构职能',
        '<div class="w1200"><h3>机构职能</h3><p>某某县人民政府办公室是县政府的办事机构。</p></div>',
      ),
    },
    '/trs/zwgk/rsxx/': trsColumn('人事信息', 'rsxx', [['某某县人民政府关于张某某等同志职务任免的通知', 60]]),
    '/trs/zwgk/ghjh/': trsColumn('规划计划', 'ghjh', [['某某县国民经济和社会发展第十五个五年规划纲要', 150]]),
    '/trs/zwgk/czyjs/': trsColumn('财政预决算', 'czyjs', [['某某县2026年县级财政预算公开说明', 200]]),
    '/trs/zwgk/tjxx/': trsColumn('统计信息', 'tjxx', [['2026年1-10月全县主要经济指标', 20]]),
    '/trs/zwfw/': {
      gbk: true,
      html: trsPage('政务服务', '<div class="w1200"><p>个人办事　法人办事　办事指南</p></div>'),
    },
    '/trs/hdjl/': {
      gbk: true,
      html: trsPage('互动交流', '<div class="w1200"><p>县长信箱　在线访谈</p></div>'),
    },
  };
}

// ——— 大汉: the 信息公开 grid ———

/** How many columns of the 信息公开 grid are blank, a year stale (yearly kinds), six months stale (notices). */
export interface GridCounts {
  blank: number;
  yearStale: number;
  halfYearStale: number;
}

const BLANK_NAMES = ['重大建设项目', '公共资源配置', '审计信息', '国有企业信息', '环境保护', '安全生产'];
const YEARLY_NAMES = [
  '人事任免',
  '公务员招录',
  '事业单位招聘',
  '发展规划',
  '年度计划',
  '统计数据',
  '统计公报',
  '财政预算',
  '财政决算',
  '部门预决算',
];
const NOTICE_NAMES = ['通知公告', '政策文件', '规范性文件', '公示公告', '部门文件'];

const HANWEB_STYLE = `<style>body{margin:0;font:14px/26px "Microsoft YaHei",sans-serif}.w1200{width:1200px;margin:0 auto}
.head{height:140px;background:#b3121a;color:#fff;font-size:38px;line-height:140px}
.menu{height:48px;background:#8c0d13;margin:0;padding:0}.menu li{float:left;list-style:none}
.menu a{display:block;padding:0 30px;line-height:48px;color:#fff;font-size:16px}
.bt{float:left;width:580px;margin:12px 20px 0 0}.bt .bt-title{height:38px;border-bottom:2px solid #b3121a}
.bt-title span{float:left;font-size:17px;line-height:38px}.bt-title a{float:right;line-height:38px}
.bt li span,.default_pgContainer li span{float:right;color:#888}.clear{clear:both}
.left-tree{float:left;width:220px}.right-list{float:right;width:950px}</style>`;

function hanwebPage(prefix: string, title: string, body: string): string {
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta name="SiteName" content="某某区人民政府"><meta name="ColumnName" content="${title}">
<title>${title} - 某某区人民政府</title>${HANWEB_STYLE}</head><body>
<div class="head"><div class="w1200">某某区人民政府</div></div>
<ul class="menu w1200"><li><a href="${prefix}/index.html">首页</a></li><li><a href="${prefix}/col/col100/index.html">信息公开</a></li><li><a href="${prefix}/col/col101/index.html">政务动态</a></li><li><a href="${prefix}/col/col102/index.html">政务服务</a></li><li><a href="${prefix}/col/col103/index.html">互动交流</a></li></ul>
<div class="w1200">${body}</div>
<table class="foot w1200"><tr><td>主办：某某区人民政府办公室　网站标识码：5110020001　技术支持：大汉网络</td></tr></table>
</body></html>`;
}

/** A 大汉 article address and list entry (/art/2025/10/20/art_201_3.html), dated `days` ago. */
function hanwebEntry(prefix: string, col: number, title: string, days: number, n: number): string {
  const [y, m, d] = dayBefore(days);
  return `<li><a href="${prefix}/art/${y}/${m}/${d}/art_${col}_${n}.html" target="_blank" title="${title}">${title}</a><span>${y}-${m}-${d}</span></li>`;
}

interface GridColumn {
  name: string;
  col: number;
  /** Days since its entries; 'undated', a list printing no date (未注明信息发布时间); none, a blank column. */
  days?: number | 'undated';
}

function hanwebColumn(prefix: string, column: GridColumn, siblings: readonly GridColumn[]): string {
  const tree = siblings
    .map((c) => `<li><a href="${prefix}/col/col${c.col}/index.html">${c.name}</a></li>`)
    .join('');
  const { days } = column;
  const undated = ['关于某某事项的公开信息', '某某事项的办理情况', '某某工作的实施方案'].map(
    (title, n) =>
      `<li><a href="${prefix}/art/2025/3/${n + 2}/art_${column.col}_${n + 1}.html" target="_blank">${column.name}：${title}</a></li>`,
  );
  const list =
    days === undefined
      ? '<p class="nodata" style="text-align:center">暂无信息</p>'
      : days === 'undated'
        ? `<ul>${undated.join('')}</ul>`
        : `<ul>
${hanwebEntry(prefix, column.col, `${column.name}：关于某某事项的公开信息`, days, 1)}
${hanwebEntry(prefix, column.col, `${column.name}：某某事项的办理情况`, days + 9, 2)}
</ul>`;
  return hanwebPage(
    prefix,
    column.name,
    `<div class="left-tree"><h3>信息公开目录</h3><ul>${tree}</ul></div>
<div class="right-list"><div class="wz">您的位置：<a href="${prefix}/index.html">首页</a> &gt; <a href="${prefix}/col/col100/index.html">信息公开</a> &gt; ${column.name}</div><div class="default_pgContainer">${list}</div></div><div class="clear"></div>`,
  );
}

function hanwebSite(prefix: string, counts: GridCounts): Record<string, Served> {
  let col = 200;
  const grid: GridColumn[] = [
    ...BLANK_NAMES.slice(0, counts.blank).map((name) => ({ name, col: col++ })),
    // The first prints no date at all: not updated either (未注明信息发布时间的视为不更新).
    ...YEARLY_NAMES.slice(0, counts.yearStale).map(
      (name, i): GridColumn => ({ name, col: col++, days: i === 0 ? 'undated' : 400 }),
    ),
    ...NOTICE_NAMES.slice(0, counts.halfYearStale).map((name) => ({ name, col: col++, days: 200 })),
    // Fresh ones beside them, of each kind.
    { name: '机构概况', col: col++, days: 30 },
    { name: '人事信息', col: col++, days: 90 },
    { name: '政策解读', col: col++, days: 10 },
  ];
  const news = [
    hanwebEntry(prefix, 101, '区委常委会召开扩大会议', 1, 1),
    hanwebEntry(prefix, 101, '全区经济运行分析会召开', 4, 2),
  ].join('\n');
  const home = hanwebPage(
    prefix,
    '首页',
    `<div class="bt"><div class="bt-title"><span>政务动态</span><a href="${prefix}/col/col101/index.html">更多&gt;&gt;</a></div><ul>
${news}</ul></div><div class="bt"><div class="bt-title"><span>信息公开</span><a href="${prefix}/col/col100/index.html">更多&gt;&gt;</a></div>
<p>政府信息公开指南　政府信息公开制度　政府信息公开年报</p></div><div class="clear"></div>`,
  );
  const pages: Record<string, Served> = {
    [`${prefix}/`]: { html: home },
    [`${prefix}/index.html`]: { html: home },
    [`${prefix}/col/col100/index.html`]: {
      html: hanwebPage(
        prefix,
        '信息公开',
        `<div class="zfxxgk-ml"><h3>政府信息公开目录</h3><ul>${grid
          .map((c) => `<li><a href="${prefix}/col/col${c.col}/index.html">${c.name}</a></li>`)
          .join('')}</ul></div>`,
      ),
    },
    [`${prefix}/col/col101/index.html`]: {
      html: hanwebPage(prefix, '政务动态', `<div class="default_pgContainer"><ul>${news}</ul></div>`),
    },
    [`${prefix}/col/col102/index.html`]: {
      html: hanwebPage(prefix, '政务服务', '<p>个人办事　法人办事</p>'),
    },
    [`${prefix}/col/col103/index.html`]: {
      html: hanwebPage(prefix, '互动交流', '<p>区长信箱　在线访谈</p>'),
    },
  };
  for (const column of grid) {
    pages[`${prefix}/col/col${column.col}/index.html`] = { html: hanwebColumn(prefix, column, grid) };
  }
  return pages;
}

/** An article of either platform. */
function articlePage(): Served {
  return {
    html: `<!DOCTYPE html><html><head><meta charset="utf-8"><title>信息公开内容</title></head><body>
<h1>信息公开内容</h1><p>正文。</p></body></html>`,
  };
}

/** The sites this module serves, by prefix: the compliant TRS site, and 大汉 grids with these counts. */
export function columnSitesHandler(grids: Record<string, GridCounts>): RequestListener {
  const pages: Record<string, Served> = { ...trsSite() };
  for (const [prefix, counts] of Object.entries(grids)) Object.assign(pages, hanwebSite(prefix, counts));
  return (request, response) => {
    const path = new URL(request.url ?? '/', 'http://fixture').pathname;
    const page = pages[path] ?? (/\/art\/|\/t\d{8}_\d+\.html$/.test(path) ? articlePage() : undefined);
    if (page === undefined) {
      response
        .writeHead(404, { 'content-type': 'text/html; charset=utf-8' })
        .end('<title>404 Not Found</title>');
    } else if (page.gbk) {
      response.writeHead(200, { 'content-type': 'text/html' }).end(iconv.encode(page.html, 'gbk'));
    } else {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page.html);
    }
  };
}
