/** A mistake in how the command was called or in its input files: exit code 2, message for the user. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function positiveInteger(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} 必须是正整数，得到 "${value}"`);
  return n;
}

export function positiveSeconds(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${name} 必须是大于 0 的秒数，得到 "${value}"`);
  return n;
}

/** `--now`: an ISO-8601 date or date-time (a bare date means 00:00 in Asia/Shanghai). */
export function parseNow(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+08:00` : value;
  const date = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    throw new UsageError(
      `--now 必须是 ISO-8601 日期或时间，如 2026-11-25 或 2026-11-25T10:00:00+08:00，得到 "${value}"`,
    );
  }
  return date;
}
