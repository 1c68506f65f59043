import { beforeEach, describe, expect, it } from 'vitest';
import { summarizeProbes } from '../../crawlers/homepage-probe/summarize.ts';
import type { SiteProbe } from '../../src/store/store.ts';
import { BACKENDS, useBackend } from './backends.ts';

/** 1 October 2026, 00:00 Beijing time: the start of 2026Q4. */
const Q4 = Date.parse('2026-09-30T16:00:00Z');
const HALF_HOUR = 30 * 60_000;

/**
 * Ten days of probes every half hour, offset a little per site: short failure runs, lone failures, and
 * a long run across midnight; some failures are timeouts, some HTTP errors, some refusals. A firewall
 * blocks the prober every 6.5 hours (once within the long run, splitting it) and for all of day 6 and
 * the start of day 7.
 */
function series(siteId: string, offsetMs: number): SiteProbe[] {
  return Array.from({ length: 10 * 48 }, (_, i): SiteProbe => {
    const at = new Date(Q4 + offsetMs + i * HALF_HOUR).toISOString();
    const url = `https://${siteId}.gov.cn/`;
    if (i % 13 === 6 || (i >= 240 && i < 300))
      return { siteId, at, url, ok: true, status: 403, error: 'BLOCKED', durationMs: 30 };
    const failing = i % 37 < 2 || i % 53 === 0 || (i >= 130 && i < 150);
    if (!failing) return { siteId, at, url, ok: true, status: 200, durationMs: 80 + (i % 7) };
    const failure =
      i % 3 === 0
        ? { error: 'TIMEOUT', durationMs: 15_000 }
        : i % 3 === 1
          ? { status: 503, error: 'HTTP_503', durationMs: 40 }
          : { error: 'ECONNREFUSED', durationMs: 2 };
    return { siteId, at, url, ok: false, ...failure };
  });
}

const inWindow = (probes: SiteProbe[], from: Date, to: Date) =>
  probes
    .filter((p) => Date.parse(p.at) >= from.getTime() && Date.parse(p.at) <= to.getTime())
    .map(({ siteId: _siteId, ...probe }) => probe);

