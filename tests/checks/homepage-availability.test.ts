import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../checks/check.ts';
import { homepageAvailability } from '../../checks/homepage-availability.ts';
import type { HomepageAvailability, HomepageProbe, OfflineEpisode } from '../../crawlers/artifacts.ts';
import { site } from './fixtures/builders.ts';

const NOW = new Date('2026-11-25T02:00:00Z');
const HOME = site().homepage;

const probe = (at: string, overrides: Partial<HomepageProbe> = {}): HomepageProbe => ({
  at,
  url: HOME,
  ok: false,
  error: 'TIMEOUT',
  durationMs: 15_000,
  ...overrides,
});

/**
 * The service's summary of a quarter so far: 1 October to 25 November, 48 probes a day. Unless told,
 * the probes are spread evenly over the days probed, so each day is full when the average reaches 20.
 */
function scheduled(overrides: Partial<HomepageAvailability> = {}): HomepageAvailability {
  const probes = overrides.probes ?? 56 * 48;
  const daysProbed = overrides.daysProbed ?? 56;
  const even = daysProbed > 0 && probes / daysProbed >= 20 ? daysProbed : 0;
  return {
    method: 'scheduled-probes',
    from: '2026-09-30T16:00:00.000Z',
    to: NOW.toISOString(),
    probes,
    failures: 0,
    daysProbed,
    fullDays: even,
    failedSamples: [],
    episodes: [],
    ...overrides,
    episodeCount: overrides.episodeCount ?? overrides.episodes?.length ?? 0,
  };
}

function single(ok: boolean, failed?: HomepageProbe): HomepageAvailability {
  return {
    method: 'single-probe',
    from: '2026-11-25T02:00:00.000Z',
    to: '2026-11-25T02:00:01.000Z',
    probes: 1,
    failures: ok ? 0 : 1,
    daysProbed: 1,
    fullDays: 0,
    failedSamples: failed ? [failed] : [],
    episodes: [],
    episodeCount: 0,
  };
}

const judge = (availability: HomepageAvailability): CheckResult =>
  homepageAvailability.run({ availability }, { site: site(), now: NOW });

const episode = (from: string, to: string, probes: number): OfflineEpisode => ({ from, to, probes });

