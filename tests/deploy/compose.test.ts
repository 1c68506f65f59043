import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/service/config.ts';

interface Service {
  command?: string[];
  environment?: Record<string, string>;
  image?: string;
  build?: string;
}

// `docker compose config` runs in CI where the docker client has compose; this test holds the
// file to what the service reads wherever it does not.
describe('docker-compose.yml', async () => {
  const compose = parse(await readFile(new URL('../../docker-compose.yml', import.meta.url), 'utf8'), {
    merge: true,
  }) as {
    services: Record<string, Service>;
  };
  const { services } = compose;

  it('has the full topology: Redis, PostgreSQL, the API and workers built from the Dockerfile', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'postgres', 'redis', 'worker']);
    expect(services.api!.command).toEqual(['serve']);
    expect(services.worker!.command).toEqual(['worker']);
    expect(services.api!.build).toBe('.');
    expect(services.worker!.build).toBe('.');
  });

  it('runs Redis durably: append-only file, no eviction of queued jobs', () => {
    const command = services.redis!.command!.join(' ');
    expect(command).toContain('--appendonly yes');
    expect(command).toContain('--maxmemory-policy noeviction');
  });

  it('gives the API and the workers a configuration the service accepts', () => {
    for (const name of ['api', 'worker']) {
      const config = loadConfig(services[name]!.environment as NodeJS.ProcessEnv);
      expect(config.redisUrl).toBe('redis://redis:6379');
      expect(config.databaseUrl).toMatch(/^postgres:\/\/.+@postgres:5432\//);
    }
    expect(loadConfig(services.api!.environment as NodeJS.ProcessEnv).serveWorkers).toBe(false);
  });

  it('builds an image holding every folder the service loads at run time', async () => {
    const dockerfile = await readFile(new URL('../../Dockerfile', import.meta.url), 'utf8');
    for (const folder of ['bin', 'src', 'crawlers', 'checks', 'reports', 'demo']) {
      expect(dockerfile).toMatch(new RegExp(`^COPY ${folder} \\./${folder}$`, 'm'));
    }
    expect(dockerfile).toMatch(/apt-get install[^\n]*chromium[^\n]*fonts-/);
  });
});
