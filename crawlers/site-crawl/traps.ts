/**
 * Crawler-trap detection: URLs that a site can generate without end (calendars, recursive relative links,
 * ever-growing query strings). Pure: the caller passes "now"; state is only what this guard has admitted.
 */
export interface TrapLimits {
  maxDepth: number;
  maxUrlLength: number;
  maxQueryVariants: number;
  calendarYearsAhead: number;
  calendarYearsBack: number;
}

/** A path segment seen this many times in one path means relative links are recursing. */
const MAX_SEGMENT_REPEATS = 3;

/** Query parameters that page through a calendar or an archive by date. */
const CALENDAR_PARAM =
  /^(date|day|month|year|yyyy|yyyymm|ym|y|m|d|week|cal|calendar|time|start|end|from|to|begin|rq|riqi|nian|yue)$/i;
const YEAR_IN_VALUE = /(?<!\d)(1\d{3}|2\d{3})(?!\d)/;

export type TrapVerdict = { admitted: true } | { admitted: false; reason: string };

export class TrapGuard {
  /** Query strings admitted per origin+path. */
  private readonly variants = new Map<string, Set<string>>();
  private readonly currentYear: number;

  constructor(
    private readonly limits: TrapLimits,
    now: Date,
  ) {
    this.currentYear = now.getUTCFullYear();
  }

  /** Decides whether `url` (absolute, normalized) at `depth` may be crawled; admitting it counts its query variant. */
  admit(url: string, depth: number): TrapVerdict {
    const reason = this.reasonToSkip(url, depth);
    if (reason) return { admitted: false, reason };
    const parsed = new URL(url);
    if (parsed.search !== '') this.variantsOf(parsed).add(parsed.search);
    return { admitted: true };
  }

  private reasonToSkip(url: string, depth: number): string | undefined {
    const { maxDepth, maxUrlLength, maxQueryVariants } = this.limits;
    if (depth > maxDepth) return `链接深度超过 ${maxDepth} 层`;
    if (url.length > maxUrlLength) return `URL 长度超过 ${maxUrlLength} 个字符`;
    const parsed = new URL(url);
    const repeated = repeatedSegment(parsed.pathname);
    if (repeated) return `路径段“${repeated}”重复 ${MAX_SEGMENT_REPEATS} 次以上`;
    const year = this.farCalendarYear(parsed.searchParams);
    if (year !== undefined) return `日历参数指向 ${year} 年，离当前年份过远`;
    const seen = this.variantsOf(parsed);
    if (parsed.search !== '' && !seen.has(parsed.search) && seen.size >= maxQueryVariants) {
      return `同一路径的查询参数变体超过 ${maxQueryVariants} 个`;
    }
    return undefined;
  }

  private farCalendarYear(params: URLSearchParams): number | undefined {
    for (const [name, value] of params) {
      if (!CALENDAR_PARAM.test(name)) continue;
      const match = YEAR_IN_VALUE.exec(value);
      if (!match) continue;
      const year = Number(match[1]);
      const { calendarYearsAhead, calendarYearsBack } = this.limits;
      if (year > this.currentYear + calendarYearsAhead || year < this.currentYear - calendarYearsBack)
        return year;
    }
    return undefined;
  }

  private variantsOf(url: URL): Set<string> {
    const key = url.origin + url.pathname;
    let seen = this.variants.get(key);
    if (!seen) {
      seen = new Set();
      this.variants.set(key, seen);
    }
    return seen;
  }
}

/** The first path segment that occurs MAX_SEGMENT_REPEATS or more times, e.g. "a" in /a/b/a/b/a/b/. */
export function repeatedSegment(pathname: string): string | undefined {
  const counts = new Map<string, number>();
  for (const segment of pathname.split('/')) {
    if (segment === '') continue;
    const count = (counts.get(segment) ?? 0) + 1;
    if (count >= MAX_SEGMENT_REPEATS) return safeDecode(segment);
    counts.set(segment, count);
  }
  return undefined;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
