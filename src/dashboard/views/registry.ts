import { escapeHtml, urlLink } from '../../../reports/html/escape.ts';
import { regionName } from '../../access/region-names.ts';
import type { Principal } from '../../api/principal.ts';
import { SITES_FILE_EXTENSIONS } from '../../registry/parse-file.ts';
import { describeProblem, type RegistryProblem } from '../../registry/registry-error.ts';
import type { Site } from '../../registry/site.ts';
import { DASHBOARD_PREFIX } from '../session.ts';
import { page } from './layout.ts';
import { KIND_LABELS, LEVEL_LABELS } from './site-labels.ts';

const ACCEPT = '.yaml,.yml,.json,.csv,.xlsx';

/** The upload form; `csrf` is the form token's hidden input. */
export function uploadForm(csrf: string): string {
  return `<form class="card form" method="post" action="${DASHBOARD_PREFIX}/registry/preview" enctype="multipart/form-data">
<h2>上传站点清单</h2>
<p class="note">支持 YAML、JSON、CSV（UTF-8）和 Excel 工作簿（${SITES_FILE_EXTENSIONS}）。表格的第一行为列名：id、fullName、homepage、level、kind、region、parent、siteCode、archiveRoots、maxPages（可选：每次检查最多抓取的网页数），每行一个网站。上传后先显示将新增、删除和修改哪些网站，确认后才替换；清单有任何问题都不会导入。</p>
${csrf}
<label for="sites-file">站点清单文件</label>
<input id="sites-file" name="file" type="file" accept="${ACCEPT}" required>
<button type="submit">检查并预览</button>
</form>`;
}

/** id, name, level, kind, region and homepage of some sites, for the registry and its preview. */
export function sitesTable(sites: readonly Site[], className: string): string {
  const rows = sites
    .map(
      (site) =>
        `<tr><td><code>${escapeHtml(site.id)}</code></td><th scope="row">${escapeHtml(site.fullName)}</th><td>${LEVEL_LABELS[site.level]}</td><td>${KIND_LABELS[site.kind]}</td><td>${escapeHtml(regionName(site.region))}</td><td>${urlLink(site.homepage)}</td></tr>`,
    )
    .join('');
  return `<div class="scroll"><table class="${className}"><thead><tr><th>编号</th><th>网站全称</th><th>级别</th><th>类型</th><th>行政区划</th><th>首页</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

export interface RegistryPageInput {
  sites: Site[];
  csrf: string;
  /** Set after a replacement. */
  replaced?: boolean;
  /** A problem with the upload itself (no file, an unknown extension, the API refused). */
  alert?: string;
}

/** The registry as it stands, and the form to replace it. */
export function registryPage(input: RegistryPageInput, viewer: Principal): string {
  const notice = input.replaced
    ? '<p class="success" role="status">站点登记已替换。</p>'
    : input.alert
      ? `<p class="alert" role="alert">${escapeHtml(input.alert)}</p>`
      : '';
  const list =
    input.sites.length === 0
      ? '<p class="note">站点登记是空的：上传一份站点清单开始。</p>'
      : sitesTable(input.sites, 'registry');
  const body = `<p class="crumbs"><a href="${DASHBOARD_PREFIX}/">概览</a> › 站点登记</p>
<h1>站点登记</h1>
${notice}
${uploadForm(input.csrf)}
<section><h2>当前登记（${input.sites.length} 个网站）</h2>${list}</section>`;
  return page({ title: '站点登记', body, viewer, current: '/registry' });
}

/** A file that cannot be imported: every problem with its place, and the form again. */
export function problemsPage(
  input: { fileName: string; problems: RegistryProblem[]; csrf: string },
  viewer: Principal,
): string {
  const rows = input.problems
    .map(
      (problem) =>
        `<tr><td class="num">${problem.row ?? problem.line ?? '—'}</td><td>${problem.column ?? '—'}</td><td>${problem.field ? `<code>${escapeHtml(problem.field)}</code>` : '—'}</td><td>${escapeHtml(problem.message)}</td></tr>`,
    )
    .join('');
  const body = `<p class="crumbs"><a href="${DASHBOARD_PREFIX}/">概览</a> › <a href="${DASHBOARD_PREFIX}/registry">站点登记</a> › 检查结果</p>
<h1>站点清单有问题，未导入</h1>
<p class="alert" role="alert">${escapeHtml(input.fileName)} 有 ${input.problems.length} 个问题，站点登记没有任何改动。请按下表修改后重新上传。</p>
<div class="scroll"><table class="problems"><thead><tr><th>行</th><th>列</th><th>字段</th><th>问题</th></tr></thead><tbody>${rows}</tbody></table></div>
<details><summary>以文字列出</summary><pre class="problem-text">${escapeHtml(input.problems.map(describeProblem).join('\n'))}</pre></details>
${uploadForm(input.csrf)}`;
  return page({ title: '站点清单有问题', body, viewer, current: '/registry' });
}
