import type { RegistryProblem } from './registry-error.ts';
import { MAX_SITE_PAGES, SITE_KINDS, SITE_LEVELS, type Site } from './site.ts';
import { isSiteField, unknownFieldMessage } from './site-fields.ts';

/** A value as read from the file, before validation. */
export interface RawField {
  value: unknown;
  /** The source text of a numeric scalar, so `region: 510000` keeps its digits as written. */
  source?: string;
  line?: number;
  /** The spreadsheet column of a CSV or XLSX cell ('D'). */
  column?: string;
}

/** One site as read from the file: its place (YAML/JSON line or CSV row) and its fields by name. */
export interface RawSite {
  line?: number;
  row?: number;
  /** Path prefix of the site's fields in problems, e.g. `sites[1]`; empty for CSV (fields are columns). */
  label: string;
  fields: Map<string, RawField>;
}

/** Checks every site against contract §1 and normalises it; returns all problems found. */
export function validateSites(raws: RawSite[]): { sites: Site[]; problems: RegistryProblem[] } {
  const problems: RegistryProblem[] = [];
  const firstById = new Map<string, RawSite>();
  const kindById = new Map<string, unknown>();
  const read: { reader: SiteReader; site: Site | undefined }[] = [];
  for (const raw of raws) {
    const reader = new SiteReader(raw, problems);
    read.push({ reader, site: reader.readSite() });
    const id = reader.textAsWritten('id');
    if (id === undefined) continue;
    const first = firstById.get(id);
    if (first === undefined) {
      firstById.set(id, raw);
      kindById.set(id, raw.fields.get('kind')?.value);
    } else {
      reader.report('id', `id "${id}" 重复：${placeOf(first)}已经用过这个 id`);
    }
  }
  // Parents are checked once every id is known, also for sites with other problems.
  for (const { reader } of read) {
    const parent = reader.textAsWritten('parent');
    if (parent === undefined) continue;
    const kind = kindById.get(parent);
    if (parent === reader.textAsWritten('id')) reader.report('parent', 'parent 不能是站点自己');
    else if (!kindById.has(parent)) reader.report('parent', `parent "${parent}" 不是本清单中任何站点的 id`);
    else if (typeof kind === 'string' && kind !== 'portal') {
      reader.report('parent', `parent 必须指向门户网站（kind: portal），"${parent}" 的 kind 是 "${kind}"`);
    }
  }
  const sites = read.flatMap(({ reader, site }) => (site !== undefined && reader.valid ? [site] : []));
  return { sites, problems };
}

function placeOf(raw: RawSite): string {
  return `第 ${raw.line ?? raw.row} 行`;
}

class SiteReader {
  valid = true;

  constructor(
    private readonly raw: RawSite,
    private readonly problems: RegistryProblem[],
  ) {}

  readSite(): Site | undefined {
    for (const name of this.raw.fields.keys()) {
      if (!isSiteField(name)) this.report(name, unknownFieldMessage(name, '字段'));
    }
    const id = this.required('id');
    if (id !== undefined && !/^[a-z0-9-]+$/.test(id)) {
      this.report('id', `id 只能由小写字母、数字和连字符（-）组成，得到 ${shown(id)}`);
    }
    const fullName = this.required('fullName');
    const homepage = this.required('homepage');
    if (homepage !== undefined && !isHttpUrl(homepage)) {
      this.report(
        'homepage',
        `homepage 必须是以 http:// 或 https:// 开头的完整网址，得到 ${shown(homepage)}`,
      );
    }
    const level = this.oneOf('level', SITE_LEVELS, 'province、city 或 county');
    const kind = this.oneOf('kind', SITE_KINDS, 'portal 或 department');
    const region = this.required('region');
    if (region !== undefined && !/^\d{6}$/.test(region)) {
      this.report('region', `region 必须是 6 位数字的行政区划代码（如 "510000"），得到 ${shown(region)}`);
    }
    const parent = this.optional('parent') ?? null;
    const siteCode = this.siteCode();
    const archiveRoots = this.archiveRoots();
    const maxPages = this.maxPages();
    if (id === undefined || fullName === undefined || homepage === undefined || region === undefined) return;
    if (level === undefined || kind === undefined || archiveRoots === undefined) return;
    const site: Site = { id, fullName, homepage, level, kind, region, parent, archiveRoots };
    if (siteCode !== undefined) site.siteCode = siteCode;
    if (maxPages !== undefined) site.maxPages = maxPages;
    return site;
  }

