import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MADE_UP_NAME } from '../../../crawlers/soft-404/made-up-url.ts';
import { NotFoundPages } from '../../../crawlers/soft-404/not-found-pages.ts';
import { refusedPort, startServer } from '../../support/http-server.ts';
import { FIXTURE_REACH } from '../../support/reach.ts';
import { type FixtureSite, serveSite } from '../site-crawl/fixture-site.ts';
import { TRS_NOT_FOUND } from './templates.ts';

const FAST = { connectTimeoutMs: 1_000, responseTimeoutMs: 500, totalTimeoutMs: 800, reach: FIXTURE_REACH };

describe('NotFoundPages: each host asked once for a made-up missing URL', () => {
  let site: FixtureSite;
  const asked: string[] = [];

  beforeAll(async () => {
    site = await serveSite({});
    site.server.prependListener('request', (req) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (MADE_UP_NAME.test(path.slice(path.lastIndexOf('/') + 1))) asked.push(path);
    });
  });
  afterAll(() => site.close());

  it('asks once per host, beside the first page and shaped like it, however many pages ask at once', async () => {
    const pages = new NotFoundPages({ settings: FAST });
    const answers = await Promise.all([
      pages.forPage(`${site.origin}/art/2024/6/12/art_1002_5.shtml`),
      pages.forPage(`${site.origin}/col/col1002/index.html`),
      pages.forPage(`${site.origin}/`),
    ]);
    await pages.close();
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatch(/^\/art\/2024\/6\/12\/[0-9a-f]{16}\.shtml$/);
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]?.fingerprint).toMatchObject({ status: 404, title: 'Not Found', redirects: [] });
  });

  it('keeps a host that cannot be reached, or does not answer in time, as such', async () => {
    const silent = await startServer(() => {});
    const pages = new NotFoundPages({ settings: FAST });
    const refused = await pages.forPage(`http://127.0.0.1:${await refusedPort()}/a.html`);
    const hanging = await pages.forPage(`${silent.origin}/a.html`);
    expect(refused?.fingerprint.status).toBe('ECONNREFUSED');
    expect(hanging?.fingerprint.status).toBe('TIMEOUT');
    expect([refused?.comparable, hanging?.comparable]).toEqual([false, false]);
    await pages.close();
    await silent.close();
  });

  it('a page whose inspection is aborted stops waiting; the answer still comes for the others', async () => {
    let requests = 0;
    const slow = await startServer((_req, res) => {
      requests++;
      setTimeout(
        () => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(TRS_NOT_FOUND),
        300,
      );
    });
    const pages = new NotFoundPages({ settings: FAST });
    await expect(pages.forPage(`${slow.origin}/a.html`, AbortSignal.timeout(50))).rejects.toThrow();
    const answer = await pages.forPage(`${slow.origin}/b.html`);
    expect(answer?.comparable).toBe(true);
    expect(requests).toBe(1);
    await pages.close();
    await slow.close();
  });
});
