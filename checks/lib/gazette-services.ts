import type { CrawledPage, PageLink } from '../../crawlers/artifacts.ts';
import { pageKey } from './pages.ts';
import { compact, toHalfWidth } from './text.ts';

/** The three services clause 6.5.1 asks of a 政府公报 column. */
export type GazetteService = 'catalogue' | 'search' | 'download';

export const SERVICE_NAMES: Record<GazetteService, string> = {
  catalogue: '目录导航',
  search: '内容检索',
  download: '文件下载',
};

/** What was found for one service: where, and what (a link, a form, a list of years). */
export interface ServiceEvidence {
  page: string;
  found: string;
}

/**
 * Link texts that browse issues or years: 2025年第1期, 第3期, 2024年, 往期, 历年, 目录, 年度合订本.
 * 目录 must stand nearly alone: the site-wide 政府信息公开目录 link is not a gazette catalogue.
 */
const ISSUE_LINK =
  /^(?:19|20)\d{2}(?:年度?)?$|(?:19|20)\d{2}年度?第?[0-9一二三四五六七八九十]+期|第[0-9一二三四五六七八九十]+期|往期|历年|^(?:本期|公报|总|年度)?目录$|合订本/;
const MIN_CATALOGUE_LINKS = 2;
/** A list of years, as a year bar renders to text: 2025 2024 2023, 2025年 | 2024年 | 2023年. */
const YEAR_LIST = /(?:19|20)\d{2}年?(?:[\s,，、|/]+(?:19|20)\d{2}年?){2,}/;
/** The same in a form, where a <select>'s options may run together: 202520242023. */
const YEAR_OPTIONS = /(?:19|20)\d{2}年?(?:[\s,，、|/]*(?:19|20)\d{2}年?){2,}/;
const SEARCH_LINK = /检索|搜索|查询/;
const SEARCH_INPUT_TYPES = new Set(['text', 'search', '']);
const DOWNLOAD_FILE = /\.(pdf|ofd|docx?|wps|zip|rar|xlsx?|ceb)$/i;

/**
 * Looks for each service on the given pages (the column page first, then its children). Search and
 * download *links* whose target the homepage also links to (`siteWide`: keys from `pageKey`) belong
 * to the site's template, like a 客户端下载 or 站内搜索 entry in every page's top bar, and are not
 * the column's services. Forms are taken as they are: a search box on the column page searches it.
 */
export function findGazetteServices(
  pages: readonly CrawledPage[],
  siteWide: ReadonlySet<string>,
): Record<GazetteService, ServiceEvidence | undefined> {
  const own = (link: PageLink) => !siteWide.has(pageKey(link.url) ?? '');
  return {
    catalogue: firstFound(pages, catalogueOn),
    search: firstFound(pages, (page) => searchOn(page, own)),
    download: firstFound(pages, (page) => downloadOn(page, own)),
  };
}

function firstFound(
  pages: readonly CrawledPage[],
  find: (page: CrawledPage) => string | undefined,
): ServiceEvidence | undefined {
  for (const page of pages) {
    const found = find(page);
    if (found !== undefined) return { page: page.finalUrl, found };
  }
  return undefined;
}

function catalogueOn(page: CrawledPage): string | undefined {
  const issueLinks = new Set(
    page.links
      .filter((l) => l.kind === 'anchor' && ISSUE_LINK.test(toHalfWidth(compact(l.text))))
      .map((l) => l.text),
  );
  if (issueLinks.size >= MIN_CATALOGUE_LINKS)
    return `期次/年份链接：${[...issueLinks].slice(0, 6).join('、')}`;
  const yearForm = page.forms.find(
    (f) =>
      YEAR_OPTIONS.test(toHalfWidth(f.text)) || f.inputs.some((i) => /^select:.*(year|nian|nd)/i.test(i)),
  );
  if (yearForm !== undefined) return `年份选择表单：${yearForm.text.slice(0, 80)}`;
  const yearList = YEAR_LIST.exec(toHalfWidth(page.text));
  if (yearList !== null) return `年份列表：${yearList[0]}`;
  return undefined;
}

function searchOn(page: CrawledPage, own: (link: PageLink) => boolean): string | undefined {
  const form = page.forms.find((f) =>
    f.inputs.some((input) => SEARCH_INPUT_TYPES.has(input.split(':')[0]!.toLowerCase())),
  );
  if (form !== undefined) return `检索表单：${form.action}（${form.inputs.join('，')}）`;
  const link = page.links.find((l) => l.kind === 'anchor' && SEARCH_LINK.test(l.text) && own(l));
  if (link !== undefined) return `检索入口：${link.text}（${link.url}）`;
  return undefined;
}

function downloadOn(page: CrawledPage, own: (link: PageLink) => boolean): string | undefined {
  const link = page.links.find((l) => isDownload(l) && own(l));
  return link === undefined ? undefined : `下载链接：${link.text || link.url}（${link.url}）`;
}

function isDownload(link: PageLink): boolean {
  if (link.kind === 'attachment' || /下载/.test(link.text)) return true;
  try {
    return DOWNLOAD_FILE.test(new URL(link.url).pathname);
  } catch {
    return false;
  }
}
