import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  appendProbes,
  type LoggedProbe,
  ProbeLogError,
  readProbeLog,
} from '../../crawlers/homepage-probe/probe-log.ts';

const UP: LoggedProbe = {
  siteId: 'sc-portal',
  at: '2026-11-25T02:00:00.000Z',
  url: 'https://www.sc.gov.cn/',
  ok: true,
  status: 200,
  durationMs: 320,
};
const DOWN: LoggedProbe = {
  siteId: 'xx-county',
  at: '2026-11-25T02:00:00.000Z',
  url: 'https://www.xuyong.gov.cn/',
  ok: false,
  error: 'ECONNREFUSED',
  durationMs: 2,
};

describe('probe log', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gov-inspect-probe-log-'));
  });

  it('creates the log, appends one line per probe and reads the probes back by site', async () => {
    const file = join(dir, 'round-trip.jsonl');
    await appendProbes(file, [UP, DOWN]);
    const later = { ...UP, at: '2026-11-25T02:30:00.000Z', evidence: '不写入记录' };
    await appendProbes(file, [later]);
    expect((await readFile(file, 'utf8')).trimEnd().split('\n')).toHaveLength(3);
    const { siteId: _a, ...up } = UP;
    const { siteId: _b, ...down } = DOWN;
    const { siteId: _c, evidence: _e, ...upLater } = later;
    expect(await readProbeLog(file)).toEqual(
      new Map([
        ['sc-portal', [up, upLater]],
        ['xx-county', [down]],
      ]),
    );
  });

  it('rejects a malformed line, naming its line number', async () => {
    const file = join(dir, 'malformed.jsonl');
    await writeFile(file, `${JSON.stringify(UP)}\n\n${JSON.stringify({ ...DOWN, ok: 'no' })}\n`);
    await expect(readProbeLog(file)).rejects.toThrow(ProbeLogError);
    await expect(readProbeLog(file)).rejects.toThrow(/第 3 行有误：ok 必须是 true 或 false/);
    await writeFile(file, `${JSON.stringify(UP)}\n{"siteId":\n`);
    await expect(readProbeLog(file)).rejects.toThrow(/第 2 行有误：不是有效的 JSON/);
  });

  it('rejects a missing log with a message naming it', async () => {
    await expect(readProbeLog(join(dir, 'nope.jsonl'))).rejects.toThrow(/无法读取探测记录文件 .*nope\.jsonl/);
  });
});
