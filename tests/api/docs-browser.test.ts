import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser } from '../../src/browser.ts';
import { type ApiFixture, apiFixture } from './support/api-fixture.ts';

let api: ApiFixture;
let base: string;
beforeAll(async () => {
  api = await apiFixture();
  await api.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(api.app.server.address() as AddressInfo).port}`;
});
afterAll(() => api.close());

it('renders Swagger UI at /docs in Chromium under the security headers, with no policy violation', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${base}/docs`);
    await page.locator('.opblock').first().waitFor({ timeout: 20_000 });
    const operations = await page.locator('.opblock-summary-path').allTextContents();
    expect(operations).toEqual(
      expect.arrayContaining(['/api/v1/sweeps', '/api/v1/results/quarterly/{period}']),
    );
    // The bearer scheme is offered by the Authorize button.
    expect(await page.locator('.btn.authorize').count()).toBe(1);
    expect(problems.filter((text) => /Content Security Policy|Refused/i.test(text))).toEqual([]);
  } finally {
    await browser.close();
  }
});
