/**
 * How alike two pages' texts are, for telling a host's not-found page served again. Texts are compared
 * as sets of character trigrams (shingles), after removing what a not-found page may echo of the request
 * (its URL, path, file name) and reading every run of digits as one digit (dates, counters, times).
 *
 * Two measures, both required: the Jaccard similarity of the sets, and the count of trigrams in one set
 * but not the other. Jaccard alone (or a simhash, which estimates it) calls two pages of one heavy
 * template alike whatever their own few words: a blank column page (暂无信息) and the not-found page
 * (页面不存在) share their header, menus and footer and score above 0.95. The count of differing trigrams
 * is what tells them apart: a not-found page served again differs by none, while changing one character
 * changes up to 6 trigrams (3 out, 3 in) and a page's own word more (暂无 for 页面不存在: 11).
 */
import { distance } from 'fastest-levenshtein';

export interface TextSignature {
  /** Characters of the normalized text. */
  length: number;
  shingles: ReadonlySet<string>;
}

export interface Likeness {
  /** Jaccard similarity of the trigram sets, 0..1. */
  jaccard: number;
  /** Trigrams in one set and not the other. */
  differing: number;
}

/** The least Jaccard similarity of a page and the host's not-found page for the page to be that page. */
export const MIN_JACCARD = 0.9;
/** The most trigrams they may differ by: one or two characters of text. */
export const MAX_DIFFERING_SHINGLES = 8;

const SHINGLE = 3;

/** The text as compared: whitespace dropped, digit runs as one digit, the request's own URL parts removed. */
export function normalizeText(text: string, requestUrls: readonly string[] = []): string {
  return compactText(text, requestUrls).replace(/\d+/g, '0');
}

/** The text with whitespace dropped and the request's own URL parts removed, its digits kept. */
export function compactText(text: string, requestUrls: readonly string[] = []): string {
  let compacted = text;
  const echoes = [...new Set(requestUrls.flatMap(echoesOf))].sort((a, b) => b.length - a.length);
  for (const echo of echoes) compacted = compacted.split(echo).join('');
  return compacted.replace(/[\s\u00a0\u3000]+/g, '');
}

/** What of the requested URL a not-found page may print: the URL, its path, its file name, raw or decoded. */
function echoesOf(requestUrl: string): string[] {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return [];
  }
  const name = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
  const forms = [
    url.href,
    `${url.host}${url.pathname}${url.search}`,
    `${url.pathname}${url.search}`,
    url.pathname,
    name,
  ];
  const decoded = forms.map((form) => {
    try {
      return decodeURIComponent(form);
    } catch {
      return form;
    }
  });
  // Echoes are removed longest first (see normalizeText), so the whole URL goes before its path.
  return [...forms, ...decoded].filter((form) => form.length > 1);
}

export function textSignature(normalized: string): TextSignature {
  const shingles = new Set<string>();
  if (normalized.length < SHINGLE) {
    if (normalized !== '') shingles.add(normalized);
  } else {
    for (let i = 0; i + SHINGLE <= normalized.length; i++) shingles.add(normalized.slice(i, i + SHINGLE));
  }
  return { length: normalized.length, shingles };
}

export function likeness(a: TextSignature, b: TextSignature): Likeness {
  const [small, large] =
    a.shingles.size <= b.shingles.size ? [a.shingles, b.shingles] : [b.shingles, a.shingles];
  let common = 0;
  for (const shingle of small) if (large.has(shingle)) common++;
  const union = a.shingles.size + b.shingles.size - common;
  return { jaccard: union === 0 ? 1 : common / union, differing: union - common };
}

/** True when the lengths are close enough for the texts to be one page: within 40 characters or 10 %. */
export function lengthsClose(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(40, 0.1 * Math.max(a, b));
}

/** Titles are compared on this many characters at most: a title is a line, not a page. */
const TITLE_CHARS = 200;

/** 1 for equal titles (digits read as one), else 1 − edit distance / longer length. */
export function titleSimilarity(a: string, b: string): number {
  const x = normalizeText(a).slice(0, TITLE_CHARS);
  const y = normalizeText(b).slice(0, TITLE_CHARS);
  if (x === y) return 1;
  const longer = Math.max(x.length, y.length);
  return longer === 0 ? 1 : 1 - distance(x, y) / longer;
}

/** The least title similarity for "near": 页面不存在 and 页面不存在！ are near, 页面不存在 and 工作动态 are not. */
export const MIN_TITLE_SIMILARITY = 0.8;
