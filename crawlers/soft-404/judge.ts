import type { CheerioAPI } from 'cheerio';
import type { SoftNotFound } from '../artifacts.ts';
import { textLines } from '../text-lines.ts';
import { type HostNotFound, isHomepageAddress } from './host-not-found.ts';
import {
  compactText,
  lengthsClose,
  likeness,
  MAX_DIFFERING_SHINGLES,
  MIN_JACCARD,
  MIN_TITLE_SIMILARITY,
  normalizeText,
  textSignature,
  titleSimilarity,
} from './signature.ts';
import { isFurniture, lineSaysNotFound, mayTellNotFound, titleSaysNotFound } from './wording.ts';

/** A page answered 2xx, as the crawl or the link check read it. */
export interface AnsweredPage {
  /** The URL asked for. */
  url: string;
  /** The URL that answered, after redirects. */
  finalUrl: string;
  title: string;
  /** Its visible text, collapsed (the first 20 000 characters, as the crawl keeps it). */
  text: string;
  $: CheerioAPI;
  /** Set when only the first `cutAt` bytes of the body were read (the link check reads the start of a page). */
  cutAt?: number;
}

/**
 * The most characters a page may print of its own for its wording to count: its lines outside links,
 * leaving out the site's furniture and an error page's help (`isFurniture`) and the lines saying it does
 * not exist. A not-found page in a site's template prints 0–30 (今天是…, an icon's caption); an article
 * prints its body, a paragraph of 60 characters or more, and its title, whatever it says (第404期,
 * 404 Not Found, 页面不存在), decides nothing.
 */
export const MAX_OWN_WORDS = 60;

/** What a page may print of its own URL, at most (a long URL, raw and decoded). */
const MAX_ECHO_CHARS = 2000;

/**
 * Whether a 2xx page is a missing page: compared with the host's answer for a made-up missing URL when
 * there is one to compare (`host`), else, or when it differs, by its wording on a short page.
 */
export function judgeSoftNotFound(
  page: AnsweredPage,
  host: HostNotFound | undefined,
): SoftNotFound | undefined {
  return (host ? byNotFoundPage(page, host) : undefined) ?? byWording(page);
}

function byNotFoundPage(page: AnsweredPage, host: HostNotFound): SoftNotFound | undefined {
  const redirected = page.finalUrl !== page.url;
  // A homepage is never a missing page: its own addresses are not judged by the host's answer.
  if (isHomepageAddress(page.url)) return undefined;
  if (host.landsOnHomepage) {
    if (!redirected || !sameDocument(page.finalUrl, host.fingerprint.finalUrl)) return undefined;
    return {
      evidence: `跳转到首页（${page.finalUrl}），与本站不存在的网页一样`,
      by: 'redirect',
      fingerprint: host.fingerprint,
    };
  }
  if (!host.comparable) return undefined;
  const found = compare(page, host);
  if (found === undefined) return undefined;
  const where = redirected ? `跳转到 ${page.finalUrl}，` : '';
  return {
    evidence: `${where}与本站不存在网页的应答一致（标题“${host.fingerprint.title}”，文字相似度 ${found.text.toFixed(2)}）`,
    by: 'not-found-page',
    fingerprint: host.fingerprint,
    likeness: found,
  };
}

/** The page's likeness to the host's not-found page when they are one page: title near, length close, texts alike. */
function compare(page: AnsweredPage, host: HostNotFound): NonNullable<SoftNotFound['likeness']> | undefined {
  const reference = host.textAt(page.cutAt);
  if (reference === undefined) return undefined;
  const title = titleSimilarity(page.title, reference.title);
  if (title < MIN_TITLE_SIMILARITY) return undefined;
  if (!mayBeAsLong(page.text.length, reference.signature.length)) return undefined;
  const signature = textSignature(normalizeText(page.text, [page.url, page.finalUrl]));
  if (!lengthsClose(signature.length, reference.signature.length)) return undefined;
  const alike = likeness(signature, reference.signature);
  if (alike.jaccard < MIN_JACCARD || alike.differing > MAX_DIFFERING_SHINGLES) return undefined;
  if (!printsMessages(page, reference.messages)) return undefined;
  return {
    title: round(title),
    text: round(alike.jaccard),
    differing: alike.differing,
    lengths: [signature.length, reference.signature.length],
  };
}

/**
 * A cheap look before the text is normalized: normalizing only shortens a collapsed text, by at most
 * half (one space between words) and what it echoes of its URL, so a page of 100 000 characters is never
 * normalized to be compared with a not-found page of 300.
 */
function mayBeAsLong(collapsed: number, reference: number): boolean {
  const slack = Math.max(40, 0.1 * Math.max(collapsed, reference));
  return collapsed + slack >= reference && collapsed <= 2 * (reference + slack) + MAX_ECHO_CHARS;
}

/**
 * The page prints the not-found page's own message lines (404, 页面不存在), or, when that answer said it
 * only in its title, its own title says so too: a template page with an empty body and the site's
 * title is not missing.
 */
function printsMessages(page: AnsweredPage, messages: readonly string[]): boolean {
  if (messages.length === 0) return titleSaysNotFound(page.title);
  const text = compactText(page.text, [page.url, page.finalUrl]);
  return messages.every((message) => text.includes(message));
}

function byWording(page: AnsweredPage): SoftNotFound | undefined {
  const inTitle = titleSaysNotFound(page.title);
  if (!inTitle && !mayTellNotFound(page.text)) return undefined;
  const lines = textLines(page.$).filter((line) => line.own !== '');
  const saying = lines.filter((line) => lineSaysNotFound(line.own));
  const ownWords = lines
    .filter((line) => !saying.includes(line) && !isFurniture(line.own))
    .reduce((sum, line) => sum + line.own.length, 0);
  if (ownWords > MAX_OWN_WORDS) return undefined;
  if (inTitle) return { evidence: `标题：${page.title}`, by: 'wording' };
  const line = saying[0];
  return line ? { evidence: `正文：${line.own}`, by: 'wording' } : undefined;
}

function sameDocument(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    return x.origin === y.origin && x.pathname === y.pathname;
  } catch {
    return false;
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
