import { describe, expect, it } from 'vitest';
import { BACKENDS, useBackend } from './backends.ts';

const ENTRY = {
  wrong: '天府新去',
  correct: '天府新区',
  category: 'division',
  grade: '一般',
  createdBy: '省政府办公厅',
} as const;

describe.each(BACKENDS)('the wording dictionary on the $name store', ({ name }) => {
  const backend = useBackend(name);

  it('keeps entries, oldest first, and refuses a second live entry of one wrong form', async () => {
    const { wording } = backend.store;
    const added = await wording.addEntry(ENTRY);
    expect(added).toEqual({ ...ENTRY, id: expect.any(String), createdAt: expect.stringMatching(/Z$/) });
    const other = await wording.addEntry({ ...ENTRY, wrong: '四川省人民政付', correct: '四川省人民政府' });
    expect(await wording.addEntry({ ...ENTRY, correct: '另一种写法' })).toBeUndefined();
    expect((await wording.entries()).map((e) => e.id)).toEqual([added!.id, other!.id]);
  });

  it('soft-deletes an entry: gone from the list, its row kept, its wrong form free again', async () => {
    const { wording } = backend.store;
    const added = await wording.addEntry(ENTRY);
    expect(await wording.deleteEntry(added!.id)).toBe(true);
    expect(await wording.deleteEntry(added!.id)).toBe(false);
    expect(await wording.deleteEntry('no-such-entry')).toBe(false);
    expect(await wording.entries()).toEqual([]);
    const rows = await backend.db.query<{ deleted_at: Date | null }>(
      'SELECT deleted_at FROM wording_entries',
    );
    expect(rows).toEqual([{ deleted_at: expect.any(Date) }]);
    expect(await wording.addEntry(ENTRY)).toMatchObject({ wrong: '天府新去' });
  });

  it('keeps each site’s exceptions apart, one live per text, deleted only on their own site', async () => {
    const { wording } = backend.store;
    const by = { reason: '企业登记名称', createdBy: '成都市政府办公厅' };
    const chengdu = await wording.addException({ siteId: 'chengdu', text: '卢州市大酒店', ...by });
    expect(chengdu).toEqual({
      id: expect.any(String),
      siteId: 'chengdu',
      text: '卢州市大酒店',
      ...by,
      createdAt: expect.stringMatching(/Z$/),
    });
    expect(await wording.addException({ siteId: 'chengdu', text: '卢州市大酒店', ...by })).toBeUndefined();
    const mianyang = await wording.addException({ siteId: 'mianyang', text: '卢州市大酒店', ...by });
    expect((await wording.exceptions(['chengdu'])).map((e) => e.id)).toEqual([chengdu!.id]);
    expect((await wording.exceptions(['chengdu', 'mianyang'])).map((e) => e.siteId)).toEqual([
      'chengdu',
      'mianyang',
    ]);
    expect(await wording.exceptions([])).toEqual([]);

    expect(await wording.deleteException('mianyang', chengdu!.id)).toBe(false);
    expect(await wording.deleteException('chengdu', chengdu!.id)).toBe(true);
    expect((await wording.exceptions(['chengdu', 'mianyang'])).map((e) => e.id)).toEqual([mianyang!.id]);
  });

  it('refuses what the schema forbids', async () => {
    await expect(
      backend.db.query(
        "INSERT INTO wording_entries (id, wrong, correct, category, grade, created_by) VALUES ('x', '甲', '乙', 'law', '轻微', 't')",
      ),
    ).rejects.toThrow();
    await expect(
      backend.db.query(
        "INSERT INTO wording_exceptions (id, site_id, text, reason, created_by) VALUES ('x', 's', '', 'r', 't')",
      ),
    ).rejects.toThrow();
  });
});
