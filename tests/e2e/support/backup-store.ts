import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type { SiteResult } from '../../../src/results.ts';
import { openDatabase, openStore, type StoreConfig } from '../../../src/store/open-store.ts';
import type { Actor } from '../../../src/store/store.ts';
import { newSweep, site, siteResult } from '../../store/backends.ts';

const PROVINCE: Actor = { name: '省政府办公厅', role: 'province', region: null, tokenId: null };
const CHENGDU: Actor = { name: '成都市政府办公厅', role: 'city', region: '510100', tokenId: null };

/** A result failing annual-report, so that its finding can be appealed and decided. */
function failing(siteId: string): SiteResult {
  return {
    ...siteResult(siteId, 'done', 80),
    checks: [
      {
        ruleId: 'annual-report',
        outcome: 'fail',
        findings: [
          {
            url: `http://127.0.0.1:1/${siteId}/`,
            message: '首页没有2025年度政府网站工作年度报表的可见链接。',
            evidence: { expectedYears: [2025] },
          },
        ],
      },
    ],
  };
}

/**
 * A store holding something in every kind of table: sites, sweeps and results, tokens,
 * a webhook, probes, an appeal with its decision, the offices' wording entries (one of them deleted)
 * and a site's exception. Returns a token made in it.
 */
export async function fillStore(config: StoreConfig): Promise<{ token: string }> {
  const store = await openStore(config);
  try {
    await store.sites.replaceAll([site('chengdu'), site('mianyang', { region: '510700' })]);
    await store.sweeps.create(newSweep('s1', ['chengdu', 'mianyang']));
    await store.results.record('s1', failing('chengdu'));
    await store.results.record('s1', siteResult('mianyang', 'unreachable', 0));
    const { token } = await store.tokens.create({ role: 'province', region: null, name: '省政府办公厅' });
    await store.tokens.create({ role: 'city', region: '510100', name: '成都市政府办公厅' });
    await store.webhooks.create({
      id: 'wh_1',
      url: 'https://hooks.example.gov.cn/in',
      secret: `whsec_${Buffer.alloc(32, 1).toString('base64')}`,
      events: ['violation.detected'],
      region: null,
      createdBy: 'token:province',
    });
    await store.probes.record([
      {
        siteId: 'chengdu',
        at: '2026-11-14T01:00:00.000Z',
        url: 'http://127.0.0.1:1/',
        ok: true,
        status: 200,
        durationMs: 80,
      },
      {
        siteId: 'chengdu',
        at: '2026-11-14T01:30:00.000Z',
        url: 'http://127.0.0.1:1/',
        ok: false,
        error: 'ECONNREFUSED',
        durationMs: 3,
      },
    ]);
    const entry = { category: 'division', grade: '一般', createdBy: PROVINCE.name } as const;
    await store.wording.addEntry({ wrong: '天府新去', correct: '天府新区', ...entry });
    const deleted = await store.wording.addEntry({ wrong: '锦江去', correct: '锦江区', ...entry });
    await store.wording.deleteEntry(deleted!.id);
    await store.wording.addException({
      siteId: 'chengdu',
      text: '卢州市大酒店',
      reason: '企业登记名称',
      createdBy: CHENGDU.name,
    });
    const [stored] = await store.results.forSite('chengdu', 1);
    const finding = stored!.result.checks[0]!.findings[0]!;
    const at = new Date('2026-11-21T10:00:00+08:00');
    await store.adjudication.appeal({
      finding: { id: finding.id! },
      reason: '报表链接在页脚',
      by: CHENGDU,
      at,
    });
    await store.adjudication.decide({
      findings: [{ id: finding.id!, evidenceDigest: finding.evidenceDigest! }],
      verdict: 'overturned',
      reason: '已核实页脚有报表链接',
      by: PROVINCE,
      at: new Date(at.getTime() + 3_600_000),
    });
    return { token };
  } finally {
    await store.close();
  }
}

/** Every row of every table in the store, as sorted JSON, by table. */
export async function storeRows(config: StoreConfig): Promise<Record<string, string[]>> {
  const db = await openDatabase(config);
  try {
    const tables = await db.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    const rows: Record<string, string[]> = {};
    for (const { name } of tables) {
      const found = await db.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM "${name}" t`);
      rows[name] = found.map((r) => r.row).sort();
    }
    return rows;
  } finally {
    await db.close();
  }
}

/** Evidence files as the workers lay them out, with random (incompressible) bytes. */
export async function fillArtifacts(artifactDir: string): Promise<void> {
  const files: [string, Buffer][] = [
    ['s1/evidence/chengdu/header.png', randomBytes(300_000)],
    ['s1/evidence/mianyang/header.png', randomBytes(5_000)],
    ['s1/说明 notes.txt', Buffer.from('页头截图\n')],
  ];
  for (const [path, bytes] of files) {
    await mkdir(dirname(join(artifactDir, path)), { recursive: true });
    await writeFile(join(artifactDir, path), bytes);
  }
}

/** Every file under `dir` with its bytes (base64), by relative path. */
export async function filesUnder(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files: Record<string, string> = {};
  for (const entry of entries.filter((e) => e.isFile())) {
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path)] = (await readFile(path)).toString('base64');
  }
  return files;
}
