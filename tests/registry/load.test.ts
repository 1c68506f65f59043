import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSites } from '../../src/registry/load.ts';
import { GOOD_SITES, problemsOf, registryErrorOf } from './expected-sites.ts';

const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);

describe('loadSites', () => {
  it.each(['good.yaml', 'good.json', 'good.csv'])('reads %s into the same sites', async (name) => {
    expect(await loadSites(fixture(name))).toStrictEqual(GOOD_SITES);
  });

  it('reports every problem of a YAML file, each with its line', async () => {
    expect(await problemsOf(() => loadSites(fixture('many-problems.yaml')))).toEqual([
      { line: 8, field: 'sites[1].fullName', message: '缺少必填字段 fullName' },
      { line: 9, field: 'sites[1].fullname', message: expect.stringContaining('未知字段 "fullname"') },
      {
        line: 10,
        field: 'sites[1].homepage',
        message: expect.stringContaining('"ftp://www.chengdu.gov.cn/"'),
      },
      {
        line: 11,
        field: 'sites[1].level',
        message: 'level 必须是 province、city 或 county 之一，得到 "town"',
      },
      { line: 13, field: 'sites[1].region', message: expect.stringContaining('得到 "5101"') },
      { line: 14, field: 'sites[2].id', message: 'id "sc-portal" 重复：第 2 行已经用过这个 id' },
      { line: 20, field: 'sites[2].parent', message: 'parent "chengdu-x" 不是本清单中任何站点的 id' },
      { line: 21, field: 'sites[2].archiveRoots', message: expect.stringContaining('得到 "archive"') },
    ]);
  });

  it('reports every problem of a JSON file, each with its line', async () => {
    const problems = await problemsOf(() => loadSites(fixture('many-problems.json')));
    expect(problems.map(({ line, field }) => [line, field])).toEqual([
      [11, 'sites[1].fullName'],
      [13, 'sites[1].fullname'],
      [14, 'sites[1].homepage'],
      [15, 'sites[1].level'],
      [17, 'sites[1].region'],
      [20, 'sites[2].id'],
      [26, 'sites[2].parent'],
      [27, 'sites[2].archiveRoots'],
    ]);
    expect(problems[5]?.message).toBe('id "sc-portal" 重复：第 3 行已经用过这个 id');
  });

  it('reports every problem of a CSV file, each with its spreadsheet row', async () => {
    const problems = await problemsOf(() => loadSites(fixture('many-problems.csv')));
    expect(problems.map(({ row, field }) => [row, field])).toEqual([
      [1, 'remark'],
      [3, 'fullName'],
      [3, 'homepage'],
      [3, 'level'],
      [3, 'region'],
      [5, 'id'],
      [5, 'parent'],
      [5, 'siteCode'],
      [5, 'archiveRoots'],
    ]);
    expect(problems[5]?.message).toBe('id "sc-portal" 重复：第 2 行已经用过这个 id');
  });

  it('names the file and each problem in the message', async () => {
    const path = fixture('many-problems.csv');
    const lines = (await registryErrorOf(() => loadSites(path))).message.split('\n');
    expect(lines[0]).toBe(`站点清单 ${path} 有 9 个问题，未导入任何站点：`);
    expect(lines).toContain(
      '  第 3 行 D 列（level）：level 必须是 province、city 或 county 之一，得到 "town"',
    );
    expect(lines).toHaveLength(10);
  });

  it('rejects an unknown extension before reading the file', async () => {
    const error = await registryErrorOf(() => loadSites(fixture('sites.txt')));
    expect(error.message).toContain(
      '无法识别文件格式（扩展名是 .txt）：站点清单必须是 .yaml、.yml、.json、.csv 或 .xlsx 文件',
    );
  });

  it('says in Chinese that a file is missing, without a stack of ENOENT', async () => {
    const path = fixture('no-such-file.yaml');
    const error = await registryErrorOf(() => loadSites(path));
    expect(error.message).toBe(
      `站点清单 ${path} 有 1 个问题，未导入任何站点：\n  找不到这个文件，请检查路径是否正确`,
    );
    expect(error.message).not.toContain('ENOENT');
  });

  describe('with files written by the test', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'registry-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('rejects a CSV saved as GBK with a hint to save it as UTF-8', async () => {
      const path = join(dir, 'gbk.csv');
      // "四川省人民政府" in GBK.
      const name = Buffer.from('cbc4b4a8caa1c8cbc3f1d5feb8ae', 'hex');
      const row = Buffer.concat([
        Buffer.from('sc-portal,'),
        name,
        Buffer.from(',https://www.sc.gov.cn/,province,portal,510000\n'),
      ]);
      await writeFile(path, Buffer.concat([Buffer.from('id,fullName,homepage,level,kind,region\n'), row]));
      expect((await registryErrorOf(() => loadSites(path))).message).toContain('不是 UTF-8 编码');
    });

    // Written here rather than kept as fixtures, which the linter would flag as broken files.
    it.each([
      [
        'bad.yaml',
        'sites:\n  - id: sc-portal\n    homepage: "https://www.sc.gov.cn/\n    level: province\n',
        3,
        'YAML',
      ],
      ['bad.json', '{\n  "sites": [\n    { "id": "sc-portal", }\n  ]\n}\n', 3, 'JSON'],
    ])('reports the syntax error of %s on line %i', async (name, text, line, syntax) => {
      const path = join(dir, name);
      await writeFile(path, text);
      expect(await problemsOf(() => loadSites(path))).toEqual([
        { line, message: expect.stringContaining(`${syntax} 语法错误`) },
      ]);
    });

    it('rejects an empty file', async () => {
      const path = join(dir, 'empty.yml');
      await writeFile(path, '');
      expect(await problemsOf(() => loadSites(path))).toEqual([{ message: '文件是空的，没有任何站点' }]);
    });

    it('reads a YAML file with a UTF-8 BOM and the .yml extension', async () => {
      const path = join(dir, 'bom.yml');
      await writeFile(
        path,
        `\uFEFF${'sites:\n  - id: sc-portal\n    fullName: 四川省人民政府\n    homepage: https://www.sc.gov.cn/\n    level: province\n    kind: portal\n    region: "510000"\n'}`,
      );
      const { siteCode: _, ...portal } = GOOD_SITES[0]!;
      expect(await loadSites(path)).toStrictEqual([portal]);
    });

    it('rejects a directory', async () => {
      const path = join(dir, 'sites.yaml');
      await import('node:fs/promises').then(({ mkdir }) => mkdir(path));
      expect(await problemsOf(() => loadSites(path))).toEqual([{ message: '这是一个目录，不是文件' }]);
    });
  });
});
