import { WORDING_ERRORS } from '../checks/dictionaries/wording-errors.ts';
import { type WordingEntry, wordingMatcher } from '../checks/lib/wording-matcher.ts';
import { machineLine } from './machine.ts';
import { paragraph } from './site/chinese-text.ts';
import { Random } from './site/random.ts';

/**
 * What wording-errors' dictionary check costs per crawled page: a dictionary of 10,000 entries (the
 * shipped ones and generated ones) over pages of 20,000 characters of government prose, the longest
 * text the crawl keeps. The generated entries are phrases of that prose with one character changed, so
 * the automaton walks deep into its trie on every page; a tenth of them have an allowed longer phrase.
 * Each page has five wrong forms written into it. Pages of 5,000 and 10,000 characters show the cost
 * grows with the text.
 * `node --import tsx bench/wording-errors.ts [--entries N] [--pages N]`.
 */
const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  const value = at === -1 ? fallback : Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} needs a positive integer`);
  return value;
};
const ENTRIES = option('--entries', 10_000);
const PAGES = option('--pages', 200);
const PAGE_CHARS = 20_000;
/** Common characters a generated wrong form may put in place of a right one. */
const SWAPS =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经';

const random = new Random(20261203);

function prose(chars: number): string {
  let text = '';
  while (text.length < chars) text += paragraph(random, 8);
  return text.slice(0, chars);
}

function dictionary(size: number, source: string): WordingEntry[] {
  const entries: WordingEntry[] = [...WORDING_ERRORS];
  const seen = new Set(entries.map((e) => e.wrong));
  while (entries.length < size) {
    const length = random.int(3, 8);
    const at = random.int(0, source.length - length);
    const correct = source.slice(at, at + length);
    if (/[\s，。、；：“”（）]/.test(correct)) continue;
    const swap = random.int(0, length - 1);
    const wrong = correct.slice(0, swap) + random.pick([...SWAPS]) + correct.slice(swap + 1);
    if (wrong === correct || seen.has(wrong)) continue;
    seen.add(wrong);
    const allow = random.next() < 0.1 ? [`${wrong}${random.pick([...SWAPS])}`] : undefined;
    entries.push({ wrong, correct, category: 'political-term', grade: '一般', ...(allow ? { allow } : {}) });
  }
  return entries;
}

/** A page of prose with a few of the dictionary's wrong forms written into it. */
function page(chars: number, entries: readonly WordingEntry[]): string {
  let text = prose(chars);
  for (let i = 0; i < 5; i++) {
    const wrong = random.pick(entries).wrong;
    const at = random.int(0, text.length - wrong.length);
    text = text.slice(0, at) + wrong + text.slice(at + wrong.length);
  }
  return text;
}

const entries = dictionary(ENTRIES, prose(200_000));
const compileStarted = performance.now();
const find = wordingMatcher(entries);
const compileMs = performance.now() - compileStarted;
console.log(`dictionary: ${entries.length} entries, compiled in ${compileMs.toFixed(0)} ms; pages: ${PAGES}`);

for (const chars of [5_000, 10_000, PAGE_CHARS]) {
  const pages = Array.from({ length: PAGES }, () => page(chars, entries));
  for (const text of pages.slice(0, 20)) find(text);
  let hits = 0;
  const started = performance.now();
  for (const text of pages) hits += find(text).length;
  const ms = (performance.now() - started) / PAGES;
  console.log(
    `pages of ${chars} characters: ${ms.toFixed(3)} ms/page, ${(hits / PAGES).toFixed(1)} errors found per page`,
  );
}
console.log(machineLine());
