import { WORDING_ERRORS } from '../../../checks/dictionaries/wording-errors.ts';
import { CATEGORY_NAMES } from '../../../checks/lib/wording-matcher.ts';
import { escapeHtml } from '../../../reports/html/escape.ts';
import { formatDateTime } from '../../../reports/html/format.ts';
import type { Principal } from '../../api/principal.ts';
import type { Site } from '../../registry/site.ts';
import type { StoredWordingEntry, StoredWordingException } from '../../store/wording-repository.ts';
import {
  MAX_FORM_LENGTH,
  MAX_REASON_LENGTH,
  WORDING_CATEGORIES,
  WORDING_GRADES,
} from '../../wording/wording-input.ts';
import { DASHBOARD_PREFIX } from '../session.ts';
import { page } from './layout.ts';

/** What a form shows filled in again when the API refused it. */
export interface EntryDraft {
  wrong: string;
  correct: string;
  category: string;
  grade: string;
}
export interface ExceptionDraft {
  siteId: string;
  text: string;
  reason: string;
}

export interface WordingPageInput {
  entries: StoredWordingEntry[];
  /** The exceptions of the sites in the viewer's reach. */
  exceptions: StoredWordingException[];
  /** The sites in the viewer's reach, in registry order. */
  sites: Site[];
  entryDraft: EntryDraft;
  exceptionDraft: ExceptionDraft;
  csrf: string;
  alert?: string;
  notice?: string;
}

const categoryName = (category: string) =>
  Object.hasOwn(CATEGORY_NAMES, category)
    ? CATEGORY_NAMES[category as keyof typeof CATEGORY_NAMES]
    : category;
const deleteButton = (action: string, csrf: string) =>
  `<form method="post" action="${action}">${csrf}<button type="submit" class="danger">删除</button></form>`;

