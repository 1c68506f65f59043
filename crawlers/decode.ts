import { TextDecoder } from 'node:util';
import { ResultType, Sniffer } from 'encoding-sniffer/sniffer';

export interface DecodedBody {
  text: string;
  /** WHATWG encoding name used, e.g. 'utf-8', 'gbk', 'big5'. */
  charset: string;
  /** Where the charset came from. */
  source: 'bom' | 'http-header' | 'meta' | 'xml-declaration' | 'guess';
}

const SOURCES: Record<ResultType, DecodedBody['source']> = {
  [ResultType.BOM]: 'bom',
  [ResultType.PASSED]: 'http-header',
  [ResultType.XML_PREFIX]: 'bom',
  [ResultType.META_TAG]: 'meta',
  [ResultType.XML_ENCODING]: 'xml-declaration',
  [ResultType.DEFAULT]: 'guess',
};

/** The charset parameter of a Content-Type header value, if any. */
export function charsetOf(contentType: string | undefined | null): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '');
  return match?.[1];
}

/**
 * Decodes an HTML body from its raw bytes as a browser does: the WHATWG encoding prescan (BOM, then the
 * HTTP charset, then `<meta charset>` / `<meta http-equiv>` in the first 1024 bytes). GBK and GB2312 labels
 * decode as GB18030, as browsers do. With no declaration at all, a zh-CN browser falls back to GBK; we keep
 * UTF-8 when the bytes are valid UTF-8 (most undeclared modern pages) and GB18030 otherwise.
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string | null): DecodedBody {
  const sniffer = new Sniffer({
    transportLayerEncodingLabel: charsetOf(contentType),
    defaultEncoding: 'utf-8',
  });
  sniffer.write(bytes);
  const source = SOURCES[sniffer.resultType];
  if (source === 'guess') {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8', source };
    } catch {
      return { text: new TextDecoder('gb18030').decode(bytes), charset: 'gb18030', source };
    }
  }
  const charset = sniffer.encoding.toLowerCase();
  return { text: new TextDecoder(decoderLabel(charset)).decode(bytes), charset, source };
}

/** Node's TextDecoder knows 'gbk' but browsers decode every GB label with the GB18030 table. */
function decoderLabel(charset: string): string {
  return charset === 'gbk' || charset === 'gb2312' ? 'gb18030' : charset;
}
