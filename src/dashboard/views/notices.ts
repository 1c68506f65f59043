import { escapeHtml } from '../../../reports/html/escape.ts';
import { formatDateTime, formatPeriod, formatScore } from '../../../reports/html/format.ts';
import { cityDivisions, regionName } from '../../access/region-names.ts';
import type { AdjudicationCounts } from '../../adjudication/types.ts';
import type { Principal } from '../../api/principal.ts';
import type { NoticeKind, NoticeVersion } from '../../store/notices-repository.ts';
import { DASHBOARD_PREFIX } from '../session.ts';
import { page } from './layout.ts';

/** The notice shown: its kind, period and region (null: the whole province). */
export interface NoticeChoice {
  kind: NoticeKind;
  period: string;
  region: string | null;
}

/** The period's notice as it stands now, decisions applied. */
export interface LiveNotice {
  sites: number;
  /** Average of the decided scores, and of the automated ones; null with no site inspected. */
  averageScore: number | null;
  automatedAverageScore: number | null;
  unqualified: number;
  automatedUnqualified: number;
  counts: AdjudicationCounts;
}

export interface NoticesPageInput {
  choice: NoticeChoice;
  live: LiveNotice;
  versions: NoticeVersion[];
  csrf: string;
  alert?: string;
  notice?: string;
}

const KIND_LABELS: Record<NoticeKind, string> = { quarterly: '季度巡查通报', semiannual: '半年检查通报' };

/** The query string of a choice, for links and redirects. */
export function choiceQuery(choice: NoticeChoice): string {
  return `kind=${choice.kind}&period=${choice.period}${choice.region ? `&region=${choice.region}` : ''}`;
}

function filters(choice: NoticeChoice, viewer: Principal): string {
  const kinds = (['quarterly', 'semiannual'] as const)
    .map(
      (kind) =>
        `<option value="${kind}"${kind === choice.kind ? ' selected' : ''}>${KIND_LABELS[kind]}</option>`,
    )
    .join('');
  const regions =
    viewer.role === 'province'
      ? `<label>地区 <select name="region"><option value="">全省</option>${cityDivisions()
          .map(
            ({ code, name }) =>
              `<option value="${code}"${code === choice.region ? ' selected' : ''}>${escapeHtml(name)}</option>`,
          )
          .join('')}</select></label>`
      : '';
  return `<form class="filters" method="get" action="${DASHBOARD_PREFIX}/notices"><label>通报 <select name="kind">${kinds}</select></label><label>期间 <input name="period" value="${escapeHtml(choice.period)}" pattern="\\d{4}(Q[1-4]|H[12])" size="8" required title="季度如 2026Q4，半年如 2026H2"></label>${regions}<button type="submit">查看</button></form>`;
}

function stats(live: LiveNotice): string {
  const c = live.counts;
  const beside = (now: string, before: string) => (now === before ? '' : `核减前 ${before}`);
  const average = live.averageScore === null ? '—' : formatScore(live.averageScore);
  const automated = live.automatedAverageScore === null ? '—' : formatScore(live.automatedAverageScore);
  const cards: [string, string, string][] = [
    ['已检查网站', String(live.sites), '个'],
    ['平均得分', average, beside(average, automated)],
    [
      '评定不合格',
      String(live.unqualified),
      beside(String(live.unqualified), String(live.automatedUnqualified)),
    ],
    ['复核', String(c.reviewed), `维持 ${c.upheld}，核减或撤销 ${c.overturned}`],
    ['申诉', String(c.appealed), c.appealsPending > 0 ? `待复核 ${c.appealsPending}` : '均已答复'],
    ['核减', String(c.struckOff), `共发现问题 ${c.findings} 条`],
  ];
  return `<div class="stats notice-counts">${cards
    .map(
      ([label, value, note]) =>
        `<div class="stat"><span>${label}</span><b>${value}</b><small>${escapeHtml(note)}</small></div>`,
    )
    .join('')}</div>`;
}

