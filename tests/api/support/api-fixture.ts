import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { pino } from 'pino';
import { type BuildAppOptions, buildApp } from '../../../src/api/app.ts';
import { openStore } from '../../../src/store/open-store.ts';
import type { ResultsStore } from '../../../src/store/store.ts';
import { SITES } from './fixtures.ts';
import { RecordingLauncher } from './launchers.ts';

/** The embedded store (PGlite) in a fresh directory, removed when the store closes. */
export async function openEmbeddedStore(): Promise<ResultsStore> {
  const dataDir = await mkdtemp(join(tmpdir(), 'gov-inspect-api-'));
  const store = await openStore({ dataDir });
  return {
    ...store,
    close: async () => {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export type Role = 'province' | 'cityIn' | 'cityOut' | 'none' | 'bad';

export interface ApiFixture {
  app: FastifyInstance;
  store: ResultsStore;
  launcher: RecordingLauncher;
  tokens: Record<'province' | 'cityIn' | 'cityOut', string>;
  logLines: string[];
  /** inject() as the given role. */
  as(role: Role, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/**
 * The API over the embedded store (PGlite in a fresh directory) seeded with SITES and three tokens: province, Chengdu (510100: cd-* in
 * reach) and Mianyang (510700: cd-* out of reach). Request logs are captured in `logLines`.
 */
export async function apiFixture(overrides: Partial<BuildAppOptions> = {}): Promise<ApiFixture> {
  const owned = overrides.store === undefined;
  const store = overrides.store ?? (await openEmbeddedStore());
  await store.sites.replaceAll(SITES);
  const launcher = new RecordingLauncher();
  const tokens = {
    province: (await store.tokens.create({ role: 'province', region: null, name: 'province-office' })).token,
    cityIn: (await store.tokens.create({ role: 'city', region: '510100', name: 'chengdu' })).token,
    cityOut: (await store.tokens.create({ role: 'city', region: '510700', name: 'mianyang' })).token,
  };
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const app = await buildApp({
    store,
    launcher,
    queueHealth: async () => true,
    log: pino({ level: 'info' }, sink),
    rateLimit: false,
    ...overrides,
  });
  await app.ready();
  const headerFor = (role: Role): Record<string, string> => {
    if (role === 'none') return {};
    if (role === 'bad') return { authorization: 'Bearer not-a-real-token' };
    return { authorization: `Bearer ${tokens[role]}` };
  };
  return {
    app,
    store,
    launcher,
    tokens,
    logLines,
    as: (role, options) =>
      app.inject({ ...options, headers: { ...headerFor(role), ...(options.headers ?? {}) } }),
    close: async () => {
      await app.close();
      if (owned) await store.close();
    },
  };
}
