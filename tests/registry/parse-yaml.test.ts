import { describe, expect, it } from 'vitest';
import { parseSites } from '../../src/registry/parse.ts';
import { problemsOf, registryErrorOf } from './expected-sites.ts';

/** Lines 1–7: a valid provincial portal `sc-portal`. */
const FIRST_SITE = `sites:
  - id: sc-portal
    fullName: 四川省人民政府
    homepage: https://www.sc.gov.cn/
    level: province
    kind: portal
    region: "510000"
`;

/**
 * A registry whose second site (starting on line 8) is a valid department of sc-portal, except for
 * `changes`: a field set to a YAML value text, or to null to leave it out; new fields go last.
 */
function withSecondSite(changes: Record<string, string | null>): string {
  const fields: Record<string, string | null> = {
    id: 'sc-edu',
    fullName: '四川省教育厅',
    homepage: 'https://edu.sc.gov.cn/',
    level: 'province',
    kind: 'department',
    region: '"510000"',
    parent: 'sc-portal',
    ...changes,
  };
  const lines = Object.entries(fields)
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([name, value], index) => `${index === 0 ? '  - ' : '    '}${name}: ${value}`);
  return `${FIRST_SITE}${lines.join('\n')}\n`;
}

describe('parseSites (YAML): one problem each, with its line', () => {
  it.each<{ case: string; changes: Record<string, string | null>; problem: object }>([
    {
      case: 'unknown level',
      changes: { level: 'town' },
      problem: {
        line: 11,
        field: 'sites[1].level',
        message: 'level 必须是 province、city 或 county 之一，得到 "town"',
      },
    },
    {
      case: 'unknown kind',
      changes: { kind: 'bureau' },
      problem: {
        line: 12,
        field: 'sites[1].kind',
        message: 'kind 必须是 portal 或 department 之一，得到 "bureau"',
      },
    },
    {
      case: 'duplicate id',
      changes: { id: 'sc-portal', parent: null },
      problem: { line: 8, field: 'sites[1].id', message: 'id "sc-portal" 重复：第 2 行已经用过这个 id' },
    },
    {
      case: 'id with capitals and underscore',
      changes: { id: 'SC_Edu' },
      problem: { line: 8, field: 'sites[1].id', message: expect.stringContaining('小写字母、数字和连字符') },
    },
    {
      case: 'missing fullName (reported on the line of the site)',
      changes: { fullName: null },
      problem: { line: 8, field: 'sites[1].fullName', message: '缺少必填字段 fullName' },
    },
    {
      case: 'blank fullName',
      changes: { fullName: '"   "' },
      problem: { line: 9, field: 'sites[1].fullName', message: 'fullName 不能为空' },
    },
    {
      case: 'ftp homepage',
      changes: { homepage: 'ftp://edu.sc.gov.cn/' },
      problem: {
        line: 10,
        field: 'sites[1].homepage',
        message: expect.stringContaining('"ftp://edu.sc.gov.cn/"'),
      },
    },
    {
      case: 'homepage without a scheme',
      changes: { homepage: 'edu.sc.gov.cn' },
      problem: {
        line: 10,
        field: 'sites[1].homepage',
        message: expect.stringContaining('http:// 或 https://'),
      },
    },
    {
      case: 'javascript: homepage',
      changes: { homepage: '"javascript:alert(1)"' },
      problem: {
        line: 10,
        field: 'sites[1].homepage',
        message: expect.stringContaining('http:// 或 https://'),
      },
    },
    {
      case: 'region of 4 digits',
      changes: { region: '5100' },
      problem: { line: 13, field: 'sites[1].region', message: expect.stringContaining('6 位数字') },
    },
    {
      case: 'region that is not digits',
      changes: { region: "'abc'" },
      problem: { line: 13, field: 'sites[1].region', message: expect.stringContaining('得到 "abc"') },
    },
    {
      case: 'missing region',
      changes: { region: null },
      problem: { line: 8, field: 'sites[1].region', message: '缺少必填字段 region' },
    },
    {
      case: 'parent that is no id in the file',
      changes: { parent: 'sc-gov' },
      problem: { line: 14, field: 'sites[1].parent', message: 'parent "sc-gov" 不是本清单中任何站点的 id' },
    },
    {
      case: 'parent that is the site itself',
      changes: { parent: 'sc-edu' },
      problem: { line: 14, field: 'sites[1].parent', message: 'parent 不能是站点自己' },
    },
    {
      case: 'siteCode with letters other than bm',
      changes: { siteCode: 'SC51000001' },
      problem: {
        line: 15,
        field: 'sites[1].siteCode',
        message:
          'siteCode（政府网站标识码）必须是 10 位数字，国务院部门为 bm 加 8 位数字（如 "5101000001"、"bm01000001"），得到 "SC51000001"',
      },
    },
    {
      case: 'siteCode of nine digits (a YAML number)',
      changes: { siteCode: '510100001' },
      problem: { line: 15, field: 'sites[1].siteCode', message: expect.stringContaining('得到 "510100001"') },
    },
    {
      case: 'siteCode of bm and seven digits',
      changes: { siteCode: 'bm0100001' },
      problem: { line: 15, field: 'sites[1].siteCode', message: expect.stringContaining('得到 "bm0100001"') },
    },
    {
      case: 'siteCode with a space inside',
      changes: { siteCode: '"51010 00001"' },
      problem: { line: 15, field: 'sites[1].siteCode', message: expect.stringContaining('10 位数字') },
    },
    {
      case: 'archiveRoots as a single string',
      changes: { archiveRoots: '/archive/' },
      problem: {
        line: 15,
        field: 'sites[1].archiveRoots',
        message: expect.stringContaining('必须是路径前缀的列表'),
      },
    },
    {
      case: 'archiveRoots entry without a leading slash',
      changes: { archiveRoots: '["/archive/", "old/"]' },
      problem: { line: 15, field: 'sites[1].archiveRoots', message: expect.stringContaining('得到 "old/"') },
    },
    ...['0', '-5', '2.5', '"很多"', '200001', '"1e4"'].map((value) => ({
      case: `maxPages of ${value}`,
      changes: { maxPages: value },
      problem: {
        line: 15,
        field: 'sites[1].maxPages',
        message: expect.stringContaining('maxPages（每次检查最多抓取的网页数）必须是 1 到 200000 之间的整数'),
      },
    })),
    {
      case: 'a typo in a field name',
      changes: { fullName: null, fullname: '四川省教育厅' },
      problem: {
        line: 14,
        field: 'sites[1].fullname',
        message: expect.stringContaining('未知字段 "fullname"，是不是 "fullName"？'),
      },
    },
  ])('$case', async ({ changes, problem }) => {
    const problems = await problemsOf(() => parseSites(withSecondSite(changes), 'yaml'));
    expect(problems).toContainEqual(problem);
    const typoAlsoMissesFullName = 'fullname' in changes ? 1 : 0;
    expect(problems).toHaveLength(1 + typoAlsoMissesFullName);
  });

  it.each([
    ['5000', 5000],
    ['"20000"', 20000],
    ['200000', 200000],
    ['1', 1],
  ])('reads maxPages %s as %i pages; a site without it has none', (value, pages) => {
    const [portal, department] = parseSites(withSecondSite({ maxPages: value }), 'yaml');
    expect(department).toMatchObject({ id: 'sc-edu', maxPages: pages });
    expect(portal).not.toHaveProperty('maxPages');
  });

  it('rejects a department whose parent is not a portal', async () => {
    const text = `${withSecondSite({})}  - id: sc-edu-exam
    fullName: 四川省教育考试院
    homepage: https://www.sceea.cn/
    level: province
    kind: department
    region: "510000"
    parent: sc-edu
`;
    expect(await problemsOf(() => parseSites(text, 'yaml'))).toEqual([
      {
        line: 21,
        field: 'sites[2].parent',
        message: 'parent 必须指向门户网站（kind: portal），"sc-edu" 的 kind 是 "department"',
      },
    ]);
  });

  it('words the message one line per problem, naming the line and the field', async () => {
    const text = `sites:
  - id: sc-portal
    fullName: 四川省人民政府
    homepage: https://www.sc.gov.cn/
    kind: portal
    region: "510000"
    level: town
`;
    const error = await registryErrorOf(() => parseSites(text, 'yaml'));
    expect(error.message).toBe(
      '站点清单有 1 个问题，未导入任何站点：\n' +
        '  第 7 行（sites[0].level）：level 必须是 province、city 或 county 之一，得到 "town"',
    );
  });
});

