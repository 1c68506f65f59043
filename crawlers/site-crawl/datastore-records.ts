import { type CheerioAPI, load } from 'cheerio';
import type { Element } from 'domhandler';
import { existsOne, textContent } from 'domutils';

/**
 * The page as a reader's browser shows it when its lists are 大汉 (Hanweb) jpage lists: kept as
 * `<script type="text/xml"><datastore>…<record><![CDATA[<li>…</li>]]></record>…`, which the platform's
 * script writes into the page. Each such script is replaced by its records' markup; a page without
 * one is returned as it is (no second parse).
 */
export function withDatastoreRecords($: CheerioAPI): CheerioAPI {
  // Asked of every page: domutils, not a selector (a script's one child is its text, as written).
  if (
    !existsOne((element) => isXmlScript(element) && /<record/i.test(textContent(element)), $.root().toArray())
  )
    return $;
  const copy = load($.html());
  for (const script of copy('script[type="text/xml"]').toArray()) {
    const records = [
      ...(copy(script).html() ?? '').matchAll(/<record[^>]*>\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*<\/record>/gi),
    ].map((m) => m[1]);
    if (records.length > 0) copy(script).replaceWith(records.join(''));
  }
  return copy;
}

/** `<script type="text/xml">`, the type's case ignored as the selector below ignores it. */
function isXmlScript(element: Element): boolean {
  return element.name === 'script' && element.attribs.type?.toLowerCase() === 'text/xml';
}
