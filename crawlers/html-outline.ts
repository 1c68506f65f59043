import { type CheerioAPI, load } from 'cheerio';
import { DomHandler, type DomHandlerOptions } from 'domhandler';
import { Parser, type ParserOptions } from 'htmlparser2';
import { collapse } from './visible-text.ts';

/**
 * How deep elements may nest, as in Chromium's HTML parser (512). htmlparser2's open-element stack and
 * domutils' tree walks cost time in proportion to the depth at each element, so a page nested 100,000
 * deep (a defaced page, or a generator's runaway template) took tens of seconds of blocking CPU; a page
 * is read up to its first element nested deeper than this.
 */
export const MAX_NESTING = 512;

/**
 * How many elements of a page are read: several times a big real page's (a portal's homepage has a few
 * thousand), and a bound on the time every pass over the page takes (a 4 MB page of 250,000 links
 * cost over a second of blocking CPU to parse and read).
 */
export const MAX_ELEMENTS = 50_000;

const OPTIONS: ParserOptions & DomHandlerOptions = { xmlMode: false, decodeEntities: true };

/** Builds the tree as htmlparser2's parseDocument does, and stops at the first element nested too deep or too many. */
class BoundedHandler extends DomHandler {
  depth = 0;
  elements = 0;
  /** Where the page was cut: the offset of the element nested deeper than MAX_NESTING, or past MAX_ELEMENTS. */
  cutAt: number | undefined;
  private source: Parser | undefined;

  override onparserinit(parser: Parser): void {
    this.source = parser;
    super.onparserinit(parser);
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    if (this.cutAt !== undefined) return;
    if (++this.depth > MAX_NESTING || ++this.elements > MAX_ELEMENTS) {
      this.cutAt = this.source?.startIndex ?? 0;
      this.source?.pause();
      return;
    }
    super.onopentag(name, attribs);
  }

  override onclosetag(): void {
    if (this.cutAt !== undefined) return;
    this.depth--;
    super.onclosetag();
  }

  override ontext(data: string): void {
    if (this.cutAt === undefined) super.ontext(data);
  }

  override oncomment(data: string): void {
    if (this.cutAt === undefined) super.oncomment(data);
  }
}

/**
 * Parses HTML with htmlparser2 in HTML mode (as Crawlee's own CheerioCrawler does) rather than cheerio's
 * default parse5: four times faster, and forgiving enough for a title, headings, text, links and forms,
 * even of a body cut short. A page is read up to its first element nested deeper than MAX_NESTING or
 * past MAX_ELEMENTS (`cutAt`).
 */
export function parseHtmlBounded(html: string): { $: CheerioAPI; cutAt?: number } {
  const handler = new BoundedHandler(undefined, OPTIONS);
  const parser = new Parser(handler, OPTIONS);
  parser.write(html);
  if (handler.cutAt === undefined) parser.end();
  const $ = load(handler.root, { xml: OPTIONS });
  return handler.cutAt === undefined ? { $ } : { $, cutAt: handler.cutAt };
}

export function parseHtml(html: string): CheerioAPI {
  return parseHtmlBounded(html).$;
}

/** The page's first `<title>`, whitespace collapsed. */
export function titleOf($: CheerioAPI): string {
  return collapse($('title').first().text());
}

/** The title and the h1–h3 headings of a parsed page, whitespace collapsed, empty headings left out. */
export function titleAndHeadings($: CheerioAPI): { title: string; headings: string[] } {
  return {
    title: titleOf($),
    headings: $('h1, h2, h3')
      .toArray()
      .map((heading) => collapse($(heading).text()))
      .filter((heading) => heading !== ''),
  };
}
