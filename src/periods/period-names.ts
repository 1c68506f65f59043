/** Period names ('2026Q4', '2026H2'): which kind a name is, the one before it, where it starts. */
const QUARTER = /^(\d{4})Q([1-4])$/;
const HALF_YEAR = /^(\d{4})H([12])$/;

/** True for a quarter ('2026Q4'); the API's `:period` of `/results/quarterly`. */
export function isQuarter(period: string): boolean {
  return QUARTER.test(period);
}

/** True for a half-year ('2026H2'); the API's `:period` of `/results/semiannual`. */
export function isHalfYear(period: string): boolean {
  return HALF_YEAR.test(period);
}

/** The period before: '2026Q1' → '2025Q4', '2026H1' → '2025H2'. Throws on anything else. */
export function previousPeriod(period: string): string {
  const quarter = QUARTER.exec(period);
  if (quarter) {
    const [year, q] = [Number(quarter[1]), Number(quarter[2])];
    return q === 1 ? `${year - 1}Q4` : `${year}Q${q - 1}`;
  }
  const half = HALF_YEAR.exec(period);
  if (half) {
    const year = Number(half[1]);
    return half[2] === '1' ? `${year - 1}H2` : `${year}H1`;
  }
  throw new Error(`Not a period: "${period}" (expected 2026Q4 or 2026H2)`);
}

/** The first instant of a period, Asia/Shanghai: '2026Q4' → 1 October 2026 00:00 (+08:00). */
export function periodStart(period: string): Date {
  const quarter = QUARTER.exec(period);
  const half = HALF_YEAR.exec(period);
  const year = quarter?.[1] ?? half?.[1];
  if (!year) throw new Error(`Not a period: "${period}" (expected 2026Q4 or 2026H2)`);
  const month = quarter ? (Number(quarter[2]) - 1) * 3 + 1 : half?.[2] === '1' ? 1 : 7;
  return new Date(`${year}-${String(month).padStart(2, '0')}-01T00:00:00+08:00`);
}
