/** Whitespace of any kind: ASCII, no-break, full-width (U+3000) and the zero-width characters pages hide in names. */
const ANY_SPACE = /[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]+/g;

/** The text with every whitespace character removed: '四川省 人民政府' and '四川省　人民政府' compare equal. */
export function compact(text: string): string {
  return text.replace(ANY_SPACE, '');
}

/** Full-width digits and letters (０-９, Ａ-Ｚ) as their ASCII forms; shared with the gatherers. */
export { toHalfWidth } from '../../crawlers/printed-date.ts';

/** Up to `radius` characters either side of [start, end), with '…' where the text was cut. */
export function excerpt(text: string, start: number, end: number, radius: number): string {
  const from = Math.max(0, start - radius);
  const to = Math.min(text.length, end + radius);
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}

/** Length of the longest common subsequence: how much of a registered name a shown name keeps. */
export function commonSubsequenceLength(a: string, b: string): number {
  const bs = Array.from(b);
  let previous = new Array<number>(bs.length + 1).fill(0);
  for (const ca of a) {
    const current = [0];
    for (let j = 1; j <= bs.length; j++) {
      current[j] = ca === bs[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    previous = current;
  }
  return previous[bs.length]!;
}