describe.each(BACKENDS)('homepage probes on the $name store', ({ name }) => {
  const backend = useBackend(name);
  const a = series('site-a', 0);
  const b = series('site-b', 7 * 60_000);

  beforeEach(async () => {
    await backend.db.exec('TRUNCATE homepage_probes, homepage_probe_days');
  });

  /** Records the probes round by round, as the probe rounds do. */
  const recordRounds = async (...sites: SiteProbe[][]) => {
    for (let round = 0; round < sites[0]!.length; round += 48) {
      await backend.store.probes.record(sites.flatMap((probes) => probes.slice(round, round + 48)));
    }
  };

  it.each([
    ['from the start of the quarter to a sweep mid-morning', Q4, Q4 + 8 * 86_400_000 + 3.3 * 3_600_000],
    ['from mid-day to mid-day', Q4 + 2.6 * 86_400_000, Q4 + 7.2 * 86_400_000],
    ['within one day', Q4 + 2 * 86_400_000 + 3_600_000, Q4 + 2 * 86_400_000 + 9 * 3_600_000],
    ['across one midnight', Q4 + 2.8 * 86_400_000, Q4 + 3.4 * 86_400_000],
    ['ending at midnight exactly', Q4 + 86_400_000, Q4 + 4 * 86_400_000],
    ['ending in a day the firewall blocked throughout', Q4 + 4 * 86_400_000, Q4 + 5.5 * 86_400_000],
  ])('summarizes a window %s as summarizeProbes does over its probes', async (_name, fromMs, toMs) => {
    await recordRounds(a, b);
    const [from, to] = [new Date(fromMs), new Date(toMs)];
    const summaries = await backend.store.probes.availability(['site-a', 'site-b'], { from, to });
    for (const [siteId, probes] of [
      ['site-a', a],
      ['site-b', b],
    ] as const) {
      const expected = summarizeProbes(inWindow(probes, from, to), { from, to }, 'scheduled-probes');
      expect(expected.failures).toBeGreaterThan(0);
      expect(expected.blocked).toBeGreaterThan(0);
      expect(summaries.get(siteId), siteId).toEqual(expected);
    }
  });

  it('does not join failures across a stretch when the service was not probing', async () => {
    // Failing from day 0 22:00 to day 1 00:00, nothing probed for 40 days (the service was stopped), then
    // failing again for two hours: two short episodes, not one of 40 days.
    const at = (ms: number) => new Date(Q4 + ms).toISOString();
    const down = (ms: number): SiteProbe => ({
      siteId: 'site-a',
      at: at(ms),
      url: 'https://site-a.gov.cn/',
      ok: false,
      error: 'TIMEOUT',
      durationMs: 15_000,
    });
    const probes = [0, 1, 2, 3, 4].map((i) => down(22 * 3_600_000 + i * HALF_HOUR));
    const later = [0, 1, 2, 3, 4].map((i) => down(41 * 86_400_000 + i * HALF_HOUR));
    await backend.store.probes.record([...probes, ...later]);
    const window = { from: new Date(Q4), to: new Date(Q4 + 45 * 86_400_000) };
    const summary = (await backend.store.probes.availability(['site-a'], window)).get('site-a')!;
    expect(summary.episodes.map((e) => e.probes)).toEqual([5, 5]);
    expect(summary).toEqual(
      summarizeProbes(inWindow([...probes, ...later], window.from, window.to), window, 'scheduled-probes'),
    );
  });

  it('ignores a round recorded twice, in the probes and in the day counts', async () => {
    const round = [...a.slice(0, 48), ...b.slice(0, 48)];
    await backend.store.probes.record(round);
    await backend.store.probes.record(round);
    const window = { from: new Date(Q4), to: new Date(Q4 + 86_400_000) };
    const summary = (await backend.store.probes.availability(['site-a'], window)).get('site-a');
    const first = a.slice(0, 48);
    expect(summary).toMatchObject({
      probes: first.filter((p) => p.error !== 'BLOCKED').length,
      failures: first.filter((p) => !p.ok).length,
      blocked: first.filter((p) => p.error === 'BLOCKED').length,
    });
    const [count] = await backend.db.query<{ n: number }>(
      'SELECT count(*)::integer AS n FROM homepage_probes',
    );
    expect(count?.n).toBe(96);
  });

  it('counts the days with 20 probes or more, in whole days and in the part-days at either end', async () => {
    // Every half hour from 09:00 to 18:30 (20 probes) on days 0 and 2, to 18:00 (19) on days 1 and 3.
    const probes = [0, 1, 2, 3].flatMap((day) =>
      Array.from(
        { length: day % 2 === 0 ? 20 : 19 },
        (_, i): SiteProbe => ({
          siteId: 'site-a',
          at: new Date(Q4 + day * 86_400_000 + 9 * 3_600_000 + i * HALF_HOUR).toISOString(),
          url: 'https://site-a.gov.cn/',
          ok: true,
          status: 200,
          durationMs: 80,
        }),
      ),
    );
    await backend.store.probes.record(probes);
    const count = async (fromMs: number, toMs: number) =>
      (
        await backend.store.probes.availability(['site-a'], { from: new Date(fromMs), to: new Date(toMs) })
      ).get('site-a')!;
    expect(await count(Q4, Q4 + 4 * 86_400_000)).toMatchObject({ daysProbed: 4, fullDays: 2, probes: 78 });
    // From day 0 at 08:00 to day 2 at 20:00: both ends are part-days, day 2's 20 probes all in.
    expect(await count(Q4 + 8 * 3_600_000, Q4 + 2 * 86_400_000 + 20 * 3_600_000)).toMatchObject({
      daysProbed: 3,
      fullDays: 2,
    });
    // Ending at day 2's 18:00: 19 of its probes so far, not yet a full day.
    expect(await count(Q4, Q4 + 2 * 86_400_000 + 18 * 3_600_000)).toMatchObject({
      daysProbed: 3,
      fullDays: 1,
    });
  });

  it('leaves out sites with no probe in the window and sites not asked for', async () => {
    await recordRounds(a);
    await backend.store.probes.record([]);
    const window = { from: new Date(Q4), to: new Date(Q4 + 86_400_000) };
    const summaries = await backend.store.probes.availability(['site-a', 'site-b'], window);
    expect([...summaries.keys()]).toEqual(['site-a']);
    expect(await backend.store.probes.availability(['site-b'], window)).toEqual(new Map());
    const before = { from: new Date(Q4 - 86_400_000), to: new Date(Q4 - 1) };
    expect(await backend.store.probes.availability(['site-a'], before)).toEqual(new Map());
  });

  it('prunes whole Beijing days before the given instant', async () => {
    await recordRounds(a);
    // Day 4 begins at Q4 + 3 days; the instant is that day's noon: days 1 to 3 go.
    expect(await backend.store.probes.prune(new Date(Q4 + 3.5 * 86_400_000))).toBe(3 * 48);
    const window = { from: new Date(Q4), to: new Date(Q4 + 10 * 86_400_000) };
    const summary = (await backend.store.probes.availability(['site-a'], window)).get('site-a');
    // Day 6 was blocked throughout: probed, but not a day probed.
    expect(summary!.probes + summary!.blocked!).toBe(7 * 48);
    expect(summary).toMatchObject({ daysProbed: 6 });
    expect(summary).toEqual(
      summarizeProbes(inWindow(a.slice(3 * 48), window.from, window.to), window, 'scheduled-probes'),
    );
  });
});
