import { escapeHtml } from '../../../reports/html/escape.ts';
import { regionName } from '../../access/region-names.ts';
import type { Principal } from '../../api/principal.ts';
import { DASHBOARD_PREFIX } from '../session.ts';

export interface PageInput {
  title: string;
  /** Already-escaped HTML of the page's main content. */
  body: string;
  viewer: Principal | null;
  /** Our own scripts under /dashboard/assets, loaded at the end of the page. */
  scripts?: readonly ('chart.js' | 'charts.js' | 'sweep.js' | 'copy.js')[];
  /** The navigation entry this page belongs to (its path under /dashboard), marked as current. */
  current?: string;
}

interface NavEntry {
  /** Under /dashboard. */
  path: string;
  label: string;
  /** Shown to province tokens only (the page refuses the others anyway). */
  provinceOnly?: boolean;
  /** Shown to city tokens only (the province has its own page for the same work). */
  cityOnly?: boolean;
}

/**
 * The top bar's entries, in order. The review queue (province) and a city's findings and appeals
 * (contract §7), then the period notices, go after 发起检查, where an office's daily work is; the
 * wording dictionary (错敏字, every office keeps its sites' exceptions), the registry, tokens and
 * webhooks are set-up pages and stay last.
 */
const NAVIGATION: readonly NavEntry[] = [
  { path: '/sweeps', label: '检查批次' },
  { path: '/sweeps/new', label: '发起检查' },
  { path: '/review', label: '复核', provinceOnly: true },
  { path: '/findings', label: '本地区问题', cityOnly: true },
  { path: '/notices', label: '通报' },
  { path: '/wording', label: '错敏字词典' },
  { path: '/registry', label: '站点登记', provinceOnly: true },
  { path: '/tokens', label: '访问令牌', provinceOnly: true },
  { path: '/webhooks', label: '推送订阅', provinceOnly: true },
];

function navigation(viewer: Principal, current: string | undefined): string {
  const province = viewer.role === 'province';
  const links = NAVIGATION.filter((entry) =>
    entry.provinceOnly ? province : entry.cityOnly ? !province : true,
  ).map(
    (entry) =>
      `<a class="link-button" href="${DASHBOARD_PREFIX}${entry.path}"${entry.path === current ? ' aria-current="page"' : ''}>${entry.label}</a>`,
  );
  return `<nav aria-label="导航">${links.join('')}</nav>`;
}

/** Who is signed in, as shown in the top bar: 省级 or the city's region. */
export function viewerLabel(viewer: Principal): string {
  const scope = viewer.region === null ? '全省' : regionName(viewer.region);
  return `${scope}（${viewer.role === 'province' ? '省级令牌' : '市级令牌'}）`;
}

function topBar(viewer: Principal | null, current: string | undefined): string {
  const account =
    viewer === null
      ? ''
      : `<div class="account">${navigation(viewer, current)}<span class="who">${escapeHtml(viewerLabel(viewer))}</span><form method="post" action="${DASHBOARD_PREFIX}/logout"><button type="submit" class="link-button">退出登录</button></form></div>`;
  return `<header class="topbar"><a class="brand" href="${DASHBOARD_PREFIX}/">四川省政府网站检查</a>${account}</header>`;
}

/** The dashboard's page shell: valid HTML5 in Simplified Chinese, our stylesheet, our scripts only. */
export function page(input: PageInput): string {
  const scripts = (input.scripts ?? [])
    .map((name) => `<script src="${DASHBOARD_PREFIX}/assets/${name}" defer></script>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)} - 四川省政府网站检查</title>
<link rel="icon" href="${DASHBOARD_PREFIX}/assets/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${DASHBOARD_PREFIX}/assets/dashboard.css">
</head>
<body>
${topBar(input.viewer, input.current)}
<main>
${input.body}
</main>
<footer class="foot">依据《政府信息主动公开平台建设规范》自动检查；时间均为北京时间。</footer>
${scripts}
</body>
</html>
`;
}

/**
 * Data for our scripts as a JSON block: not executed, so the policy needs no inline script; `<` is
 * escaped so that site text can never close the block.
 */
export function jsonBlock(id: string, data: unknown): string {
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028|\u2029/g, '');
  return `<script type="application/json" id="${escapeHtml(id)}">${json}</script>`;
}
