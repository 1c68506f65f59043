import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../checks/index.ts';

const code = (part: string) => `\`${part}\``;
const list = (parts: readonly string[]) => parts.map(code).join(', ') || '—';

describe('the README’s table of finding keys and digests', () => {
  it('says for every rule exactly the key and digest parts its metadata declares', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const table = readme.match(
      /<!-- finding-identity:start[^>]*-->\n([\s\S]*?)<!-- finding-identity:end -->/,
    );
    expect(table, 'the README has the table between its markers').not.toBeNull();
    const rows = table![1]!.trim().split('\n').slice(2);
    expect(rows).toEqual(
      CHECKS.map(
        ({ meta }) => `| ${code(meta.id)} | ${list(meta.identity.key)} | ${list(meta.identity.digest)} |`,
      ),
    );
  });
});
