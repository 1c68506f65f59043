import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  visit,
  type YAMLError,
  type YAMLMap,
} from 'yaml';
import type { RegistryProblem } from './registry-error.ts';
import type { RawField, RawSite } from './validate.ts';

export interface ReadResult {
  raws: RawSite[];
  problems: RegistryProblem[];
}

const ERROR_WORDING: Partial<Record<YAMLError['code'], string>> = {
  DUPLICATE_KEY: '同一层级出现了重复的键',
  TAB_AS_INDENT: '不能用 Tab 缩进，请改用空格',
  BAD_INDENT: '缩进不正确',
  MISSING_CHAR: '引号或括号没有闭合',
  MULTILINE_IMPLICIT_KEY: '键后面缺少冒号，或缩进不正确',
  BLOCK_AS_IMPLICIT_KEY: '键后面缺少冒号，或缩进不正确',
  UNEXPECTED_TOKEN: '出现了意外的字符',
  BAD_SCALAR_START: '值不能以这个字符开头，请给它加上引号',
  MULTIPLE_DOCS: '文件里只能有一个文档（不要用 --- 分隔多份清单）',
};

/**
 * Reads the `sites` list of a YAML document (or of JSON, which is YAML) with the source line of every
 * site and field. `syntaxName` names the format in syntax-error messages.
 */
export function readYamlSites(text: string, syntaxName: 'YAML' | 'JSON'): ReadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const lineAt = (
    node: { range?: [number, number, number] | null } | null | undefined,
  ): number | undefined => (node?.range ? lineCounter.linePos(node.range[0]).line : undefined);

  if (doc.errors.length > 0) {
    const problems = doc.errors.map((error) => {
      const opening = unclosedQuoteStart(doc, error);
      const line = opening === undefined ? error.linePos?.[0].line : lineCounter.linePos(opening).line;
      return { ...lineOf(line), message: syntaxMessage(error, syntaxName) };
    });
    return { raws: [], problems };
  }
  const root = doc.contents;
  if (!isMap(root)) {
    const message = '文件顶层必须是 sites: 键，其下是站点列表';
    return { raws: [], problems: [{ ...lineOf(lineAt(root)), message }] };
  }

  const problems: RegistryProblem[] = [];
  let sitesNode: Node | null | undefined;
  let sitesLine: number | undefined;
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (key === 'sites') {
      sitesNode = resolved(pair.value as Node | null, doc);
      sitesLine = lineAt(pair.key as Node);
    } else {
      const message = `未知的顶层键 "${key}"：站点列表必须写在 sites 键下`;
      problems.push({ ...lineOf(lineAt(pair.key as Node)), field: key, message });
    }
  }
  if (sitesLine === undefined)
    return { raws: [], problems: [...problems, { message: '缺少顶层键 sites（站点列表）' }] };
  const noSites = sitesNode == null || (isScalar(sitesNode) && sitesNode.value === null);
  if (!noSites && !isSeq(sitesNode)) {
    const message = 'sites 必须是站点列表（每个站点以 - 开头）';
    return { raws: [], problems: [...problems, { ...lineOf(sitesLine), field: 'sites', message }] };
  }
  const items = isSeq(sitesNode) ? sitesNode.items : [];
  if (items.length === 0) {
    problems.push({ ...lineOf(sitesLine), field: 'sites', message: '站点清单里没有任何站点' });
  }

  const raws: RawSite[] = [];
  items.forEach((item, index) => {
    const node = resolved(item as Node | null, doc);
    const label = `sites[${index}]`;
    const line = lineAt(node) ?? sitesLine;
    if (!isMap(node)) {
      problems.push({ ...lineOf(line), field: label, message: '每个站点必须是一组“字段: 值”' });
      return;
    }
    const fields = readFields(node, doc, lineAt);
    raws.push({ ...lineOf(line), label, fields });
  });
  return { raws, problems };
}

function readFields(site: YAMLMap, doc: Document, lineAt: (node: Node) => number | undefined) {
  const fields = new Map<string, RawField>();
  for (const pair of site.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const valueNode = resolved(pair.value as Node | null, doc);
    const field: RawField = { value: valueNode == null ? null : valueNode.toJS(doc) };
    if (isScalar(valueNode) && typeof valueNode.value === 'number' && valueNode.source !== undefined) {
      field.source = valueNode.source;
    }
    const keyLine = lineAt(pair.key as Node);
    if (keyLine !== undefined) field.line = keyLine;
    fields.set(name, field);
  }
  return fields;
}

function resolved(node: Node | null | undefined, doc: Document): Node | null | undefined {
  return isAlias(node) ? (node.resolve(doc) as Node | undefined) : node;
}

function lineOf(line: number | undefined): { line?: number } {
  return line === undefined ? {} : { line };
}

function syntaxMessage(error: YAMLError, syntaxName: string): string {
  const detail = error.message.split(/ at line \d+, column \d+/)[0]?.trim() ?? error.message;
  const wording = ERROR_WORDING[error.code];
  return `${syntaxName} 语法错误：${wording === undefined ? detail : `${wording}（${detail}）`}`;
}

/**
 * The parser notices an unclosed quote only where the text ends, so the error names the last line;
 * the quoted scalar that runs up to that point tells where the quote was opened.
 */
function unclosedQuoteStart(doc: Document, error: YAMLError): number | undefined {
  if (error.code !== 'MISSING_CHAR') return undefined;
  let start: number | undefined;
  visit(doc, {
    Scalar(_key, node) {
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      if (quoted && node.range && node.range[0] < error.pos[0] && error.pos[0] <= node.range[1]) {
        start = node.range[0];
      }
    },
  });
  return start;
}
