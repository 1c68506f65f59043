import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHttpsServer, startSelfSignedServer } from '../../support/https-server.ts';
import { statusOf } from './support.ts';

let https: RunningHttpsServer;
let origin: string;

beforeAll(async () => {
  https = await startSelfSignedServer((_req, res) => res.end('<title>自签名</title>'));
  origin = https.origin;
});

afterAll(() => https.close());

describe('checkLinks over TLS', () => {
  it('a self-signed certificate is broken, with the TLS code as status', async () => {
    for (const path of ['/index.html', '/logo.png']) {
      const status = await statusOf(`${origin}${path}`);
      expect(status).toMatchObject({ status: 'DEPTH_ZERO_SELF_SIGNED_CERT', verdict: 'broken' });
    }
  });
});
