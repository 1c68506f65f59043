const QUARTERS = ['一', '二', '三', '四'];

/** '2026Q4' → '2026年第四季度', '2026H2' → '2026年下半年'; any other text is shown as given. */
export function formatPeriod(period: string): string {
  const quarter = /^(\d{4})Q([1-4])$/.exec(period);
  if (quarter) return `${quarter[1]}年第${QUARTERS[Number(quarter[2]) - 1]}季度`;
  const half = /^(\d{4})H([12])$/.exec(period);
  if (half) return `${half[1]}年${half[2] === '1' ? '上' : '下'}半年`;
  return period;
}

const SHANGHAI = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An ISO instant as Beijing time: '2026年11月3日 09:05'. Text that is not a date is shown as given. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const part = Object.fromEntries(SHANGHAI.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.year}年${Number(part.month)}月${Number(part.day)}日 ${part.hour}:${part.minute}`;
}

/** A score with at most one decimal: 96.5, 100, 99.7 (never 99.69999). */
export function formatScore(score: number): string {
  return String(Math.round(score * 10) / 10);
}

/** A ratio as a percentage with at most one decimal, '—' when there is nothing to divide. */
export function formatPercent(part: number, whole: number): string {
  if (whole === 0) return '—';
  return `${Math.round((part / whole) * 1000) / 10}%`;
}

/** A duration in Chinese: '12秒', '3分05秒', '1小时02分'. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}秒`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}分${String(seconds % 60).padStart(2, '0')}秒`;
  return `${Math.floor(minutes / 60)}小时${String(minutes % 60).padStart(2, '0')}分`;
}
