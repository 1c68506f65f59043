import type { NotFoundFingerprint } from '../artifacts.ts';
import { decodeHtml } from '../decode.ts';
import { parseHtml, titleOf } from '../html-outline.ts';
import { textLines } from '../text-lines.ts';
import { visibleText } from '../visible-text.ts';
import { compactText, normalizeText, type TextSignature, textSignature } from './signature.ts';
import { lineSaysNotFound, titleSaysNotFound } from './wording.ts';

/** What a host answered for a URL made up to be missing. */
export interface MadeUpAnswer {
  /** The made-up URL. */
  url: string;
  /** The status of the last answer, or the error code when none came. */
  status: number | string;
  finalUrl: string;
  redirects: string[];
  contentType: string;
  /** The start of the body, for an HTML answer. */
  body?: Uint8Array;
}

/** The not-found page's title and text as a candidate page would be read, cut at the same byte. */
export interface NotFoundText {
  title: string;
  signature: TextSignature;
  /**
   * The lines in which it says it is missing (404, 页面不存在), whitespace and the request's URL dropped:
   * a page that is this answer served again prints them too, while a page of the same template whose
   * own content is empty (drawn by script, an image) does not.
   */
  messages: string[];
}

/** As the crawl keeps a page's text. */
const TEXT_CHARS = 20_000;
const TEXT_START_CHARS = 120;
const MAX_MESSAGES = 3;
const isSuccess = (status: number) => status >= 200 && status < 300;

/**
 * A host's answer for a missing page, and what may be compared with it. An answer with status 404/410
 * is the host's error page; an answer with 200 is one only when its title or a line of its text says
 * so (页面不存在, 404): a 200 page that says nothing of the kind is what the host serves for every path
 * (a single-page app's shell, a rewrite to the homepage), and pages that look like it are not missing.
 * A 404 answer that says nothing either (the bare template) is not comparable: an empty page of the same
 * template would look like it. Nor is an answer with no text, a sign-in page (the host answers every
 * protected page so), or one that landed on the homepage (see `landsOnHomepage`).
 */
export class HostNotFound {
  readonly fingerprint: NotFoundFingerprint;
  /** The made-up URL was redirected to the host's homepage: every missing page is sent there. */
  readonly landsOnHomepage: boolean;
  /** Pages may be compared with the answer (see the class comment). */
  readonly comparable: boolean;
  private readonly texts = new Map<number, NotFoundText>();

  constructor(private readonly answer: MadeUpAnswer) {
    const full = this.read();
    this.landsOnHomepage =
      answer.redirects.length > 0 && typeof answer.status === 'number' && isHomepageAddress(answer.finalUrl);
    this.comparable =
      full !== undefined &&
      !full.signIn &&
      !this.landsOnHomepage &&
      typeof answer.status === 'number' &&
      (answer.status === 404 || answer.status === 410 || isSuccess(answer.status)) &&
      full.saysMissing &&
      (full.title !== '' || full.text.signature.length > 0);
    this.fingerprint = {
      url: answer.url,
      status: answer.status,
      finalUrl: answer.finalUrl,
      redirects: answer.redirects,
      title: full?.title ?? '',
      length: full?.text.signature.length ?? 0,
      textStart: full?.textStart ?? '',
    };
    if (full) this.texts.set(Number.POSITIVE_INFINITY, full.text);
  }

  /** The title and text from the first `cutAt` bytes of the answer (all of it when undefined). */
  textAt(cutAt?: number): NotFoundText | undefined {
    const key = cutAt ?? Number.POSITIVE_INFINITY;
    let text = this.texts.get(key);
    if (text === undefined) {
      text = this.read(cutAt)?.text;
      if (text) this.texts.set(key, text);
    }
    return text;
  }

  private read(cutAt?: number) {
    const { body } = this.answer;
    if (body === undefined || body.length === 0) return undefined;
    const decoded = decodeHtml(cutAt === undefined ? body : body.subarray(0, cutAt), this.answer.contentType);
    const $ = parseHtml(decoded.text);
    const visible = visibleText($, TEXT_CHARS);
    const normalized = normalizeText(visible, [this.answer.url, this.answer.finalUrl]);
    const title = titleOf($);
    const urls = [this.answer.url, this.answer.finalUrl];
    const messages = textLines($)
      .filter((line) => lineSaysNotFound(line.own))
      .map((line) => compactText(line.own, urls))
      .filter((message) => message !== '')
      .slice(0, MAX_MESSAGES);
    return {
      title,
      textStart: visible.slice(0, TEXT_START_CHARS),
      signIn: $('input[type=password]').length > 0,
      saysMissing: titleSaysNotFound(title) || messages.length > 0,
      text: { title, signature: textSignature(normalized), messages },
    };
  }
}

/** The address of a homepage: the root, or an index/default page in it (`/index.shtml`, `/default.aspx`). */
export function isHomepageAddress(url: string): boolean {
  try {
    return /^\/((index|default)\.\w+)?$/i.test(new URL(url).pathname);
  } catch {
    return false;
  }
}
