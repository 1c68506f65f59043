import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/service/config.ts';

describe('where the service keeps its files', () => {
  it('takes DATA_DIR and ARTIFACT_DIR as given, ARTIFACT_DIR defaulting to DATA_DIR/artifacts', () => {
    expect(loadConfig({ DATA_DIR: '/srv/gi', ARTIFACT_DIR: '/mnt/evidence' })).toMatchObject({
      dataDir: '/srv/gi',
      artifactDir: '/mnt/evidence',
    });
    expect(loadConfig({ DATA_DIR: '/srv/gi' })).toMatchObject({
      dataDir: '/srv/gi',
      artifactDir: '/srv/gi/artifacts',
    });
  });

  it('reads an empty DATA_DIR or ARTIFACT_DIR as unset: the defaults, never the working directory itself', () => {
    const defaults = { dataDir: resolve('data'), artifactDir: resolve('data/artifacts') };
    expect(loadConfig({})).toMatchObject(defaults);
    expect(loadConfig({ DATA_DIR: '', ARTIFACT_DIR: '' })).toMatchObject(defaults);
    expect(loadConfig({ DATA_DIR: '/srv/gi', ARTIFACT_DIR: '' })).toMatchObject({
      artifactDir: '/srv/gi/artifacts',
    });
  });
});
