import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { HostPoliteness } from '../../../crawlers/link-status/politeness.ts';

/** Runs `count` tasks of `ms` each through `politeness` and records the peak concurrency per host and overall. */
async function runTasks(politeness: HostPoliteness, hosts: string[], count: number, ms: number) {
  const active = new Map<string, number>();
  const peak = new Map<string, number>();
  let activeAll = 0;
  let peakAll = 0;
  const starts: { host: string; at: number }[] = [];
  await Promise.all(
    Array.from({ length: count }, (_, i) => {
      const host = hosts[i % hosts.length]!;
      return politeness.run(host, async () => {
        starts.push({ host, at: Date.now() });
        active.set(host, (active.get(host) ?? 0) + 1);
        peak.set(host, Math.max(peak.get(host) ?? 0, active.get(host)!));
        peakAll = Math.max(peakAll, ++activeAll);
        await sleep(ms);
        active.set(host, active.get(host)! - 1);
        activeAll--;
      });
    }),
  );
  return { peak, peakAll, starts };
}

describe('HostPoliteness', () => {
  it('never runs more than perHostConcurrency tasks on one host, and uses all of it', async () => {
    const { peak } = await runTasks(new HostPoliteness({ perHostConcurrency: 3 }), ['a', 'b'], 20, 20);
    expect(peak.get('a')).toBe(3);
    expect(peak.get('b')).toBe(3);
  });

  it('never runs more than concurrency tasks overall', async () => {
    const politeness = new HostPoliteness({ concurrency: 4, perHostConcurrency: 3 });
    const { peakAll } = await runTasks(politeness, ['a', 'b', 'c', 'd'], 40, 10);
    expect(peakAll).toBe(4);
  });

  it('spaces the starts on one host by minGapMs', async () => {
    const politeness = new HostPoliteness({ perHostConcurrency: 4, minGapMs: 40 });
    const { starts } = await runTasks(politeness, ['a'], 5, 1);
    const times = starts.map((s) => s.at).sort((x, y) => x - y);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(35);
  });

  it('does not let one slow host hold back another', async () => {
    const politeness = new HostPoliteness({ concurrency: 2, perHostConcurrency: 1 });
    const slow = Array.from({ length: 3 }, () => politeness.run('slow', () => sleep(400)));
    const startedAt = Date.now();
    await politeness.run('fast', () => sleep(1));
    expect(Date.now() - startedAt).toBeLessThan(300);
    await Promise.all(slow);
  });

  it('releases its slots when a task throws', async () => {
    const politeness = new HostPoliteness({ concurrency: 1, perHostConcurrency: 1 });
    await expect(politeness.run('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(politeness.run('a', async () => 'next')).resolves.toBe('next');
  });

  it('rejects nonsensical limits', () => {
    expect(() => new HostPoliteness({ perHostConcurrency: 0 })).toThrow(/perHostConcurrency/);
    expect(() => new HostPoliteness({ minGapMs: -1 })).toThrow(/minGapMs/);
  });
});
