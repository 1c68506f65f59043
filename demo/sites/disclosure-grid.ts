import { articlePage, newsList } from '../gov-page.ts';
import type { Routes } from '../route-server.ts';
import { printedDate } from './common.ts';

/**
 * A 政府信息公开 column grid as TRS sites print it under /zwgk/: each column with its folder and the
 * age of its entries (none: a blank column, whose page says 暂无信息).
 */
export interface GridColumn {
  name: string;
  folder: string;
  days?: number;
}

/** The grid's links, for the 信息公开 page. */
export function gridLinks(columns: readonly GridColumn[]): string {
  const links = columns.map((c) => `<li><a href="/zwgk/${c.folder}/">${c.name}</a></li>`).join('');
  return `<div class="xxgk-ml"><h2>政府信息公开目录</h2><ul>${links}</ul></div>`;
}

/**
 * Each column's page (a dated list, or 暂无信息) and the articles its list leads to, addressed as TRS
 * addresses them (/zwgk/fzgh/202410/t20241021_1.html).
 */
export function gridRoutes(siteName: string, today: Date, columns: readonly GridColumn[]): Routes {
  const routes: Routes = {};
  for (const { name, folder, days } of columns) {
    const base = `/zwgk/${folder}/`;
    if (days === undefined) {
      routes[base] = { body: articlePage(name, siteName, '<div class="list"><p>暂无信息</p></div>') };
      continue;
    }
    const entries = [0, 20].map((earlier, i): [string, string, string] => {
      const printed = printedDate(today, days + earlier);
      const href = `${base}${printed.slice(0, 7).replace('-', '')}/t${printed.replace(/-/g, '')}_${i + 1}.html`;
      return [`${name}：${printed.slice(0, 4)}年有关情况公开`, href, printed];
    });
    routes[base] = { body: articlePage(name, siteName, newsList(name, entries)) };
    for (const [title, href] of entries) {
      routes[href] = {
        body: articlePage(title, siteName, '<p>根据《中华人民共和国政府信息公开条例》，现予公开。</p>'),
      };
    }
  }
  return routes;
}