function liveDownloads(choice: NoticeChoice): string {
  const scope = choice.region ? `&amp;region=${choice.region}` : '';
  const link = (format: string, label: string) =>
    `<a class="download" href="${DASHBOARD_PREFIX}/reports/${choice.kind}/${choice.period}?format=${format}${scope}">${label}</a>`;
  return `<p class="downloads">当前通报（随复核结果变化）：${link('html', '查看')} ${link('pdf', '下载 PDF')} ${link('xlsx', '下载 Excel')} ${link('csv', '下载 CSV')}</p>`;
}

function finaliseForm(choice: NoticeChoice, csrf: string, viewer: Principal, live: LiveNotice): string {
  if (viewer.role !== 'province') return '<p class="note">通报由省级令牌定稿；定稿后的版本可在下方下载。</p>';
  const pending =
    live.counts.appealsPending > 0 || live.counts.open > 0
      ? `<p class="note">尚有 ${live.counts.open} 条问题未复核、${live.counts.appealsPending} 条申诉待答复；定稿后如再作出复核结论，可再次定稿生成新版本。</p>`
      : '';
  return `<form class="card form finalise" method="post" action="${DASHBOARD_PREFIX}/notices/finalise">
${csrf}
<input type="hidden" name="kind" value="${choice.kind}">
<input type="hidden" name="period" value="${escapeHtml(choice.period)}">
<input type="hidden" name="region" value="${choice.region ?? ''}">
<h2>定稿</h2>
<p>按当前的复核、申诉和核减结果定稿。定稿后的通报原样保存、不再改变；之后的复核结论只进入新的版本。</p>
${pending}<button type="submit">定稿</button>
</form>`;
}

function versionRows(choice: NoticeChoice, versions: readonly NoticeVersion[]): string {
  if (versions.length === 0) return '<p class="note">本期通报尚未定稿。</p>';
  const scope = choice.region ? `&amp;region=${choice.region}` : '';
  const link = (version: number, format: string, label: string) =>
    `<a href="${DASHBOARD_PREFIX}/notices/${choice.kind}/${choice.period}/versions/${version}?format=${format}${scope}">${label}</a>`;
  const rows = [...versions]
    .reverse()
    .map(
      (v) =>
        `<tr><th scope="row">第 ${v.version} 版</th><td>${formatDateTime(v.finalisedAt)}</td><td>${escapeHtml(v.finalisedBy)}</td><td class="num">${v.counts.reviewed}</td><td class="num">${v.counts.appealed}</td><td class="num">${v.counts.struckOff}</td><td><code class="hash" title="${v.contentHash}">${v.contentHash.slice(0, 16)}…</code></td><td class="downloads">${link(v.version, 'html', '查看')} ${link(v.version, 'pdf', 'PDF')} ${link(v.version, 'xlsx', 'Excel')} ${link(v.version, 'csv', 'CSV')}</td></tr>`,
    )
    .join('');
  return `<div class="scroll"><table class="versions"><thead><tr><th>版本</th><th>定稿时间</th><th>定稿人</th><th>复核</th><th>申诉</th><th>核减</th><th>内容校验码（SHA-256）</th><th>下载</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** The period's notice: its counts now, the 定稿 form (province), the versions finalised, downloads. */
export function noticesPage(input: NoticesPageInput, viewer: Principal): string {
  const { choice } = input;
  const scope = choice.region === null ? '四川省' : regionName(choice.region);
  const title = `${scope}${formatPeriod(choice.period)}政府网站${choice.kind === 'quarterly' ? '抽查' : '检查'}情况通报`;
  const alert = input.alert ? `<p class="alert" role="alert">${escapeHtml(input.alert)}</p>` : '';
  const notice = input.notice ? `<p class="success" role="status">${escapeHtml(input.notice)}</p>` : '';
  const body = `<p class="crumbs"><a href="${DASHBOARD_PREFIX}/">概览</a> › 通报定稿</p>
<h1>${escapeHtml(title)}</h1>
${alert}${notice}
${filters(choice, viewer)}
<section><h2>当前情况</h2>${stats(input.live)}${liveDownloads(choice)}</section>
${finaliseForm(choice, input.csrf, viewer, input.live)}
<section><h2>定稿版本</h2>${versionRows(choice, input.versions)}</section>`;
  return page({ title: '通报定稿', body, viewer, current: '/notices' });
}
