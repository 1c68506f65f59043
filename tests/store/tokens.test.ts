import { describe, expect, it } from 'vitest';
import { TokenInputError, tokenHash } from '../../src/store/tokens-repository.ts';
import { BACKENDS, useBackend } from './backends.ts';

describe.each(BACKENDS)('tokens on the $name store', ({ name }) => {
  const backend = useBackend(name);

  it('makes a token that verifies to its record', async () => {
    const { token, record } = await backend.store.tokens.create({
      role: 'city',
      region: '510100',
      name: '成都市政务公开办',
    });
    expect(token).toMatch(/^gi_[A-Za-z0-9_-]{43}$/);
    expect(record).toEqual({
      id: expect.any(String),
      role: 'city',
      region: '510100',
      name: '成都市政务公开办',
      createdAt: expect.stringMatching(/Z$/),
    });
    expect(await backend.store.tokens.verify(token)).toEqual(record);
  });

  it('stores only the token’s SHA-256', async () => {
    const { token } = await backend.store.tokens.create({ role: 'province', region: null, name: null });
    const rows = await backend.db.query<Record<string, unknown>>('SELECT * FROM api_tokens');
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token.slice(3));
    expect(rows[0]?.token_hash).toBe(tokenHash(token));
    expect(tokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('knows nothing of unknown, altered or empty tokens', async () => {
    const { token } = await backend.store.tokens.create({ role: 'province', region: null, name: 'ops' });
    const altered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    for (const candidate of [altered, `gi_${'x'.repeat(43)}`, tokenHash(token), '', 'gi_']) {
      expect(await backend.store.tokens.verify(candidate)).toBeUndefined();
    }
  });

  it('makes a different token each time', async () => {
    const made = await Promise.all(
      Array.from({ length: 5 }, () =>
        backend.store.tokens.create({ role: 'province', region: null, name: null }),
      ),
    );
    expect(new Set(made.map((m) => m.token)).size).toBe(5);
    expect(new Set(made.map((m) => m.record.id)).size).toBe(5);
  });

  it('refuses a city token without a 6-digit region and a province token with one', async () => {
    const { tokens } = backend.store;
    await expect(tokens.create({ role: 'city', region: null, name: null })).rejects.toThrow(TokenInputError);
    await expect(tokens.create({ role: 'city', region: '5101', name: null })).rejects.toThrow(/6-digit/);
    // A province code would reach every site of the province: a province token in disguise.
    await expect(tokens.create({ role: 'city', region: '510000', name: null })).rejects.toThrow(
      /province code/,
    );
    await expect(tokens.create({ role: 'province', region: '510000', name: null })).rejects.toThrow(
      TokenInputError,
    );
  });
});

describe.each(BACKENDS)('listing and revoking tokens on the $name store', ({ name }) => {
  const backend = useBackend(name);

  it('lists every token’s record, oldest first, and never a token or its hash', async () => {
    const made = [];
    for (const input of [
      { role: 'province' as const, region: null, name: '省政府办公厅' },
      { role: 'city' as const, region: '510100', name: '成都市政府办公厅' },
      { role: 'city' as const, region: '510500', name: null },
    ]) {
      made.push(await backend.store.tokens.create(input));
    }
    const listed = await backend.store.tokens.list();
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect([...listed].sort(byId)).toEqual(made.map((m) => m.record).sort(byId));
    // Oldest first; tokens made in the same millisecond come in id order.
    const times = listed.map((record) => record.createdAt);
    expect(times).toEqual([...times].sort());
    for (const { token } of made) {
      expect(JSON.stringify(listed)).not.toContain(token);
      expect(JSON.stringify(listed)).not.toContain(tokenHash(token));
    }
  });

  it('revokes a token: it no longer verifies nor is listed; the others are untouched', async () => {
    const kept = await backend.store.tokens.create({ role: 'province', region: null, name: 'kept' });
    const gone = await backend.store.tokens.create({ role: 'city', region: '510100', name: 'gone' });
    expect(await backend.store.tokens.revoke(gone.record.id)).toBe(true);
    expect(await backend.store.tokens.verify(gone.token)).toBeUndefined();
    expect(await backend.store.tokens.verify(kept.token)).toEqual(kept.record);
    expect(await backend.store.tokens.list()).toEqual([kept.record]);
    expect(await backend.store.tokens.revoke(gone.record.id)).toBe(false);
    expect(await backend.store.tokens.revoke('no-such-token')).toBe(false);
  });
});
