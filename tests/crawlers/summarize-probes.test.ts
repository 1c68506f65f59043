import { describe, expect, it } from 'vitest';
import type { HomepageProbe } from '../../crawlers/artifacts.ts';
import { shanghaiDate, shanghaiDayStart, summarizeProbes } from '../../crawlers/homepage-probe/summarize.ts';

const URL = 'https://www.chengdu.gov.cn/';
const WINDOW = { from: new Date('2026-09-30T16:00:00Z'), to: new Date('2026-10-10T16:00:00Z') };

/** A probe `minutes` after the window's start; `ok` false means a 15 s timeout. */
const probe = (minutes: number, ok: boolean): HomepageProbe => ({
  at: new Date(WINDOW.from.getTime() + minutes * 60_000).toISOString(),
  url: URL,
  ok,
  ...(ok ? { status: 200 } : { error: 'TIMEOUT' }),
  durationMs: ok ? 120 : 15_000,
});

/** A firewall's block page `minutes` after the window's start: the server answered, refusing the prober. */
const blockedProbe = (minutes: number): HomepageProbe => ({
  ...probe(minutes, true),
  status: 403,
  error: 'BLOCKED',
  evidence: '您的访问被拦截',
  durationMs: 60,
});

describe('summarizeProbes', () => {
  it('counts probes and failures, and the Asia/Shanghai days probed', () => {
    // 1 October 00:00 and 23:30, then 2 October 00:00 and 08:00 Beijing time (00:00 UTC): two days.
    const probes = [probe(0, true), probe(1410, true), probe(1440, false), probe(1920, true)];
    const summary = summarizeProbes(probes, WINDOW, 'scheduled-probes');
    expect(summary).toMatchObject({
      method: 'scheduled-probes',
      from: '2026-09-30T16:00:00.000Z',
      to: '2026-10-10T16:00:00.000Z',
      probes: 4,
      failures: 1,
      daysProbed: 2,
      episodes: [],
    });
    expect(summary.failedSamples).toEqual([probes[2]]);
    expect(summary).not.toHaveProperty('blocked');
  });

  it('leaves probes a firewall blocked out of the probes, the failures and the days, counting them apart', () => {
    // 1 October: two probes answered, one failed; 2 October: blocked all day; 3 October: one answered, one blocked.
    const probes = [
      probe(0, true),
      probe(30, false),
      probe(60, true),
      blockedProbe(1440),
      blockedProbe(1470),
      blockedProbe(1500),
      probe(2880, true),
      blockedProbe(2910),
    ];
    expect(summarizeProbes(probes, WINDOW, 'scheduled-probes')).toMatchObject({
      probes: 4,
      failures: 1,
      daysProbed: 2,
      blocked: 4,
      failedSamples: [probes[1]],
    });
  });

  it("counts the days with 20 probes or more, blocked ones left out (the indicator's 每天20次以上)", () => {
    // 1 October: 20 probes, one failed; 2 October: 19 answered and 5 blocked; 3 October: 48.
    const day = (n: number, count: number, offset = 0) =>
      Array.from({ length: count }, (_, i) => probe(n * 1440 + offset + i * 30, !(n === 0 && i === 3)));
    const probes = [
      ...day(0, 20),
      ...day(1, 19),
      ...Array.from({ length: 5 }, (_, i) => blockedProbe(1440 + 600 + i)),
      ...day(2, 48),
    ];
    expect(summarizeProbes(probes, WINDOW, 'scheduled-probes')).toMatchObject({
      probes: 87,
      failures: 1,
      daysProbed: 3,
      fullDays: 2,
      blocked: 5,
    });
  });

  it("ends a run of failures at a blocked probe: the server's front answered", () => {
    const probes = [probe(0, false), probe(30, false), blockedProbe(60), probe(90, false), probe(120, false)];
    const summary = summarizeProbes(probes, WINDOW, 'scheduled-probes');
    expect(summary.episodes).toEqual([
      { from: probes[0]!.at, to: probes[1]!.at, probes: 2 },
      { from: probes[3]!.at, to: probes[4]!.at, probes: 2 },
    ]);
    expect(summary).toMatchObject({ probes: 4, failures: 4, blocked: 1 });
  });

  it('counts a window of blocked probes only as no probe at all, with what was blocked', () => {
    const summary = summarizeProbes([blockedProbe(0)], WINDOW, 'single-probe');
    expect(summary).toMatchObject({ probes: 0, failures: 0, daysProbed: 0, blocked: 1, failedSamples: [] });
  });

  it('lists runs of two or more consecutive failures as offline episodes, oldest first, whatever the input order', () => {
    const probes = [
      probe(0, false),
      probe(30, true),
      probe(60, false),
      probe(90, false),
      probe(120, false),
      probe(150, true),
      probe(180, false),
      probe(210, false),
    ];
    const summary = summarizeProbes([...probes].reverse(), WINDOW, 'scheduled-probes');
    expect(summary.episodes).toEqual([
      { from: probes[2]!.at, to: probes[4]!.at, probes: 3 },
      { from: probes[6]!.at, to: probes[7]!.at, probes: 2 },
    ]);
    expect(summary.failures).toBe(6);
  });

  it('keeps the 20 newest failed probes as samples, newest first', () => {
    const probes = Array.from({ length: 30 }, (_, i) => probe(i * 30, false));
    const summary = summarizeProbes(probes, WINDOW, 'scheduled-probes');
    expect(summary.failedSamples).toHaveLength(20);
    expect(summary.failedSamples[0]).toEqual(probes[29]);
    expect(summary.failedSamples[19]).toEqual(probes[10]);
    expect(summary.episodes).toEqual([{ from: probes[0]!.at, to: probes[29]!.at, probes: 30 }]);
  });

  it('keeps the 20 longest episodes of a flapping site, in order, and counts them all', () => {
    // 30 two-probe outages, every 3 hours; the 7th and the 25th last three probes.
    const probes = Array.from({ length: 30 }, (_, i) => {
      const start = i * 180;
      const down = i === 6 || i === 24 ? 3 : 2;
      return [
        ...Array.from({ length: down }, (_, j) => probe(start + j * 30, false)),
        probe(start + down * 30, true),
      ];
    }).flat();
    const summary = summarizeProbes(probes, WINDOW, 'scheduled-probes');
    expect(summary.episodeCount).toBe(30);
    expect(summary.episodes).toHaveLength(20);
    expect(summary.episodes.filter((e) => e.probes === 3)).toHaveLength(2);
    const starts = summary.episodes.map((e) => Date.parse(e.from));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('summarizes the one-shot single probe, and no probe at all', () => {
    const failed = probe(0, false);
    expect(summarizeProbes([failed], WINDOW, 'single-probe')).toMatchObject({
      method: 'single-probe',
      probes: 1,
      failures: 1,
      daysProbed: 1,
      failedSamples: [failed],
      episodes: [],
    });
    expect(summarizeProbes([], WINDOW, 'scheduled-probes')).toMatchObject({
      probes: 0,
      failures: 0,
      daysProbed: 0,
      failedSamples: [],
      episodes: [],
    });
  });
});

describe('the Asia/Shanghai calendar of probes', () => {
  it('dates an instant by Beijing time, and finds where a Beijing day begins', () => {
    expect(shanghaiDate('2026-09-30T15:59:59.999Z')).toBe('2026-09-30');
    expect(shanghaiDate(new Date('2026-09-30T16:00:00Z'))).toBe('2026-10-01');
    expect(shanghaiDayStart('2026-10-01').toISOString()).toBe('2026-09-30T16:00:00.000Z');
  });
});
