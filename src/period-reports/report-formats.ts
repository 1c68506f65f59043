import { renderNoticeCsv } from '../../reports/period/notice-csv.ts';
import { renderNoticeHtml } from '../../reports/period/notice-html.ts';
import { renderNoticePdf } from '../../reports/period/notice-pdf.ts';
import { renderNoticeXlsx } from '../../reports/period/notice-xlsx.ts';
import type { NoticeModel, NoticeSeal } from './notice-model.ts';

export const REPORT_FORMATS = ['html', 'pdf', 'xlsx', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface RenderedReport {
  contentType: string;
  extension: string;
  body: string | Buffer;
}

/** The notice in one format (a finalised one with its seal), with what the HTTP answer needs to say about it. */
export async function renderReport(
  model: NoticeModel,
  format: ReportFormat,
  seal?: NoticeSeal,
): Promise<RenderedReport> {
  switch (format) {
    case 'html':
      return {
        contentType: 'text/html; charset=utf-8',
        extension: 'html',
        body: renderNoticeHtml(model, seal),
      };
    case 'pdf':
      return {
        contentType: 'application/pdf',
        extension: 'pdf',
        body: await renderNoticePdf(renderNoticeHtml(model, seal)),
      };
    case 'xlsx':
      return {
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        extension: 'xlsx',
        body: await renderNoticeXlsx(model, seal),
      };
    case 'csv':
      return { contentType: 'text/csv; charset=utf-8', extension: 'csv', body: renderNoticeCsv(model) };
  }
}

/**
 * `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266): the Chinese name for browsers, an ASCII one
 * for clients that read only `filename`. HTML (and JSON) is shown inline so that a dashboard link opens it.
 */
export function contentDisposition(
  format: ReportFormat | 'json',
  chineseStem: string,
  asciiStem: string,
): string {
  const file = `${chineseStem}.${format}`;
  const type = format === 'html' || format === 'json' ? 'inline' : 'attachment';
  return `${type}; filename="${asciiStem}.${format}"; filename*=UTF-8''${encodeURIComponent(file)}`;
}
