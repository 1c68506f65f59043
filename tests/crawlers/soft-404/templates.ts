/**
 * Pages of two made-up Sichuan sites as their CMSs generate them: a TRS WCM department site (channel
 * folders, t20240612_1234567.html articles, a TRS_Editor body) and a 大汉 Hanweb county portal
 * (/col/col123/index.html, /art/2024/6/12/art_123_4567.html, a #zoom body), GBK declared in <meta>.
 */

const TRS_NAME = '四川省某某厅';
const HANWEB_NAME = '某某县人民政府';

/** A page of the TRS site: header, channel bar, 当前位置, the main part given, the footer. */
export function trsPage(title: string, main: string): string {
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${title}</title>
<meta name="SiteName" content="${TRS_NAME}"><meta name="SiteDomain" content="kjt.example.gov.cn">
<link rel="stylesheet" href="/images/common.css"><script src="/images/jquery.min.js"></script></head>
<body>
<div class="top"><div class="w1200"><span class="date">今天是：<script>document.write(new Date().toLocaleDateString())</script></span>
<a href="javascript:void(0)" id="wza">无障碍</a> <a href="javascript:void(0)">长者模式</a> <a href="/jsjg/">简</a>|<a href="/big5/">繁</a></div></div>
<div class="header"><div class="w1200"><a href="/"><img src="/images/logo.png" alt="${TRS_NAME}"></a>
<form action="/was5/web/search" method="get" class="search"><input type="text" name="searchword" placeholder="请输入关键字"><input type="submit" value="搜索"></form></div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/xwzx/">新闻中心</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/zcwj/">政策文件</a></li><li><a href="/bsfw/">办事服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/ztzl/">专题专栏</a></li></ul></div>
<div class="w1200 main">${main}</div>
<div class="footer"><div class="w1200"><p><a href="/wzdt/">网站地图</a> | <a href="/lxwm/">联系我们</a> | <a href="/sybz/">使用帮助</a></p>
<p>主办单位：${TRS_NAME}　承办单位：${TRS_NAME}信息中心　地址：成都市锦江区某某路88号　邮编：610000</p>
<p>网站标识码：5100000099　<a href="https://beian.miit.gov.cn/">蜀ICP备05000088号-1</a>　川公网安备 51010402000088号</p></div></div>
</body></html>`;
}

/** The TRS site's not-found page, served by its web server for any missing path (as /404.html). */
export const TRS_NOT_FOUND = trsPage(
  `页面不存在_${TRS_NAME}`,
  `<div class="err404"><img src="/images/404.png" alt="404"><p class="tips">抱歉，您访问的页面不存在或已被删除！</p>
<p><a href="/">返回首页</a>　<a href="javascript:history.back()">返回上一页</a></p></div>`,
);

/** A TRS article page. */
export function trsArticle(title: string, date: string, paragraphs: string[]): string {
  return trsPage(
    `${title}_${TRS_NAME}`,
    `<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/xwzx/">新闻中心</a> &gt; <a href="/xwzx/gzdt/">工作动态</a></div>
<div class="article"><h1>${title}</h1><div class="info">发布时间：${date}　来源：${TRS_NAME}办公室　【字体：<a href="javascript:void(0)">大</a> <a href="javascript:void(0)">中</a> <a href="javascript:void(0)">小</a>】</div>
<div class="TRS_Editor">${paragraphs.map((p) => `<p style="text-indent:2em">${p}</p>`).join('\n')}</div>
<div class="print"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div></div>`,
  );
}

/** A TRS column page listing links (with dates), in the channel's template. */
export function trsColumn(name: string, entries: [title: string, href: string, date: string][]): string {
  const items = entries.map(
    ([t, href, date]) => `<li><a href="${href}" target="_blank">${t}</a><span>${date}</span></li>`,
  );
  return trsPage(
    `${name}_${TRS_NAME}`,
    `<div class="position">当前位置：<a href="/">首页</a> &gt; ${name}</div><div class="list"><ul>${items.join('')}</ul></div>`,
  );
}

/** A page of the Hanweb county portal (the caller encodes it in GBK). */
export function hanwebPage(title: string, main: string): string {
  return `<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>${title}</title>
<meta name="SiteName" content="${HANWEB_NAME}"><meta name="ColumnName" content="政务动态">
<script src="/script/jquery.js"></script></head>
<body>
<table width="1000" align="center" cellspacing="0" cellpadding="0"><tr><td class="tbg"><img src="/picture/0/banner.jpg" alt="${HANWEB_NAME}"></td></tr></table>
<table width="1000" align="center" class="nav"><tr><td><a href="/">首页</a></td><td><a href="/col/col1001/index.html">走进某某</a></td>
<td><a href="/col/col1002/index.html">政务动态</a></td><td><a href="/col/col1003/index.html">信息公开</a></td><td><a href="/col/col1004/index.html">政务服务</a></td>
<td><a href="/col/col1005/index.html">互动交流</a></td></tr></table>
<table width="1000" align="center"><tr><td class="main">${main}</td></tr></table>
<table width="1000" align="center" class="bottom"><tr><td>主办：${HANWEB_NAME}办公室　技术支持：大汉网络<br>
网站标识码：5134000012　蜀ICP备12000012号　<img src="/picture/0/ghs.png" alt="">川公网安备 51340002000012号</td></tr></table>
</body></html>`;
}

/** A Hanweb article page with its #zoom body. */
export function hanwebArticle(title: string, date: string, paragraphs: string[]): string {
  return hanwebPage(
    `${title}_${HANWEB_NAME}`,
    `<table width="100%"><tr><td class="title">${title}</td></tr>
<tr><td class="info">发布日期：${date}　信息来源：县政府办　浏览次数：<span id="c">0</span></td></tr>
<tr><td><div id="zoom">${paragraphs.map((p) => `<p>${p}</p>`).join('')}</div></td></tr></table>`,
  );
}

/** What the Hanweb CMS answers, with 200, for an article taken down. */
export const HANWEB_DELETED = hanwebPage(
  `信息浏览_${HANWEB_NAME}`,
  '<table width="100%"><tr><td align="center" height="300"><font color="red">该信息已删除！</font><br><a href="/">返回首页</a></td></tr></table>',
);

/** Paragraphs long enough for an article. */
export const BODY = [
  '为深入贯彻落实省委、省政府关于优化营商环境的决策部署，进一步提升政务服务效能，近日，我厅召开专题会议，研究部署下一阶段重点工作。',
  '会议要求，各处室要坚持问题导向和目标导向，压紧压实工作责任，加强部门协同和信息共享，确保各项工作任务按期完成，切实解决群众急难愁盼问题。',
  '会议强调，要持续深化“放管服”改革，推动各项政策措施落地见效，全面提升服务质量和效率，以实际行动推动全省科技创新工作再上新台阶。',
];
