import { type CheerioAPI, load } from 'cheerio';

/**
 * The page as a reader's browser shows it when its lists are 大汉 (Hanweb) jpage lists: kept as
 * `<script type="text/xml"><datastore>…<record><![CDATA[<li>…</li>]]></record>…`, which the platform's
 * script writes into the page. Each such script is replaced by its records' markup; a page without
 * one is returned as it is (no second parse).
 */
export function withDatastoreRecords($: CheerioAPI): CheerioAPI {
  const hasRecords = $('script[type="text/xml"]')
    .toArray()
    .some((script) => /<record/i.test($(script).html() ?? ''));
  if (!hasRecords) return $;
  const copy = load($.html());
  for (const script of copy('script[type="text/xml"]').toArray()) {
    const records = [
      ...(copy(script).html() ?? '').matchAll(/<record[^>]*>\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*<\/record>/gi),
    ].map((m) => m[1]);
    if (records.length > 0) copy(script).replaceWith(records.join(''));
  }
  return copy;
}
