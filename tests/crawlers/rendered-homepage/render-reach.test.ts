import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RenderedHomepage } from '../../../crawlers/artifacts.ts';
import { siteReach } from '../../../crawlers/reach/site-reach.ts';
import { renderHomepage } from '../../../crawlers/rendered-homepage/render-homepage.ts';
import { parseResolveEntries } from '../../../crawlers/resolve/resolve-table.ts';
import { launchBrowser } from '../../../src/browser.ts';
import {
  CANARY_HOST,
  type Canary,
  canaryTargets,
  recordConnections,
  startCanary,
  UNREACHABLE_TARGETS,
} from '../../support/canary.ts';
import { type FixtureSite, serveSite } from '../site-crawl/fixture-site.ts';

const SITE = 'www.site.gov.cn';

/** A homepage whose sub-resources, hints and script all reach for the canary. */
function hostilePage(port: number): string {
  const images = [...canaryTargets(port, SITE), ...UNREACHABLE_TARGETS]
    .map(({ form, href }) => `<img alt="${form}" src="${href}">`)
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>示例市人民政府</title>
<link rel="preconnect" href="https://127.0.0.3:${port}">
<link rel="dns-prefetch" href="//${CANARY_HOST}">
<link rel="prefetch" href="http://2130706435:${port}/prefetch">
<link rel="stylesheet" href="http://0x7f000003:${port}/style.css">
<script src="http://[::ffff:127.0.0.3]:${port}/script.js"></script>
</head><body><h1>示例市人民政府</h1>
${images}
<iframe src="http://${CANARY_HOST}:${port}/frame"></iframe>
<script>fetch('http://127.0.0.3:${port}/fetch').catch(() => {});
new Image().src = 'http://0177.0.0.3:${port}/beacon';</script>
</body></html>`;
}

describe('Chromium goes only where the reach rule lets it', () => {
  let browser: Browser;
  let canary: Canary;
  let site: FixtureSite;
  let homepage: string;
  const resolve = parseResolveEntries([`${SITE}:*:127.0.0.1`, `${CANARY_HOST}:*:127.0.0.3`]);

  beforeAll(async () => {
    canary = await startCanary();
    browser = await launchBrowser();
    site = await serveSite({
      '/': { body: hostilePage(canary.port) },
      '/away/': { status: 302, headers: { location: `http://127.0.0.3:${canary.port}/away` } },
      '/img/own.png': { headers: { 'content-type': 'image/png' }, body: '' },
    });
    homepage = `http://${SITE}:${site.port}/`;
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await canary?.close();
  });

  async function render(url: string, allowNetworks: string[] = []): Promise<RenderedHomepage> {
    const reach = await siteReach(homepage, { resolve, allowNetworks });
    return renderHomepage(browser, url, { resolve, reach, settleCapMs: 2_000 });
  }

  it('renders the page while every request and hint to the canary is refused and recorded', async () => {
    const connections = recordConnections();
    let rendered: RenderedHomepage;
    try {
      rendered = await render(homepage);
    } finally {
      connections.stop();
    }
    expect(rendered).toMatchObject({ status: 200, title: '示例市人民政府' });
    expect(canary.connections).toBe(0);
    expect(new Set(connections.hosts)).toEqual(new Set(['127.0.0.1']));
    const refused = new Map((rendered.refusedRequests ?? []).map((r) => [r.url, r]));
    // Chromium itself never requests a sub-resource whose URL carries credentials (the userinfo form).
    const asked = [...canaryTargets(canary.port, SITE), ...UNREACHABLE_TARGETS].filter(
      (t) => t.form !== 'userinfo',
    );
    for (const { form, href } of asked) expect(refused.has(new URL(href).href), form).toBe(true);
    // The preconnect and dns-prefetch hints: through a proxy Chromium opens connections to the proxy
    // alone and resolves nothing, so they ask for nothing to refuse (the canary's count says so).
    for (const path of ['/style.css', '/script.js', '/frame', '/fetch', '/beacon']) {
      expect(
        [...refused.keys()].some((url) => url.endsWith(`:${canary.port}${path}`)),
        path,
      ).toBe(true);
    }
    expect(refused.get(`http://${CANARY_HOST}:${canary.port}/frame`)).toMatchObject({
      host: CANARY_HOST,
      address: '127.0.0.3',
    });
  });

  it('does not open a homepage that redirects to a refused address, and says why', async () => {
    await expect(render(`http://${SITE}:${site.port}/away/`)).rejects.toThrow(/出于安全考虑未访问/);
    expect(canary.connections).toBe(0);
  });

  it('reaches the canary once CRAWL_ALLOW_NETWORKS names its network', async () => {
    const rendered = await render(homepage, ['127.0.0.3/32']);
    expect(canary.connections).toBeGreaterThan(0);
    expect(canary.paths).toEqual(expect.arrayContaining(['/decimal', '/script.js', '/fetch']));
    const refused = (rendered.refusedRequests ?? []).map((r) => r.address);
    expect(refused).not.toContain('127.0.0.3');
    expect(refused).toEqual(expect.arrayContaining(['::1', '0.0.0.0', '169.254.169.254']));
  });
});
