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

describe('how many pages a sweep crawls per site', () => {
  it('crawls whole sites up to 20,000 pages in every plan unless told', () => {
    const whole = { 'quarterly-patrol': 20_000, 'semiannual-check': 20_000, adhoc: 20_000 };
    expect(loadConfig({}).pageBudgets).toEqual(whole);
    expect(loadConfig({ MAX_PAGES_ADHOC: '' }).pageBudgets).toEqual(whole);
  });

  it('takes each plan’s budget from its own variable', () => {
    const env = {
      MAX_PAGES_QUARTERLY_PATROL: '500',
      MAX_PAGES_SEMIANNUAL_CHECK: '50000',
      MAX_PAGES_ADHOC: '1',
    };
    expect(loadConfig(env).pageBudgets).toEqual({
      'quarterly-patrol': 500,
      'semiannual-check': 50_000,
      adhoc: 1,
    });
  });

  it.each(['0', '-1', '2.5', '1e4', 'many', '200001'])(
    'refuses MAX_PAGES_QUARTERLY_PATROL=%s, naming it',
    (value) => {
      expect(() => loadConfig({ MAX_PAGES_QUARTERLY_PATROL: value })).toThrow(
        `环境变量 MAX_PAGES_QUARTERLY_PATROL（每个网站最多抓取的网页数）必须是 1 到 200000 之间的整数，得到 "${value}"`,
      );
    },
  );
});
