import { readFile } from 'node:fs/promises';
import type { OfficeWordingEntry } from '../../checks/lib/office-wording.ts';
import type { OfficeDictionary } from './office-dictionary.ts';
import { checkedEntry, MAX_FORM_LENGTH, shippedDuplicate } from './wording-input.ts';

export class WordingDictionaryError extends Error {
  override readonly name = 'WordingDictionaryError';
}

const KEYS = new Set(['entries', 'exceptions']);
const ENTRY_KEYS = ['wrong', 'correct', 'category', 'grade'];

/**
 * Reads the one-shot CLI's `--wording-dictionary` file: `{ "entries": [{ wrong, correct, category,
 * grade }], "exceptions": { "<site id>": ["<phrase>", …] } }`, both parts optional. Anything else, an
 * entry the API would refuse, or an exception for a site `siteIds` does not hold, throws
 * `WordingDictionaryError` saying which.
 */
export async function readWordingDictionary(
  file: string,
  siteIds: ReadonlySet<string>,
): Promise<OfficeDictionary> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new WordingDictionaryError(
      `无法读取 ${file}（${(error as NodeJS.ErrnoException).code ?? String(error)}）`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new WordingDictionaryError(`${file} 不是有效的 JSON（${(error as Error).message}）`);
  }
  if (!isRecord(parsed))
    throw new WordingDictionaryError('应为一个 JSON 对象：{ "entries": [...], "exceptions": {...} }');
  const unknown = Object.keys(parsed).find((key) => !KEYS.has(key));
  if (unknown) throw new WordingDictionaryError(`不认识的字段 ${unknown}（只能有 entries 和 exceptions）`);
  return {
    entries: entriesOf(parsed.entries ?? []),
    exceptions: exceptionsOf(parsed.exceptions ?? {}, siteIds),
  };
}

function entriesOf(value: unknown): OfficeWordingEntry[] {
  if (!Array.isArray(value)) throw new WordingDictionaryError('entries 应为数组');
  const entries: OfficeWordingEntry[] = [];
  const seen = new Set<string>();
  for (const [index, item] of value.entries()) {
    const where = `entries 第 ${index + 1} 条`;
    if (!isRecord(item)) throw new WordingDictionaryError(`${where}应为对象`);
    const field = ENTRY_KEYS.find((key) => typeof item[key] !== 'string');
    if (field) throw new WordingDictionaryError(`${where}：缺少 ${field} 或不是字符串`);
    const extra = Object.keys(item).find((key) => !ENTRY_KEYS.includes(key));
    if (extra) throw new WordingDictionaryError(`${where}：不认识的字段 ${extra}`);
    const { wrong, correct, category, grade } = item as Record<string, string>;
    const checked = checkedEntry({ wrong: wrong!, correct: correct!, category: category!, grade: grade! });
    if ('problem' in checked)
      throw new WordingDictionaryError(`${where}（${checked.field}）：${checked.problem}`);
    const { entry } = checked;
    const duplicate =
      shippedDuplicate(entry.wrong) ?? (seen.has(entry.wrong) ? `前面已有“${entry.wrong}”` : undefined);
    if (duplicate) throw new WordingDictionaryError(`${where}：${duplicate}`);
    seen.add(entry.wrong);
    entries.push(entry);
  }
  return entries;
}

function exceptionsOf(value: unknown, siteIds: ReadonlySet<string>): Map<string, string[]> {
  if (!isRecord(value)) throw new WordingDictionaryError('exceptions 应为对象：{ "站点 id": ["表述", …] }');
  const exceptions = new Map<string, string[]>();
  for (const [siteId, phrases] of Object.entries(value)) {
    const where = `exceptions.${siteId}`;
    if (!siteIds.has(siteId)) throw new WordingDictionaryError(`${where}：站点清单中没有站点 ${siteId}`);
    if (!Array.isArray(phrases)) throw new WordingDictionaryError(`${where} 应为字符串数组`);
    const texts = phrases.map((phrase, index) => {
      const text = typeof phrase === 'string' ? phrase.trim() : '';
      if (text === '' || text.length > MAX_FORM_LENGTH)
        throw new WordingDictionaryError(
          `${where} 第 ${index + 1} 项应为 1 至 ${MAX_FORM_LENGTH} 个字符的表述`,
        );
      return text;
    });
    exceptions.set(siteId, texts);
  }
  return exceptions;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
