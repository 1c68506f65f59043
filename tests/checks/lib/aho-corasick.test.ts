import { describe, expect, it } from 'vitest';
import { Automaton } from '../../../checks/lib/aho-corasick.ts';

/** Every occurrence by brute force, in the automaton's order: by end, longer first. */
function naive(patterns: string[], text: string): [number, number, string][] {
  const found: [number, number, string][] = [];
  for (const pattern of patterns) {
    for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) {
      found.push([at, at + pattern.length, pattern]);
    }
  }
  return found.sort((a, b) => a[1] - b[1] || a[0] - b[0] || patterns.indexOf(a[2]) - patterns.indexOf(b[2]));
}

const found = (patterns: string[], text: string) =>
  new Automaton(patterns.map((pattern) => ({ pattern, data: pattern })))
    .matches(text)
    .map((m): [number, number, string] => [m.start, m.end, m.data]);

describe('Automaton', () => {
  it('finds overlapping occurrences through failure and output links', () => {
    expect(found(['he', 'she', 'his', 'hers'], 'ushers')).toEqual([
      [1, 4, 'she'],
      [2, 4, 'he'],
      [2, 6, 'hers'],
    ]);
  });

  it('reports a pattern repeated in the dictionary once per entry, and Chinese by UTF-16 offsets', () => {
    expect(found(['政府', '政府', '人民政府'], '😀人民政府')).toEqual([
      [2, 6, '人民政府'],
      [4, 6, '政府'],
      [4, 6, '政府'],
    ]);
  });

  it('refuses an empty pattern', () => {
    expect(() => new Automaton([{ pattern: '', data: 0 }])).toThrow(/empty pattern/);
  });

  it('agrees with a brute-force search on random texts over a small alphabet', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const word = (length: number) => Array.from({ length }, () => '国家政府人民'[random(6)]).join('');
    for (let round = 0; round < 50; round++) {
      const patterns = [...new Set(Array.from({ length: 1 + random(12) }, () => word(1 + random(5))))];
      const text = word(random(200));
      expect(found(patterns, text), `${patterns.join('|')} in ${text}`).toEqual(naive(patterns, text));
    }
  });
});
