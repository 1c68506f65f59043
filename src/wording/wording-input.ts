import { WORDING_ERRORS } from '../../checks/dictionaries/wording-errors.ts';
import type { OfficeWordingEntry } from '../../checks/lib/office-wording.ts';
import { CATEGORY_NAMES, type WordingCategory, type WordingGrade } from '../../checks/lib/wording-matcher.ts';

export const WORDING_CATEGORIES = Object.keys(CATEGORY_NAMES) as WordingCategory[];
export const WORDING_GRADES: readonly WordingGrade[] = ['严重', '一般'];
/** The longest wrong or correct form, exception text and reason an office may give. */
export const MAX_FORM_LENGTH = 50;
export const MAX_REASON_LENGTH = 200;

const SHIPPED = new Map(WORDING_ERRORS.map((entry) => [entry.wrong, entry]));

/** An office entry, trimmed, or the Chinese sentence saying what is wrong with it. */
export function checkedEntry(input: {
  wrong: string;
  correct: string;
  category: string;
  grade: string;
}): { entry: OfficeWordingEntry } | { field: keyof OfficeWordingEntry; problem: string } {
  const wrong = input.wrong.trim();
  const correct = input.correct.trim();
  const empty = (['wrong', 'correct'] as const).find((field) => ({ wrong, correct })[field] === '');
  if (empty) return { field: empty, problem: `${empty === 'wrong' ? '错误表述' : '正确表述'}不能为空` };
  const long = (['wrong', 'correct'] as const).find(
    (field) => ({ wrong, correct })[field].length > MAX_FORM_LENGTH,
  );
  if (long) return { field: long, problem: `最多 ${MAX_FORM_LENGTH} 个字符` };
  if (wrong === correct) return { field: 'correct', problem: '正确表述与错误表述相同' };
  if (!(WORDING_CATEGORIES as readonly string[]).includes(input.category))
    return { field: 'category', problem: `类别必须是 ${WORDING_CATEGORIES.join('、')} 之一` };
  if (!(WORDING_GRADES as readonly string[]).includes(input.grade))
    return { field: 'grade', problem: '等级必须是 严重 或 一般' };
  const category = input.category as WordingCategory;
  const grade = input.grade as WordingGrade;
  return { entry: { wrong, correct, category, grade } };
}

/** Why an office entry duplicates the shipped dictionary, or undefined. */
export function shippedDuplicate(wrong: string): string | undefined {
  const shipped = SHIPPED.get(wrong);
  return shipped && `系统内置词典已有“${wrong}”（应为“${shipped.correct}”）`;
}

/** A site's exception, trimmed, or the Chinese sentence saying what is wrong with it. */
export function checkedException(input: {
  text: string;
  reason: string;
}): { text: string; reason: string } | { field: 'text' | 'reason'; problem: string } {
  const text = input.text.trim();
  const reason = input.reason.trim();
  if (text === '') return { field: 'text', problem: '例外表述不能为空' };
  if (text.length > MAX_FORM_LENGTH) return { field: 'text', problem: `最多 ${MAX_FORM_LENGTH} 个字符` };
  if (reason === '') return { field: 'reason', problem: '请写明不属于错误的理由' };
  if (reason.length > MAX_REASON_LENGTH)
    return { field: 'reason', problem: `最多 ${MAX_REASON_LENGTH} 个字符` };
  return { text, reason };
}
