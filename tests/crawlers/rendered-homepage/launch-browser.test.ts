import { afterEach, describe, expect, it } from 'vitest';
import { chromiumPath, launchBrowser } from '../../../src/browser.ts';

const saved = process.env.GOV_INSPECT_CHROMIUM;

afterEach(() => {
  if (saved === undefined) delete process.env.GOV_INSPECT_CHROMIUM;
  else process.env.GOV_INSPECT_CHROMIUM = saved;
});

describe('launchBrowser', () => {
  it("uses Debian's Chromium unless GOV_INSPECT_CHROMIUM says otherwise", () => {
    delete process.env.GOV_INSPECT_CHROMIUM;
    expect(chromiumPath()).toBe('/usr/bin/chromium');
    process.env.GOV_INSPECT_CHROMIUM = '/opt/chromium/chrome';
    expect(chromiumPath()).toBe('/opt/chromium/chrome');
  });

  it('says in Chinese which path it tried and how to fix it when Chromium is missing', async () => {
    process.env.GOV_INSPECT_CHROMIUM = '/nonexistent/chromium';
    const failure = launchBrowser();
    await expect(failure).rejects.toThrow('找不到可执行的 Chromium：/nonexistent/chromium');
    await expect(failure).rejects.toThrow('scripts/install-system-deps.sh');
    await expect(failure).rejects.toThrow('GOV_INSPECT_CHROMIUM');
  });
});
