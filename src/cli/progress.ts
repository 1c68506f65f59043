import type { SweepProgress } from '../sweep/run-sweep.ts';

/**
 * The sweep's progress on a terminal: one line per finished site and a live status line beneath.
 * On anything but a terminal it prints nothing (the JSON logs say it all).
 */
export function terminalProgress(
  stream: NodeJS.WriteStream = process.stderr,
): ((event: SweepProgress) => void) | undefined {
  if (!stream.isTTY) return undefined;
  const running = new Set<string>();
  const status = (done: number, total: number) =>
    `检查中 ${done}/${total}${running.size ? `：${[...running].join('、')}` : ''}`.slice(
      0,
      Math.max(20, (stream.columns ?? 80) - 1),
    );
  return (event) => {
    if (event.type === 'site-started') running.add(event.site.id);
    else {
      running.delete(event.site.id);
      const r = event.result;
      const state =
        r.status === 'done' ? `得分 ${r.score}` : r.status === 'unreachable' ? '无法访问' : '检查出错';
      stream.write(
        `\r\x1b[2K${r.status === 'done' ? '✓' : '✗'} ${event.site.fullName}（${event.site.id}）${state}，${r.pagesCrawled} 页，${r.linksChecked} 个链接，${(r.durationMs / 1000).toFixed(1)} 秒\n`,
      );
    }
    stream.write(`\r\x1b[2K${status(event.done, event.total)}`);
    if (event.type === 'site-finished' && event.done === event.total) stream.write('\r\x1b[2K');
  };
}