  /** A field's text as written, even when the site is invalid; undefined when absent or empty. */
  textAsWritten(name: string): string | undefined {
    const field = this.raw.fields.get(name);
    return field === undefined ? undefined : scalarText(field)?.trim() || undefined;
  }

  report(name: string | undefined, message: string): undefined {
    this.valid = false;
    const read = name === undefined ? undefined : this.raw.fields.get(name);
    const line = read?.line ?? this.raw.line;
    const field = name === undefined || this.raw.label === '' ? name : `${this.raw.label}.${name}`;
    this.problems.push({
      ...(line === undefined ? {} : { line }),
      ...(this.raw.row === undefined ? {} : { row: this.raw.row }),
      ...(read?.column === undefined ? {} : { column: read.column }),
      ...(field === undefined ? {} : { field }),
      message,
    });
    return undefined;
  }

  private required(name: string): string | undefined {
    const field = this.raw.fields.get(name);
    if (field === undefined || field.value === null || field.value === undefined) {
      return this.report(name, `缺少必填字段 ${name}`);
    }
    const text = scalarText(field);
    if (text === undefined) return this.report(name, `${name} 必须是文本，得到 ${shown(field.value)}`);
    return text.trim() === '' ? this.report(name, `${name} 不能为空`) : text.trim();
  }

  /** An optional text field: absent, null or empty means undefined. */
  private optional(name: string): string | undefined {
    const field = this.raw.fields.get(name);
    if (field === undefined || field.value === null || field.value === undefined) return undefined;
    const text = scalarText(field);
    if (text === undefined) return this.report(name, `${name} 必须是文本，得到 ${shown(field.value)}`);
    return text.trim() === '' ? undefined : text.trim();
  }

  /**
   * The 政府网站标识码: ten digits (a six-digit division code and four), or for the departments of the
   * State Council `bm` and eight digits, written as `bm01000001` (kept in lower case).
   */
  private siteCode(): string | undefined {
    const code = this.optional('siteCode');
    if (code === undefined) return undefined;
    if (/^\d{10}$/.test(code)) return code;
    if (/^bm\d{8}$/i.test(code)) return code.toLowerCase();
    const spreadsheet = /^\d(?:\.\d+)?e\+?\d+$/i.test(code)
      ? '（表格软件把长数字写成了科学计数法，请把这一列设为文本后重新导出）'
      : '';
    return this.report(
      'siteCode',
      `siteCode（政府网站标识码）必须是 10 位数字，国务院部门为 bm 加 8 位数字（如 "5101000001"、"bm01000001"），得到 ${shown(code)}${spreadsheet}`,
    );
  }

  private oneOf<T extends string>(name: string, allowed: readonly T[], wording: string): T | undefined {
    const text = this.required(name);
    if (text === undefined) return undefined;
    if ((allowed as readonly string[]).includes(text)) return text as T;
    return this.report(name, `${name} 必须是 ${wording} 之一，得到 ${shown(text)}`);
  }

  /** A whole number of pages, 1 to MAX_SITE_PAGES, written as a number or as text (a spreadsheet cell). */
  private maxPages(): number | undefined {
    const text = this.optional('maxPages');
    if (text === undefined) return undefined;
    const pages = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (pages >= 1 && pages <= MAX_SITE_PAGES) return pages;
    return this.report(
      'maxPages',
      `maxPages（每次检查最多抓取的网页数）必须是 1 到 ${MAX_SITE_PAGES} 之间的整数，得到 ${shown(text)}`,
    );
  }

  private archiveRoots(): string[] | undefined {
    const field = this.raw.fields.get('archiveRoots');
    if (field === undefined || field.value === null || field.value === undefined) return [];
    if (!Array.isArray(field.value)) {
      return this.report(
        'archiveRoots',
        `archiveRoots 必须是路径前缀的列表（如 ["/archive/"]），得到 ${shown(field.value)}`,
      );
    }
    const roots: string[] = [];
    for (const root of field.value as unknown[]) {
      if (typeof root === 'string' && root.trim().startsWith('/')) roots.push(root.trim());
      else
        this.report('archiveRoots', `archiveRoots 的每一项都必须是以 / 开头的路径前缀，得到 ${shown(root)}`);
    }
    return roots;
  }
}

/** Text of a scalar: strings as they are, numbers as written in the source (`510000`, `0510`). */
function scalarText(field: RawField): string | undefined {
  if (typeof field.value === 'string') return field.value;
  if (typeof field.value === 'number') return field.source ?? String(field.value);
  return undefined;
}

function isHttpUrl(text: string): boolean {
  if (!/^https?:\/\//i.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function shown(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
