import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { NO_COUNTS } from '../../src/period-reports/adjudicated-period.ts';
import type { FinaliseRequest, NoticeFiles, NoticeScope } from '../../src/store/notices-repository.ts';
import { BACKENDS, useBackend } from './backends.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const CHENGDU: NoticeScope = { kind: 'quarterly', period: '2026Q4', region: '510100' };
const PROVINCE: NoticeScope = { kind: 'quarterly', period: '2026Q4', region: null };

/** Files whose content names the version and the substance they were rendered from. */
function files(substance: string) {
  return async (version: number): Promise<NoticeFiles> => {
    const content = JSON.stringify({ substance, version });
    return {
      content,
      contentHash: sha256(content),
      html: `<p>第 ${version} 版：${substance}</p>`,
      csv: `\uFEFF网站名称\r\n${substance}\r\n`,
      xlsx: Buffer.from([0x50, 0x4b, 0x03, 0x04, version]),
    };
  };
}

function request(
  substance: string,
  scope: NoticeScope = CHENGDU,
  at = '2026-12-20T02:00:00Z',
): FinaliseRequest {
  return {
    ...scope,
    substanceHash: sha256(substance),
    counts: { ...NO_COUNTS, findings: 3, reviewed: 1, overturned: 1, struckOff: 1 },
    by: '省政府办公厅',
    at: new Date(at),
    render: files(substance),
  };
}

describe.each(BACKENDS)('finalised notices on the $name store', ({ name }) => {
  const backend = useBackend(name);
  beforeEach(() => backend.db.exec('TRUNCATE notice_versions'));

  it('stores version 1 with its files and hash, and reads them back byte for byte', async () => {
    const { version, created } = await backend.store.notices.finalise(request('成都 A'));
    expect(created).toBe(true);
    expect(version).toEqual({
      ...CHENGDU,
      version: 1,
      finalisedAt: '2026-12-20T02:00:00.000Z',
      finalisedBy: '省政府办公厅',
      contentHash: sha256(JSON.stringify({ substance: '成都 A', version: 1 })),
      counts: { ...NO_COUNTS, findings: 3, reviewed: 1, overturned: 1, struckOff: 1 },
    });
    const stored = await backend.store.notices.get(CHENGDU, 1);
    expect(stored).toMatchObject({
      ...version,
      html: '<p>第 1 版：成都 A</p>',
      csv: '\uFEFF网站名称\r\n成都 A\r\n',
    });
    expect(stored!.xlsx).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1]));
    expect(sha256(stored!.content)).toBe(stored!.contentHash);
  });

  it('answers the last version when nothing changed, and makes version 2 when something did', async () => {
    const { notices } = backend.store;
    await notices.finalise(request('成都 A'));
    const again = await notices.finalise(request('成都 A', CHENGDU, '2026-12-21T02:00:00Z'));
    expect(again).toMatchObject({
      created: false,
      version: { version: 1, finalisedAt: '2026-12-20T02:00:00.000Z' },
    });
    const second = await notices.finalise(request('成都 B', CHENGDU, '2026-12-22T02:00:00Z'));
    expect(second).toMatchObject({ created: true, version: { version: 2 } });
    expect((await notices.versions(CHENGDU)).map((v) => [v.version, v.finalisedAt])).toEqual([
      [1, '2026-12-20T02:00:00.000Z'],
      [2, '2026-12-22T02:00:00.000Z'],
    ]);
    expect((await notices.get(CHENGDU, 1))!.html).toBe('<p>第 1 版：成都 A</p>');
  });

  it('keeps each notice apart: the province, a region, another kind or period', async () => {
    const { notices } = backend.store;
    await notices.finalise(request('成都 A'));
    expect((await notices.finalise(request('成都 A', PROVINCE))).version).toMatchObject({
      version: 1,
      region: null,
    });
    expect(await notices.versions({ ...CHENGDU, period: '2027Q1' })).toEqual([]);
    expect(await notices.versions({ ...CHENGDU, kind: 'semiannual', period: '2026H2' })).toEqual([]);
    expect(await notices.get(CHENGDU, 2)).toBeUndefined();
  });

  it('never edits or deletes a version, and writes nothing when rendering fails', async () => {
    const { notices } = backend.store;
    await notices.finalise(request('成都 A'));
    await expect(backend.db.query("UPDATE notice_versions SET html = 'x'")).rejects.toThrow(/append-only/);
    await expect(backend.db.query('DELETE FROM notice_versions')).rejects.toThrow(/append-only/);
    const broken: FinaliseRequest = {
      ...request('成都 B'),
      render: () => Promise.reject(new Error('renderer broke')),
    };
    await expect(notices.finalise(broken)).rejects.toThrow('renderer broke');
    expect((await notices.versions(CHENGDU)).map((v) => v.version)).toEqual([1]);
  });

  it('gives concurrent finalisations of changed content consecutive versions', async () => {
    const { notices } = backend.store;
    const answers = await Promise.all(
      ['A', 'B', 'C'].map((s, i) => notices.finalise(request(`成都 ${s}${i}`))),
    );
    expect(answers.map((a) => a.version.version).sort()).toEqual([1, 2, 3]);
  });
});
