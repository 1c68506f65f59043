/**
 * HTML in the shape Sichuan government sites use: a top utility bar, a blue header band with the
 * emblem and the site name, a navigation bar, news lists with dates, and a footer carrying the
 * 主办单位, 网站标识码 and 备案 numbers.
 */
export interface GovPageParts {
  title: string;
  /** Declared charset; 'gbk' pages declare it only in <meta>, as many older sites do. */
  charset?: 'utf-8' | 'gbk';
  /** Inner HTML of the header band (the name, emblem, search box). */
  header: string;
  nav?: [text: string, href: string][];
  main: string;
  footer?: string;
  /** Extra markup for <head> (scripts, <base>). */
  head?: string;
}

const STYLE = `
body{margin:0;font:14px/1.6 "Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;color:#333;background:#f4f6f9}
.topbar{height:32px;line-height:32px;background:#eef2f7;font-size:12px;padding:0 40px;color:#666}
.topbar a{color:#666;margin-right:12px}
.header{height:130px;background:linear-gradient(#0b5cad,#1a73d1);color:#fff;display:flex;align-items:center;padding:0 40px}
.header img.emblem{width:72px;height:72px;margin-right:18px}
.header .site-name{font-size:34px;font-weight:bold;letter-spacing:4px}
.header form{margin-left:auto}
.nav{background:#08468a;height:44px;line-height:44px;padding:0 40px}
.nav a{color:#fff;margin-right:28px;font-size:16px;text-decoration:none}
.main{width:1160px;margin:16px auto;background:#fff;padding:16px 24px;min-height:360px}
.main li{list-style:none;border-bottom:1px dashed #ddd;display:flex;justify-content:space-between}
.footer{background:#2b3b4e;color:#cfd8e3;text-align:center;padding:18px;font-size:12px}
.footer a{color:#cfd8e3}`;

const EMBLEM = '/images/emblem.png';

export function govPage(p: GovPageParts): string {
  const charset = p.charset ?? 'utf-8';
  const meta =
    charset === 'gbk'
      ? '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
      : '<meta charset="utf-8">';
  const nav = (p.nav ?? []).map(([text, href]) => `<a href="${href}">${text}</a>`).join('');
  return `<!DOCTYPE html>
<html lang="zh-CN"><head>${meta}<title>${p.title}</title>
<link rel="stylesheet" href="/css/common.css"><style>${STYLE}</style>${p.head ?? ''}</head>
<body>
<div class="topbar"><a href="javascript:void(0)">无障碍</a><a href="javascript:void(0)">长者模式</a><a href="#main">跳到正文</a></div>
<div class="header" id="header">${p.header}</div>
<div class="nav">${nav}</div>
<div class="main" id="main">${p.main}</div>
<div class="footer">${p.footer ?? ''}</div>
</body></html>`;
}

export function emblem(): string {
  return `<img class="emblem" src="${EMBLEM}" alt="国徽">`;
}

export function searchBox(action = '/search/'): string {
  return `<form action="${action}" method="get"><input type="text" name="q" placeholder="请输入关键字"><button>搜索</button></form>`;
}

/** A news list: items of [title, href, date]. */
export function newsList(heading: string, items: [string, string, string][]): string {
  const rows = items
    .map(([t, href, date]) => `<li><a href="${href}">${t}</a><span>${date}</span></li>`)
    .join('');
  return `<h2>${heading}</h2><ul>${rows}</ul>`;
}

export function footer(org: string, siteCode: string, icp: string, police: string): string {
  return `主办：${org}　网站标识码：${siteCode}<br>${icp}　${police}`;
}

/** A plain inner page of a site. */
export function articlePage(
  title: string,
  siteName: string,
  body: string,
  charset?: 'utf-8' | 'gbk',
): string {
  return govPage({
    title: `${title}_${siteName}`,
    charset,
    header: `${emblem()}<span class="site-name">${siteName}</span>`,
    main: `<h1>${title}</h1>${body}`,
  });
}

/** A 1×1 transparent PNG, for emblem and banner images. */
export const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** A minimal PDF body, for gazette downloads. */
export const MINIMAL_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