describe('parseSites (YAML): the document', () => {
  it('normalises: fullName trimmed, parent null, archiveRoots [], numeric region kept as written', () => {
    const [, edu] = parseSites(
      withSecondSite({ fullName: '" 四川省教育厅 "', parent: null, region: '510000' }),
      'yaml',
    );
    expect(edu).toStrictEqual({
      id: 'sc-edu',
      fullName: '四川省教育厅',
      homepage: 'https://edu.sc.gov.cn/',
      level: 'province',
      kind: 'department',
      region: '510000',
      parent: null,
      archiveRoots: [],
    });
  });

  it.each([
    ['"5100000010"', '5100000010'],
    ['5100000010', '5100000010'],
    ['0100000001', '0100000001'],
    ['bm01000001', 'bm01000001'],
    ['"BM01000001"', 'bm01000001'],
    ['"  bm55000001 "', 'bm55000001'],
  ])(
    'accepts siteCode %s as %s: ten digits as written, or a State Council department’s bm code',
    (code, read) => {
      const [, edu] = parseSites(withSecondSite({ siteCode: code }), 'yaml');
      expect(edu?.siteCode).toBe(read);
    },
  );

  it.each([
    {
      case: 'an empty list',
      text: 'sites: []\n',
      problem: { line: 1, field: 'sites', message: '站点清单里没有任何站点' },
    },
    {
      case: 'an empty key',
      text: 'sites:\n',
      problem: { line: 1, field: 'sites', message: '站点清单里没有任何站点' },
    },
    {
      case: 'no sites key',
      text: 'site:\n  - id: a\n',
      problem: { line: 1, field: 'site', message: expect.stringContaining('sites 键下') },
    },
    {
      case: 'a bare list',
      text: '- id: sc-portal\n',
      problem: { line: 1, message: expect.stringContaining('顶层必须是 sites') },
    },
    {
      case: 'a site that is not a mapping',
      text: `${FIRST_SITE}  - sc-edu\n`,
      problem: { line: 8, field: 'sites[1]', message: expect.stringContaining('字段: 值') },
    },
    { case: 'only whitespace', text: '\n  \n', problem: { message: '文件是空的，没有任何站点' } },
  ])('rejects $case', async ({ text, problem }) => {
    expect(await problemsOf(() => parseSites(text, 'yaml'))).toContainEqual(problem);
  });

  it.each([
    {
      case: 'an unclosed quote, at the line where it opens',
      text: `${FIRST_SITE.replace('https://www.sc.gov.cn/', '"https://www.sc.gov.cn/')}`,
      line: 4,
      wording: '没有闭合',
    },
    {
      case: 'a tab used as indentation',
      text: FIRST_SITE.replace('    level', '\tlevel'),
      line: 5,
      wording: 'Tab',
    },
    {
      case: 'a key given twice in one site',
      text: `${FIRST_SITE}    level: city\n`,
      line: 8,
      wording: '重复的键',
    },
  ])('reports a YAML syntax error: $case', async ({ text, line, wording }) => {
    const problems = await problemsOf(() => parseSites(text, 'yaml'));
    expect(problems[0]).toEqual({ line, message: expect.stringContaining('YAML 语法错误') });
    expect(problems[0]?.message).toContain(wording);
  });
});
