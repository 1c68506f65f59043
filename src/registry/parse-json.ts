import { findJsonSyntaxFault } from './json-syntax.ts';
import { type ReadResult, readYamlSites } from './parse-yaml.ts';
import type { RegistryProblem } from './registry-error.ts';

/**
 * Reads a JSON sites file. `JSON.parse` decides what is valid JSON (the YAML parser would also accept
 * comments and trailing commas); the YAML parser then reads the same text, as JSON is YAML, to give
 * every site and field its source line.
 */
export function readJsonSites(text: string): ReadResult {
  try {
    JSON.parse(text);
  } catch (error) {
    return { raws: [], problems: [jsonSyntaxProblem(text, (error as Error).message)] };
  }
  return readYamlSites(text, 'JSON');
}

function jsonSyntaxProblem(text: string, engineMessage: string): RegistryProblem {
  const fault = findJsonSyntaxFault(text);
  if (fault === undefined) return { message: `JSON 语法错误：${engineMessage}` };
  // A fault at the end of the text (only whitespace left) is shown just after its last character.
  const atEnd = fault.offset >= text.trimEnd().length;
  const offset = atEnd ? text.trimEnd().length : fault.offset;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  const found = atEnd ? '文件结束' : `"${String.fromCodePoint(text.codePointAt(offset)!)}"`;
  return { line, message: `JSON 语法错误：第 ${column} 列应为${fault.expected}，遇到 ${found}` };
}