describe('homepage-availability', () => {
  it('declares clause 4.4.2, every site, the availability artifact', () => {
    expect(homepageAvailability.meta).toMatchObject({
      id: 'homepage-availability',
      clause: '4.4.2',
      title: '首页可用性（站点无法访问）',
      requires: ['availability'],
    });
    expect(homepageAvailability.meta.appliesTo(site({ level: 'county', kind: 'department' }))).toBe(true);
  });

  it.each([
    ['the one-shot single probe answered', single(true)],
    ['48 probes a day for 56 days, none failed', scheduled()],
    ['failures just under 5 %', scheduled({ probes: 1000, failures: 49, daysProbed: 20 })],
    ['exactly a week at 20 probes a day', scheduled({ probes: 140, daysProbed: 7 })],
    [
      'a week of 20-probe days among thin ones (the service was restarted)',
      scheduled({ probes: 7 * 20 + 30 * 5, daysProbed: 37, fullDays: 7 }),
    ],
    [
      'a 30-day offline, the longest clause 4.4.2 allows, in a long enough window',
      scheduled({
        probes: 20_000,
        failures: 900,
        daysProbed: 200,
        episodes: [episode('2026-06-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z', 900)],
      }),
    ],
  ])('passes: %s', (_name, availability) => {
    expect(judge(availability)).toEqual({ outcome: 'pass', findings: [] });
  });

  it('gives review, not fail, when the one-shot single probe failed', () => {
    const failed = probe('2026-11-25T02:00:00.000Z', { ok: false, status: 503, error: 'HTTP_503' });
    const result = judge(single(false, failed));
    expect(result.outcome).toBe('review');
    expect(result.singleVeto).toBeUndefined();
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.url).toBe(HOME);
    expect(result.findings[0]!.message).toContain('首页单次探测失败（返回 HTTP 503）');
    expect(result.findings[0]!.message).toContain('服务中按计划多次探测后才能判断');
    expect(result.findings[0]!.evidence).toMatchObject({ method: 'single-probe', failedSamples: [failed] });
  });

  it('names a refused connection of the single probe in Chinese', () => {
    const failed = probe('2026-11-25T02:00:00.000Z', { error: 'ECONNREFUSED', durationMs: 3 });
    expect(judge(single(false, failed)).findings[0]!.message).toContain('连接被拒绝（ECONNREFUSED）');
  });

  it('names a maintenance page of the single probe, with what it said', () => {
    const failed = probe('2026-11-25T02:00:00.000Z', {
      status: 200,
      error: 'MAINTENANCE',
      evidence: '标题：网站维护中',
      durationMs: 80,
    });
    expect(judge(single(false, failed)).findings[0]!.message).toContain(
      '首页单次探测失败（网站显示维护页面，标题：网站维护中）',
    );
  });

  it('notes how many of the sampled failures were maintenance pages (clause 4.4.2 temporary offline)', () => {
    const maintenance = (at: string) => probe(at, { status: 503, error: 'MAINTENANCE', durationMs: 60 });
    const samples = [
      maintenance('2026-11-24T10:00:00.000Z'),
      maintenance('2026-11-24T09:30:00.000Z'),
      probe('2026-11-20T03:30:00.000Z'),
    ];
    const failing = judge(scheduled({ probes: 2000, failures: 100, daysProbed: 42, failedSamples: samples }));
    expect(failing.outcome).toBe('fail');
    expect(failing.findings[0]!.message).toContain(
      '最近3次失败中有2次首页显示维护页面，属于临时下线，按条款4.4.2每年不超过一次、每次不超过30天。',
    );
    const sparse = judge(scheduled({ probes: 10, failures: 3, daysProbed: 2, failedSamples: samples }));
    expect(sparse.outcome).toBe('review');
    expect(sparse.findings[0]!.message).toContain('有2次首页显示维护页面');
  });

  it.each([
    ['fewer than 7 days probed', scheduled({ probes: 6 * 48, daysProbed: 6 }), '共6天探测了首页、共288次'],
    [
      "19 probes a day, the old threshold of 15 met but not the indicator's 20",
      scheduled({ probes: 19 * 30, daysProbed: 30 }),
      '探测达到每天20次的只有0天',
    ],
    [
      'six full days among many thin ones',
      scheduled({ probes: 6 * 48 + 40 * 10, daysProbed: 46, fullDays: 6 }),
      '共46天探测了首页、共688次（其中0次失败），探测达到每天20次的只有6天',
    ],
    ['no probes at all', scheduled({ probes: 0, daysProbed: 0 }), '共0天探测了首页、共0次'],
  ])('gives review when there are not enough probes yet: %s', (_name, availability, says) => {
    const result = judge(availability);
    expect(result.outcome).toBe('review');
    expect(result.findings[0]!.message).toContain(says);
    expect(result.findings[0]!.message).toContain('暂不能判断');
  });

  it('gives review for too few probes even when many failed: the sample is too small to veto', () => {
    const result = judge(scheduled({ probes: 10, failures: 5, daysProbed: 2 }));
    expect(result.outcome).toBe('review');
    expect(result.findings[0]!.message).toContain('其中5次失败');
  });

  it('fails with a single veto when failures reach 5 % of the probes, with rate, counts and samples', () => {
    const samples = [
      probe('2026-11-24T10:00:00.000Z'),
      probe('2026-11-20T03:30:00.000Z', { status: 502, error: 'HTTP_502', durationMs: 40 }),
    ];
    const episodes = [episode('2026-11-03T01:00:00.000Z', '2026-11-03T02:30:00.000Z', 4)];
    const result = judge(
      scheduled({ probes: 2000, failures: 100, daysProbed: 42, failedSamples: samples, episodes }),
    );
    expect(result.outcome).toBe('fail');
    expect(result.singleVeto).toContain('站点无法访问');
    expect(result.singleVeto).toContain('单项否决');
    expect(result.findings).toEqual([
      {
        url: HOME,
        message:
          '2026年10月1日至2026年11月25日期间共探测首页2000次，其中100次打不开（超过15秒、出错或显示维护页面），占5.0%，达到“站点无法访问”5%的标准。',
        evidence: {
          judgement: 'failure-rate',
          method: 'scheduled-probes',
          from: '2026-09-30T16:00:00.000Z',
          to: '2026-11-25T02:00:00.000Z',
          probes: 2000,
          failures: 100,
          failureRate: 0.05,
          daysProbed: 42,
          fullDays: 42,
          episodes,
          episodeCount: 1,
          failedSamples: samples,
        },
      },
    ]);
  });

  it('fails with a single veto on an offline episode longer than 30 days (clause 4.4.2), listing it', () => {
    const long = episode('2026-10-02T00:00:00.000Z', '2026-11-05T00:00:00.000Z', 1632);
    const short = episode('2026-11-20T00:00:00.000Z', '2026-11-20T01:00:00.000Z', 3);
    const result = judge(scheduled({ failures: 1635, episodes: [long, short] }));
    expect(result.outcome).toBe('fail');
    expect(result.singleVeto).toContain('4.4.2');
    expect(result.singleVeto).toContain('单项否决');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.message).toBe(
      '首页自2026年10月2日至2026年11月5日连续无法访问（1632次探测均失败），超过临时下线不得超过30天的规定。',
    );
    expect(result.findings[0]!.evidence).toMatchObject({ episode: long, episodes: [long, short] });
  });

  it('notes the probes a firewall blocked, left out of the counts, and carries them as evidence', () => {
    const failing = judge(scheduled({ probes: 2000, failures: 100, daysProbed: 42, blocked: 300 }));
    expect(failing.outcome).toBe('fail');
    expect(failing.findings[0]!.message).toContain(
      '共探测首页2000次，其中100次打不开（超过15秒、出错或显示维护页面），占5.0%，达到“站点无法访问”5%的标准。另有300次探测被网站防火墙拦截，未计入。',
    );
    expect(failing.findings[0]!.evidence).toMatchObject({ probes: 2000, failures: 100, blocked: 300 });
    const sparse = judge(scheduled({ probes: 60, failures: 1, daysProbed: 5, blocked: 12 }));
    expect(sparse.outcome).toBe('review');
    expect(sparse.findings[0]!.message).toContain('暂不能判断');
    expect(sparse.findings[0]!.message).toContain('另有12次探测被网站防火墙拦截，未计入。');
    // Half the probes blocked: the other half still judge the site.
    expect(judge(scheduled({ probes: 1000, failures: 49, daysProbed: 20, blocked: 1000 }))).toEqual({
      outcome: 'pass',
      findings: [],
    });
  });

  it.each([
    [
      'blocked all along (the site behind may be down)',
      scheduled({ probes: 0, daysProbed: 0, blocked: 56 * 48 }),
    ],
    [
      'mostly blocked, the rest passing',
      scheduled({ probes: 500, failures: 0, daysProbed: 56, blocked: 2188 }),
    ],
    [
      'mostly blocked, the rest failing',
      scheduled({ probes: 500, failures: 200, daysProbed: 56, blocked: 2188 }),
    ],
  ])(
    'gives review, neither pass nor fail, when most probes were blocked by a firewall: %s',
    (_name, availability) => {
      const result = judge(availability);
      expect(result.outcome).toBe('review');
      expect(result.singleVeto).toBeUndefined();
      expect(result.findings[0]!.message).toContain(
        `首页探测中有${availability.blocked}次被网站防火墙拦截（服务器有应答，但拒绝了探测方），多于其余的${availability.probes}次探测`,
      );
      expect(result.findings[0]!.message).toContain('无法判断是否“站点无法访问”');
      expect(result.findings[0]!.evidence).toMatchObject({ blocked: availability.blocked });
    },
  );

  it('still fails on an offline run of more than 30 days when most other probes were blocked', () => {
    // The run's probes all failed, none was answered, not even by a firewall: the site was down.
    const long = episode('2026-10-02T00:00:00.000Z', '2026-11-05T00:00:00.000Z', 1632);
    const result = judge(scheduled({ probes: 1700, failures: 1632, blocked: 988, episodes: [long] }));
    expect(result.outcome).toBe('fail');
    expect(result.singleVeto).toBeDefined();
  });

  it('gives review when the one-shot single probe was blocked by a firewall', () => {
    const blocked = { ...single(true), probes: 0, daysProbed: 0, blocked: 1 };
    const result = judge(blocked);
    expect(result.outcome).toBe('review');
    expect(result.findings[0]!.message).toContain(
      '首页单次探测被网站防火墙拦截（服务器有应答，但拒绝了探测方）',
    );
    expect(result.findings[0]!.evidence).toMatchObject({ method: 'single-probe', probes: 0, blocked: 1 });
  });

  it('fails on a long offline episode even when the probes were too sparse to judge the rate', () => {
    const long = episode('2026-10-02T00:00:00.000Z', '2026-11-05T00:00:00.000Z', 34);
    const result = judge(scheduled({ probes: 40, failures: 34, daysProbed: 40, episodes: [long] }));
    expect(result.outcome).toBe('fail');
    expect(result.singleVeto).toBeDefined();
  });
});

describe('homepage-availability evidence', () => {
  it.each([
    ['single-probe', single(false, probe('2026-11-25T02:00:00.000Z'))],
    ['too-few-probes', scheduled({ probes: 60, daysProbed: 3 })],
    ['blocked', scheduled({ probes: 100, daysProbed: 10, blocked: 300 })],
    ['failure-rate', scheduled({ probes: 1000, failures: 80, daysProbed: 20 })],
    [
      'offline-episode',
      scheduled({
        probes: 5000,
        failures: 1500,
        daysProbed: 56,
        episodes: [episode('2026-10-01T00:00:00.000Z', '2026-11-10T00:00:00.000Z', 1500)],
      }),
    ],
  ])('names what its finding was judged on: %s', (judgement, availability) => {
    expect(judge(availability).findings.map((f) => f.evidence.judgement)).toEqual([judgement]);
  });
});
