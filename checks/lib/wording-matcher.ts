import { Automaton } from './aho-corasick.ts';

/** 严重 errors fail a site with a single veto (出现严重表述错误); 一般 ones fail the rule. */
export type WordingGrade = '严重' | '一般';

export type WordingCategory = 'leader' | 'organ' | 'law' | 'meeting' | 'division' | 'political-term';

export const CATEGORY_NAMES: Record<WordingCategory, string> = {
  leader: '国家领导人姓名职务',
  organ: '国家机关名称',
  law: '法律法规名称',
  meeting: '重要会议名称',
  division: '行政区划名称',
  'political-term': '政治术语规范表述',
};

/** One dictionary entry: a form that is wrong wherever it stands, and what should be written. */
export interface WordingEntry {
  wrong: string;
  correct: string;
  category: WordingCategory;
  grade: WordingGrade;
  /** Longer correct phrases that contain `wrong`, inside which it is no error. */
  allow?: readonly string[];
}

/** A wrong form found in a text: UTF-16 offsets, `end` exclusive. */
export interface WordingHit<E extends WordingEntry = WordingEntry> {
  entry: E;
  start: number;
  end: number;
}

type Pattern<E> = { kind: 'wrong'; entry: E } | { kind: 'correct' };

/**
 * Compiles a dictionary into one Aho–Corasick automaton over the wrong forms and the correct phrases
 * that contain one (among every entry's correct form and its `allow` list), so that a text is read
 * once, in time linear in its length and the hits. A wrong form found inside a correct phrase found
 * at the same place is dropped: a correct longer phrase never reports a shorter wrong one it contains.
 * `alsoCorrect` adds phrases that guard the same way (a site's exceptions); one equal to a wrong form
 * suppresses that form altogether.
 */
export function wordingMatcher<E extends WordingEntry>(
  entries: readonly E[],
  alsoCorrect: readonly string[] = [],
): (text: string) => WordingHit<E>[] {
  const patterns: { pattern: string; data: Pattern<E> }[] = [];
  const correct = new Set<string>(alsoCorrect);
  for (const entry of entries) {
    patterns.push({ pattern: entry.wrong, data: { kind: 'wrong', entry } });
    for (const phrase of [entry.correct, ...(entry.allow ?? [])]) correct.add(phrase);
  }
  // Only a correct phrase that contains a wrong form can cover one: the others are left out.
  const wrongForms = new Automaton(patterns);
  for (const phrase of correct) {
    if (wrongForms.matches(phrase).length > 0) patterns.push({ pattern: phrase, data: { kind: 'correct' } });
  }
  const automaton = new Automaton<Pattern<E>>(patterns);

  return (text) => {
    const wrong: WordingHit<E>[] = [];
    const guards: { start: number; end: number }[] = [];
    automaton.scan(text, (start, end, data) => {
      if (data.kind === 'wrong') wrong.push({ entry: data.entry, start, end });
      else guards.push({ start, end });
    });
    if (guards.length === 0 || wrong.length === 0) return wrong;
    return outsideGuards(wrong, guards);
  };
}

/** The hits no guard covers, in text order: one sweep over both, sorted by start. */
function outsideGuards<H extends WordingHit<WordingEntry>>(
  hits: H[],
  guards: { start: number; end: number }[],
): H[] {
  hits.sort((a, b) => a.start - b.start);
  guards.sort((a, b) => a.start - b.start);
  const kept: H[] = [];
  let reach = -1;
  let g = 0;
  for (const hit of hits) {
    while (g < guards.length && guards[g]!.start <= hit.start) reach = Math.max(reach, guards[g++]!.end);
    if (reach < hit.end) kept.push(hit);
  }
  return kept;
}
