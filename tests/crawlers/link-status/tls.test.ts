import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHttpsServer, startSelfSignedServer } from '../../support/https-server.ts';
import { statusOf } from './support.ts';

let https: RunningHttpsServer;
let origin: string;

beforeAll(async () => {
  https = await startSelfSignedServer((req, res) => {
    if (req.url?.startsWith('/gone')) res.writeHead(404);
    res.end('<title>自签名</title>');
  });
  origin = https.origin;
});

afterAll(() => https.close());

/*
 * Browsers repair an incomplete certificate chain and readers get the file; the crawl ignores
 * certificate errors too. The link check follows the HTTP answer and records the TLS problem beside it.
 */
describe('checkLinks over TLS', () => {
  it('a self-signed certificate does not break a link: the verdict follows the HTTP answer', async () => {
    for (const path of ['/index.html', '/logo.png']) {
      const status = await statusOf(`${origin}${path}`);
      expect(status).toMatchObject({ status: 200, verdict: 'ok', tlsError: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    }
  });

  it('a missing file behind a self-signed certificate is broken, with the TLS problem recorded', async () => {
    const status = await statusOf(`${origin}/gone.pdf`);
    expect(status).toMatchObject({ status: 404, verdict: 'broken', tlsError: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
  });
});
