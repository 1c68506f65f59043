import type { NoticeModel } from '../../src/period-reports/notice-model.ts';
import { siteHeader, siteRow } from './notice-rows.ts';

const BOM = '\uFEFF';

/** RFC 4180 quoting; a leading =, +, - or @ is defused so a spreadsheet never runs a site's text as a formula. */
function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !/^[+-]\d/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One row per inspected site, UTF-8 with a BOM so that Excel reads the Chinese correctly. */
export function renderNoticeCsv(model: NoticeModel): string {
  const lines = [siteHeader(model), ...model.sites.map((site) => siteRow(model, site))].map((row) =>
    row.map(csvField).join(','),
  );
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
