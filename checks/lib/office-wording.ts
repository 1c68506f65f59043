import { WORDING_ERRORS } from '../dictionaries/wording-errors.ts';
import { type WordingEntry, type WordingHit, wordingMatcher } from './wording-matcher.ts';

/** Where a dictionary entry comes from: the starter dictionary shipped with the rule, or an office's own. */
export type WordingSource = 'shipped' | 'office';

/** An entry an office added (README "Office dictionary"): province-wide, without an `allow` list. */
export type OfficeWordingEntry = Pick<WordingEntry, 'wrong' | 'correct' | 'category' | 'grade'>;

/** What offices keep beside the shipped dictionary, for one site. */
export interface OfficeWording {
  entries: readonly OfficeWordingEntry[];
  /** Phrases of this site that are no error: a wrong form equal to one or lying inside one is not reported. */
  exceptions: readonly string[];
}

export type SourcedEntry = WordingEntry & { source: WordingSource };

const SHIPPED: readonly SourcedEntry[] = WORDING_ERRORS.map((entry) => ({ ...entry, source: 'shipped' }));
const SHIPPED_WRONG = new Set(WORDING_ERRORS.map((entry) => entry.wrong));

/** Distinct dictionaries kept compiled: a sweep has one set of entries and a few sites with exceptions. */
const CACHE_SIZE = 16;
const cache = new Map<string, (text: string) => WordingHit<SourcedEntry>[]>();
const shippedOnly = wordingMatcher(SHIPPED);

/**
 * The matcher for the shipped dictionary merged with an office's entries and a site's exceptions,
 * compiled once per distinct dictionary (the rule runs once per site: sites of one sweep share it). An
 * office entry whose wrong form the shipped dictionary (or an earlier entry) already has is left out.
 */
export function officeWordingMatcher(wording?: OfficeWording): (text: string) => WordingHit<SourcedEntry>[] {
  if (wording === undefined || (wording.entries.length === 0 && wording.exceptions.length === 0)) {
    return shippedOnly;
  }
  const key = JSON.stringify([wording.entries, [...wording.exceptions].sort()]);
  const cached = cache.get(key);
  if (cached) {
    // Most recently used last, so that the oldest is the first evicted.
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const known = new Set(SHIPPED_WRONG);
  const office: SourcedEntry[] = [];
  for (const entry of wording.entries) {
    if (known.has(entry.wrong)) continue;
    known.add(entry.wrong);
    office.push({ ...entry, source: 'office' });
  }
  const matcher = wordingMatcher([...SHIPPED, ...office], wording.exceptions);
  cache.set(key, matcher);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return matcher;
}