function entriesTable(input: WordingPageInput, province: boolean): string {
  if (input.entries.length === 0) return '<p class="note">尚未增补词条。</p>';
  const rows = input.entries.map((entry) => {
    const action = province
      ? `<td>${deleteButton(`${DASHBOARD_PREFIX}/wording/entries/${encodeURIComponent(entry.id)}/delete`, input.csrf)}</td>`
      : '';
    return `<tr><th scope="row">${escapeHtml(entry.wrong)}</th><td>${escapeHtml(entry.correct)}</td><td>${escapeHtml(categoryName(entry.category))}</td><td>${entry.grade}</td><td>${escapeHtml(entry.createdBy)}<br><small>${formatDateTime(entry.createdAt)}</small></td>${action}</tr>`;
  });
  return `<div class="scroll"><table class="wording-entries"><thead><tr><th>错误表述</th><th>正确表述</th><th>类别</th><th>等级</th><th>增补者</th>${province ? '<th>操作</th>' : ''}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function entryForm(draft: EntryDraft, csrf: string): string {
  const options = (values: readonly string[], chosen: string, label: (value: string) => string) =>
    values
      .map(
        (value) =>
          `<option value="${value}"${value === chosen ? ' selected' : ''}>${escapeHtml(label(value))}</option>`,
      )
      .join('');
  return `<form class="card form" method="post" action="${DASHBOARD_PREFIX}/wording/entries">
<h2>增补词条</h2>
${csrf}
<label for="entry-wrong">错误表述</label>
<input id="entry-wrong" name="wrong" maxlength="${MAX_FORM_LENGTH}" required value="${escapeHtml(draft.wrong)}" placeholder="如：天府新去">
<label for="entry-correct">正确表述</label>
<input id="entry-correct" name="correct" maxlength="${MAX_FORM_LENGTH}" required value="${escapeHtml(draft.correct)}" placeholder="如：天府新区">
<label for="entry-category">类别</label>
<select id="entry-category" name="category">${options(WORDING_CATEGORIES, draft.category, categoryName)}</select>
<label for="entry-grade">等级</label>
<select id="entry-grade" name="grade">${options(WORDING_GRADES, draft.grade, (grade) => (grade === '严重' ? '严重（单项否决）' : '一般（不通过）'))}</select>
<button type="submit">增补</button>
</form>`;
}

function exceptionsTable(input: WordingPageInput): string {
  if (input.exceptions.length === 0) return '<p class="note">所辖网站尚未登记例外。</p>';
  const names = new Map(input.sites.map((site) => [site.id, site.fullName]));
  const rows = input.exceptions.map((exception) => {
    const action = `${DASHBOARD_PREFIX}/wording/exceptions/${encodeURIComponent(exception.siteId)}/${encodeURIComponent(exception.id)}/delete`;
    return `<tr><th scope="row">${escapeHtml(names.get(exception.siteId) ?? exception.siteId)}</th><td>${escapeHtml(exception.text)}</td><td>${escapeHtml(exception.reason)}</td><td>${escapeHtml(exception.createdBy)}<br><small>${formatDateTime(exception.createdAt)}</small></td><td>${deleteButton(action, input.csrf)}</td></tr>`;
  });
  return `<div class="scroll"><table class="wording-exceptions"><thead><tr><th>网站</th><th>例外表述</th><th>理由</th><th>登记者</th><th>操作</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function exceptionForm(input: WordingPageInput): string {
  const { exceptionDraft: draft } = input;
  const sites = input.sites
    .map(
      (site) =>
        `<option value="${escapeHtml(site.id)}"${site.id === draft.siteId ? ' selected' : ''}>${escapeHtml(site.fullName)}</option>`,
    )
    .join('');
  return `<form class="card form" method="post" action="${DASHBOARD_PREFIX}/wording/exceptions">
<h2>登记例外</h2>
${input.csrf}
<label for="exception-site">网站</label>
<select id="exception-site" name="siteId">${sites}</select>
<label for="exception-text">例外表述（该网站上与之相同或包含在其中的错误表述不再报告）</label>
<input id="exception-text" name="text" maxlength="${MAX_FORM_LENGTH}" required value="${escapeHtml(draft.text)}" placeholder="如：企业登记名称“卢州市大酒店”">
<label for="exception-reason">理由</label>
<input id="exception-reason" name="reason" maxlength="${MAX_REASON_LENGTH}" required value="${escapeHtml(draft.reason)}" placeholder="如：企业登记名称，非行政区划">
<button type="submit">登记</button>
</form>`;
}

/**
 * 错敏字词典: the shipped dictionary's size, the offices' entries (the province adds and deletes them,
 * the others read), and the exceptions of the viewer's sites with the form to add one.
 */
export function wordingPage(input: WordingPageInput, viewer: Principal): string {
  const province = viewer.role === 'province';
  const alert = input.alert ? `<p class="alert" role="alert">${escapeHtml(input.alert)}</p>` : '';
  const notice = input.notice ? `<p class="success" role="status">${escapeHtml(input.notice)}</p>` : '';
  const body = `<p class="crumbs"><a href="${DASHBOARD_PREFIX}/">概览</a> › 错敏字词典</p>
<h1>错敏字词典</h1>
${alert}${notice}
<p class="note">“无严重表述错误（错敏字）”检查使用系统内置词典（${WORDING_ERRORS.length} 条）和下面增补的词条：出现严重错误单项否决，出现一般错误不通过。增补的词条全省生效；例外只对登记它的网站有效。修改从下一次检查起生效。</p>
<h2>增补的词条</h2>
${entriesTable(input, province)}
${province ? entryForm(input.entryDraft, input.csrf) : '<p class="note">词条由省级管理单位增补；需要增补时请与省级管理单位联系。</p>'}
<h2>网站的例外</h2>
${exceptionsTable(input)}
${input.sites.length > 0 ? exceptionForm(input) : ''}`;
  return page({ title: '错敏字词典', body, viewer, current: '/wording' });
}
