import { afterEach, describe, expect, it } from 'vitest';
import { createSweepResources, type SweepResources } from '../../src/inspection/context.ts';

const saved = process.env.GOV_INSPECT_CHROMIUM;
let resources: SweepResources | undefined;

afterEach(async () => {
  if (saved === undefined) delete process.env.GOV_INSPECT_CHROMIUM;
  else process.env.GOV_INSPECT_CHROMIUM = saved;
  await resources?.close();
  resources = undefined;
});

describe('createSweepResources: the sweep browser', () => {
  it('is launched once and shared', async () => {
    resources = createSweepResources();
    const [a, b] = await Promise.all([resources.browser(), resources.browser()]);
    expect(a).toBe(b);
    expect(a.isConnected()).toBe(true);
  });

  it('is relaunched for the next site after it went away mid-sweep', async () => {
    resources = createSweepResources();
    const first = await resources.browser();
    const disconnected = new Promise((resolve) => first.once('disconnected', resolve));
    await first.close();
    await disconnected;
    const second = await resources.browser();
    expect(second).not.toBe(first);
    expect(second.isConnected()).toBe(true);
    const page = await second.newPage();
    expect(await page.evaluate('1 + 1')).toBe(2);
    await page.close();
  });

  it('is launched again after a failed launch', async () => {
    resources = createSweepResources();
    process.env.GOV_INSPECT_CHROMIUM = '/nonexistent/chromium';
    await expect(resources.browser()).rejects.toThrow('找不到可执行的 Chromium');
    if (saved === undefined) delete process.env.GOV_INSPECT_CHROMIUM;
    else process.env.GOV_INSPECT_CHROMIUM = saved;
    expect((await resources.browser()).isConnected()).toBe(true);
  });

  it('close() closes the browser in use', async () => {
    resources = createSweepResources();
    const browser = await resources.browser();
    await resources.close();
    expect(browser.isConnected()).toBe(false);
  });
});
