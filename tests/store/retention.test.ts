import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NO_COUNTS } from '../../src/period-reports/adjudicated-period.ts';
import type { SiteResult } from '../../src/results.ts';
import { MIN_RETENTION_DAYS } from '../../src/service/config.ts';
import { periodsKept, trimOldRecords } from '../../src/service/retention.ts';
import type { SiteProbe } from '../../src/store/store.ts';
import { BACKENDS, newSweep, site, siteResult, useBackend } from './backends.ts';

/** 20 November 2026 (2026Q4, 2026H2); 184 days back is 20 May 2026. */
const NOW = new Date('2026-11-20T10:00:00+08:00');
const CITY = { name: '成都市政府办公厅', role: 'city', region: '510100', tokenId: null } as const;

/** Each sweep with its date (Asia/Shanghai), its sites, and which of their results a trim keeps. */
const SWEEPS: { id: string; at: string; sites: string[]; kept: string[]; why: string }[] = [
  { id: 'q4-2024-a', at: '2024-11-10', sites: ['chengdu', 'mianyang'], kept: [], why: 'superseded' },
  { id: 'lone-2024', at: '2024-11-11', sites: ['guangyuan'], kept: ['guangyuan'], why: "the site's latest" },
  { id: 'q4-2024-b', at: '2024-11-12', sites: ['chengdu', 'mianyang'], kept: ['chengdu'], why: 'appealed' },
  { id: 'q1-2025-a', at: '2025-02-10', sites: ['chengdu', 'mianyang'], kept: [], why: 'superseded' },
  {
    id: 'q1-2025-b',
    at: '2025-03-10',
    sites: ['chengdu', 'mianyang'],
    kept: ['chengdu', 'mianyang'],
    why: "latest of the quarter before a finalised notice's",
  },
  { id: 'q2-2025-a', at: '2025-05-10', sites: ['chengdu', 'mianyang'], kept: [], why: 'superseded' },
  {
    id: 'q2-2025-b',
    at: '2025-06-10',
    sites: ['chengdu', 'mianyang'],
    kept: ['chengdu', 'mianyang'],
    why: "latest of a quarter in the dashboard's trend",
  },
  { id: 'launch-failed', at: '2025-06-11', sites: [], kept: [], why: 'no result' },
  {
    id: 'h1-2026',
    at: '2026-06-01',
    sites: ['chengdu', 'mianyang'],
    kept: ['chengdu', 'mianyang'],
    why: 'within the retention',
  },
  {
    id: 'q4-2026',
    at: '2026-11-15',
    sites: ['chengdu', 'mianyang'],
    kept: ['chengdu', 'mianyang'],
    why: 'current',
  },
];

/** A result failing annual-report with one finding, as appeals need. */
function failing(siteId: string): SiteResult {
  return {
    ...siteResult(siteId, 'done', 70),
    checks: [
      {
        ruleId: 'annual-report',
        outcome: 'fail',
        findings: [{ url: `http://127.0.0.1:1/${siteId}/`, message: '首页没有年度报表链接。', evidence: {} }],
      },
    ],
  };
}

const day = (date: string) => new Date(`${date}T10:00:00+08:00`);

