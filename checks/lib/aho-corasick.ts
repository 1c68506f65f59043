/** One occurrence of a pattern: UTF-16 offsets into the text, `end` exclusive. */
export interface AutomatonMatch<T> {
  start: number;
  end: number;
  data: T;
}

/**
 * An Aho–Corasick automaton over UTF-16 code units: every occurrence of every pattern (overlapping
 * ones included) in one pass over the text, in time linear in the text and the occurrences. Written
 * here because the npm packages tried cost time growing with the square of the text (modern-ahocorasick
 * 3.3: 6 ms on 5,000 characters, 175 ms on 20,000, 500 ms and more on 40,000, with 10,000 patterns).
 * Code units suffice for exact matching: a well-formed pattern cannot match from inside a surrogate pair.
 */
export class Automaton<T> {
  /** Transitions of each state, by code unit; state 0 is the root. */
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** The patterns ending at each state (their indexes), longest suffix links resolved at build. */
  private readonly ends: number[][] = [[]];
  /** The nearest state along the failure chain that ends a pattern, or -1. */
  private readonly output: number[] = [-1];
  private readonly lengths: number[] = [];
  private readonly data: T[] = [];

  constructor(patterns: readonly { pattern: string; data: T }[]) {
    for (const { pattern, data } of patterns) {
      if (pattern === '') throw new Error('Automaton: an empty pattern matches everywhere');
      let state = 0;
      for (let i = 0; i < pattern.length; i++) {
        const unit = pattern.charCodeAt(i);
        let to = this.next[state]!.get(unit);
        if (to === undefined) {
          to = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.ends.push([]);
          this.output.push(-1);
          this.next[state]!.set(unit, to);
        }
        state = to;
      }
      this.ends[state]!.push(this.data.length);
      this.lengths.push(pattern.length);
      this.data.push(data);
    }
    this.link();
  }

  /** Failure links breadth first: a state's link is the longest proper suffix of its path that is a state. */
  private link(): void {
    const queue: number[] = [];
    for (const child of this.next[0]!.values()) queue.push(child);
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const [unit, child] of this.next[state]!) {
        let f = this.fail[state]!;
        while (f !== 0 && !this.next[f]!.has(unit)) f = this.fail[f]!;
        const target = this.next[f]!.get(unit);
        const link = target !== undefined && target !== child ? target : 0;
        this.fail[child] = link;
        this.output[child] = this.ends[link]!.length > 0 ? link : this.output[link]!;
        queue.push(child);
      }
    }
  }

  /** Calls `visit` for every occurrence, in the order they end, longer ones first among those ending together. */
  scan(text: string, visit: (start: number, end: number, data: T) => void): void {
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      while (state !== 0 && !this.next[state]!.has(unit)) state = this.fail[state]!;
      state = this.next[state]!.get(unit) ?? 0;
      for (let s = this.ends[state]!.length > 0 ? state : this.output[state]!; s > 0; s = this.output[s]!) {
        for (const index of this.ends[s]!) visit(i + 1 - this.lengths[index]!, i + 1, this.data[index]!);
      }
    }
  }

  /** Every occurrence, in the order `scan` visits them. */
  matches(text: string): AutomatonMatch<T>[] {
    const found: AutomatonMatch<T>[] = [];
    this.scan(text, (start, end, data) => found.push({ start, end, data }));
    return found;
  }
}
