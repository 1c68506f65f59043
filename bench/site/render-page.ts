import type { PageCharset, PlannedLink, PlannedPage, SitePlan } from './site-plan.ts';

const SITE_NAME = '四川省某某市人民政府';

/** The page's HTML as text; the caller encodes it in `page.charset`. */
export function renderPage(plan: SitePlan, page: PlannedPage): string {
  const main = `${page.kind === 'home' ? '' : `<div class="position">当前位置：<a href="/">首页</a> &gt; ${escapeHtml(page.title)}</div>`}
${body(page)}
${list(
  '相关链接',
  page.broken.filter((link) => !link.href.endsWith('.jpg')),
)}
${page.kind === 'article' ? list('相关文章', page.list) : list('最新信息', page.list, 'h3')}
${list('热点关注', page.hot)}`;
  const title = page.kind === 'home' ? SITE_NAME : `${page.title}_${SITE_NAME}`;
  return frame(plan, page.charset, title, page.title, main, page.external);
}

/**
 * What the CMS answers, with status 200 and in the site's own template, for an article that was taken
 * down (大汉-style 该信息已删除): a soft 404 that only its wording on an otherwise empty page gives away.
 */
export function deletedArticlePage(plan: SitePlan, charset: PageCharset): string {
  const main = `<div class="position">当前位置：<a href="/">首页</a> &gt; 信息浏览</div>
<div class="article"><div class="tips"><p>对不起，该信息已删除或已过期！</p><p><a href="/">返回首页</a></p></div></div>`;
  return frame(plan, charset, `信息浏览_${SITE_NAME}`, '信息浏览', main, []);
}

function frame(
  plan: SitePlan,
  charset: PageCharset,
  title: string,
  columnName: string,
  main: string,
  external: PlannedLink[],
): string {
  // The charset declaration comes first so it falls inside the 1024 bytes a browser prescans.
  const meta =
    charset === 'utf-8'
      ? '<meta charset="utf-8">'
      : `<meta http-equiv="Content-Type" content="text/html; charset=${charset}">`;
  return `<!DOCTYPE html>
<html lang="zh-CN"><head>${meta}
<title>${escapeHtml(title)}</title>
<meta name="SiteName" content="${SITE_NAME}"><meta name="ColumnName" content="${escapeHtml(columnName)}">
<link rel="stylesheet" href="/static/css/main.css">
<script src="/static/js/jquery-1.12.4.min.js"></script><script src="/static/js/common.js"></script>
</head>
<body>
<div class="topbar"><a href="javascript:void(0)">无障碍浏览</a><a href="javascript:void(0)">长者模式</a><a href="#main">跳到正文</a></div>
<div class="header"><img class="logo" src="/static/img/logo.png" alt="国徽"><span class="site-name">${SITE_NAME}</span></div>
<div class="nav">${plan.nav.map(anchor).join('')}</div>
<div class="main" id="main">
${main}
</div>
<div class="footer"><div class="links">${external.map(anchor).join('')}</div>
主办：某某市人民政府办公室　<a href="mailto:zwgk@example.gov.cn">联系我们</a>　网站标识码：5101000001　蜀ICP备05000000号</div>
</body></html>
`;
}

function body(page: PlannedPage): string {
  const heading =
    page.kind === 'article'
      ? `<h1>${escapeHtml(page.title)}</h1><div class="info">发布时间：${page.date}　来源：${SITE_NAME}办公室</div>`
      : '';
  const images = [
    ...page.images,
    ...page.broken.filter((link) => link.href.endsWith('.jpg')).map((link) => link.href),
  ];
  const figures = images.map((src, k) => `<p class="pic"><img src="${src}" alt="图${k + 1}"></p>`).join('');
  const text = page.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const attachments =
    page.attachments.length > 0
      ? `<div class="attachments">附件：${page.attachments.map(anchor).join('<br>')}</div>`
      : '';
  return `<div class="article">${heading}${figures}${text}${attachments}</div>`;
}

/** A list of links under a heading; column pages set each entry's title in an `<h3>`, as many templates do. */
function list(heading: string, links: PlannedLink[], entryTag?: 'h3'): string {
  if (links.length === 0) return '';
  const entry = (link: PlannedLink) =>
    entryTag ? `<${entryTag}>${anchor(link)}</${entryTag}>` : anchor(link);
  const items = links.map((link) => `<li>${entry(link)}</li>`).join('');
  return `<h2>${heading}</h2><ul>${items}</ul>`;
}

function anchor(link: PlannedLink): string {
  return `<a href="${escapeHtml(link.href)}" target="_blank">${escapeHtml(link.text)}</a>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A CMS's "page does not exist" answer, served with status 200. */
export const SOFT_NOT_FOUND_PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>页面不存在</title></head>
<body><div class="error"><h1>抱歉，您访问的页面不存在或已被删除</h1><p><a href="/">返回首页</a></p></div></body></html>`;

export const NOT_FOUND_PAGE =
  '<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center><hr><center>nginx</center></body></html>';

export const SERVER_ERROR_PAGE =
  '<html><head><meta charset="utf-8"><title>500 Internal Server Error</title></head><body><h1>系统繁忙，数据库连接失败</h1></body></html>';