describe.each(BACKENDS)('trimming old records on the $name store', ({ name }) => {
  const backend = useBackend(name);
  let artifactDir = '';

  beforeAll(async () => {
    artifactDir = await mkdtemp(join(tmpdir(), 'gi-retention-'));
  });
  afterAll(() => rm(artifactDir, { recursive: true, force: true }));
  beforeEach(async () => {
    await backend.db.exec('TRUNCATE homepage_probes, homepage_probe_days, notice_versions');
    await rm(artifactDir, { recursive: true, force: true });
  });

  const evidence = (sweepId: string, siteId: string) =>
    join(artifactDir, sweepId, 'evidence', siteId, 'header.png');
  const exists = (path: string) =>
    stat(path).then(
      () => true,
      () => false,
    );

  /** Records every sweep in date order, as made then (with its evidence), and the appeal and notice. */
  async function history(): Promise<void> {
    const { sites, sweeps, results, adjudication, notices } = backend.store;
    await sites.replaceAll(['chengdu', 'mianyang', 'guangyuan'].map((id) => site(id)));
    for (const sweep of SWEEPS) {
      await sweeps.create(newSweep(sweep.id, sweep.sites, day(sweep.at).toISOString()));
      for (const siteId of sweep.sites) {
        await results.record(sweep.id, failing(siteId));
        await mkdir(join(artifactDir, sweep.id, 'evidence', siteId), { recursive: true });
        await writeFile(evidence(sweep.id, siteId), 'png');
      }
      const at = day(sweep.at).toISOString();
      await backend.db.query('UPDATE sweeps SET created_at = $2 WHERE id = $1', [sweep.id, at]);
      await backend.db.query('UPDATE site_results SET stored_at = $2 WHERE sweep_id = $1', [sweep.id, at]);
      if (sweep.id === 'q4-2024-b') {
        const [latest] = await results.forSite('chengdu', 1);
        const finding = latest!.result.checks[0]!.findings[0]!;
        await adjudication.appeal({
          finding: { id: finding.id! },
          reason: '报表在页脚',
          by: CITY,
          at: day(sweep.at),
        });
      }
    }
    await notices.finalise({
      kind: 'quarterly',
      period: '2025Q2',
      region: null,
      substanceHash: 'h',
      counts: NO_COUNTS,
      by: '省政府办公厅',
      at: day('2025-07-05'),
      render: async () => ({
        content: '{}',
        contentHash: '0'.repeat(64),
        html: '',
        csv: '',
        xlsx: Buffer.alloc(0),
      }),
    });
  }

  it('deletes the results and sweeps nothing reads, with their evidence, and keeps the rest', async () => {
    await history();
    const summary = await trimOldRecords(backend.store, {
      retentionDays: MIN_RETENTION_DAYS,
      artifactDir,
      now: NOW,
    });

    const stored = await backend.db.query<{ sweep_id: string; site_id: string }>(
      'SELECT sweep_id, site_id FROM site_results ORDER BY seq',
    );
    const expected = SWEEPS.flatMap((sweep) => sweep.kept.map((siteId) => `${sweep.id}/${siteId}`));
    expect(stored.map((row) => `${row.sweep_id}/${row.site_id}`)).toEqual(expected);
    const sweeps = await backend.db.query<{ id: string }>('SELECT id FROM sweeps ORDER BY created_at');
    expect(sweeps.map((row) => row.id)).toEqual(SWEEPS.filter((s) => s.kept.length > 0).map((s) => s.id));
    for (const sweep of SWEEPS) {
      for (const siteId of sweep.sites)
        expect(await exists(evidence(sweep.id, siteId)), `${sweep.id}/${siteId}: ${sweep.why}`).toBe(
          sweep.kept.includes(siteId),
        );
      if (sweep.kept.length === 0) expect(await exists(join(artifactDir, sweep.id)), sweep.id).toBe(false);
    }
    const gone = SWEEPS.reduce((n, sweep) => n + sweep.sites.length - sweep.kept.length, 0);
    // A sweep gone takes its folder with it; a result gone from a sweep kept, its site's folder.
    const folders = SWEEPS.reduce(
      (n, s) => n + (s.kept.length === 0 ? Math.min(s.sites.length, 1) : s.sites.length - s.kept.length),
      0,
    );
    expect(summary).toEqual({
      before: '2026-05-20T02:00:00.000Z',
      probes: 0,
      results: gone,
      sweeps: SWEEPS.filter((s) => s.kept.length === 0).length,
      evidenceFolders: folders,
    });

    // What the notice, the trend, the appeal and the site pages read is there as before.
    expect((await backend.store.results.latestInPeriod('2025Q1')).map((r) => r.sweepId)).toEqual([
      'q1-2025-b',
      'q1-2025-b',
    ]);
    expect((await backend.store.results.forSite('guangyuan')).map((r) => r.sweepId)).toEqual(['lone-2024']);
    expect(
      await backend.store.adjudication.history(
        (await backend.store.results.forSweep('q4-2024-b'))[0]!.result.checks[0]!.findings[0]!.id!,
      ),
    ).toHaveLength(1);

    // A second trim finds nothing more.
    expect(
      await trimOldRecords(backend.store, { retentionDays: MIN_RETENTION_DAYS, artifactDir, now: NOW }),
    ).toMatchObject({ probes: 0, results: 0, sweeps: 0, evidenceFolders: 0 });
  });

  it('keeps every result younger than the retention, superseded or not', async () => {
    await history();
    // 2024-11-10 is 740 days before NOW: nothing is older than 800 days.
    expect(await trimOldRecords(backend.store, { retentionDays: 800, artifactDir, now: NOW })).toMatchObject({
      results: 0,
      sweeps: 0,
      evidenceFolders: 0,
    });
    const [count] = await backend.db.query<{ n: number }>('SELECT count(*)::integer AS n FROM site_results');
    expect(count?.n).toBe(SWEEPS.reduce((n, sweep) => n + sweep.sites.length, 0));
  });

  it.each([
    ['the last hour of a second half-year', '2026-12-31T23:00:00+08:00', '2026-07-01T00:00:00+08:00'],
    ['the last hour of a first half-year', '2026-06-30T23:00:00+08:00', '2026-01-01T00:00:00+08:00'],
  ])('keeps, at %s, every probe its availability window reads', async (_name, now, periodStart) => {
    const from = new Date(periodStart);
    const at = (ms: number) => new Date(from.getTime() + ms).toISOString();
    const probe = (when: string, ok = true): SiteProbe => ({
      siteId: 'chengdu',
      at: when,
      url: 'http://127.0.0.1:1/chengdu/',
      ok,
      durationMs: 50,
      ...(ok ? { status: 200 } : { error: 'TIMEOUT' }),
    });
    // Ten days before the half-year (older than the retention), its first minutes, and its last hour.
    const before = [probe(at(-10 * 86_400_000)), probe(at(-9 * 86_400_000), false)];
    const inside = [probe(at(60_000), false), probe(at(120_000), false), probe(at(30 * 60_000))];
    const late = [probe(new Date(new Date(now).getTime() - 3_600_000).toISOString())];
    await backend.store.probes.record([...before, ...inside, ...late]);
    const window = { from, to: new Date(now) };
    const seen = await backend.store.probes.availability(['chengdu'], window);

    const summary = await trimOldRecords(backend.store, {
      retentionDays: MIN_RETENTION_DAYS,
      artifactDir,
      now: new Date(now),
    });
    expect(summary.probes).toBe(before.length);
    expect(await backend.store.probes.availability(['chengdu'], window)).toEqual(seen);
    expect(seen.get('chengdu')).toMatchObject({ probes: 4, failures: 2 });
  });
});

describe('the periods whose latest results a trim keeps', () => {
  it.each([
    [
      '2026-11-20T10:00:00+08:00',
      ['2026Q4', '2026Q3', '2026Q2', '2026Q1', '2025Q4', '2025Q3', '2025Q2', '2026H2', '2026H1'],
    ],
    [
      '2026-01-01T00:00:00+08:00',
      ['2026Q1', '2025Q4', '2025Q3', '2025Q2', '2025Q1', '2024Q4', '2024Q3', '2026H1', '2025H2'],
    ],
  ])('at %s: the trend’s quarters and the one before, this half-year and the last', (now, periods) => {
    expect(periodsKept(new Date(now))).toEqual(periods);
  });
});
