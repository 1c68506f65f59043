import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headerFullName } from '../../../checks/header-full-name.ts';
import { graphicsToRead } from '../../../checks/lib/header-name.ts';
import type { HeaderOcr, RenderedHomepage } from '../../../crawlers/artifacts.ts';
import { decodePng } from '../../../crawlers/header-ocr/png.ts';
import { readHeaderImages } from '../../../crawlers/header-ocr/read-header.ts';
import { renderHomepage } from '../../../crawlers/rendered-homepage/render-homepage.ts';
import { launchBrowser } from '../../../src/browser.ts';
import { site } from '../../checks/fixtures/builders.ts';
import { type RunningServer, startServer } from '../../support/http-server.ts';
import { BANNERS, type BannerName, renderBanners } from './banners.ts';
import { portalHandler, portalHomepage } from './portal-pages.ts';

const NOW = new Date('2026-11-20T10:00:00+08:00');

/** [banner, how the masthead shows it, the registered name, the outcome OCR must lead to] */
const CASES: [BannerName, 'img' | 'background', string, 'pass' | 'fail' | 'review'][] = [
  ['heiEmblem', 'img', '成都市人民政府', 'pass'],
  ['kaiCream', 'img', '眉山市人民政府', 'pass'],
  ['kaiRed', 'background', '乐山市人民政府', 'pass'],
  ['smallOnWhite', 'img', '四川省教育厅', 'pass'],
  ['goldOnRed', 'background', '德阳市人民政府', 'pass'],
  ['subtitle', 'background', '绵阳市人民政府', 'pass'],
  ['abbreviated', 'img', '成都市人民政府', 'fail'],
  ['otherBody', 'img', '四川省教育厅', 'fail'],
  ['otherBodyBesideEmblem', 'img', '四川省教育厅', 'review'],
  ['blurred', 'img', '成都市人民政府', 'review'],
  ['noName', 'background', '成都市人民政府', 'review'],
];

let browser: Browser;
let server: RunningServer;
const rendered = new Map<string, { homepage: RenderedHomepage; ocr: HeaderOcr }>();

beforeAll(async () => {
  browser = await launchBrowser();
  const banners = await renderBanners(browser);
  const images = new Map<string, Buffer>();
  const pages = new Map<string, string>();
  for (const [banner, as, fullName] of CASES) {
    const png = banners.get(banner)!;
    const path = `/images/${banner}_banner.png`;
    images.set(path, png);
    pages.set(
      `/${banner}/`,
      portalHomepage({
        title: `${fullName}门户网站`,
        banner: path,
        width: png.readUInt32BE(16),
        height: png.readUInt32BE(20),
        as,
        owner: fullName,
      }),
    );
  }
  server = await startServer(portalHandler(pages, images));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Renders the fixture with the real renderer and reads its header images with the real gatherer. */
async function inspect(banner: BannerName, fullName: string) {
  const known = rendered.get(banner);
  if (known) return known;
  const homepage = await renderHomepage(browser, `${server.origin}/${banner}/`);
  const graphics = graphicsToRead(homepage, fullName);
  expect(graphics.length).toBeGreaterThan(0);
  const ocr = await readHeaderImages(
    homepage.headerScreenshot!,
    graphics.map((g) => g.box),
  );
  const result = { homepage, ocr };
  rendered.set(banner, result);
  return result;
}

describe('header-full-name on names drawn in header images, read by tesseract', () => {
  it.each(CASES)('%s as %s, registered %s: %s', async (banner, _as, fullName, outcome) => {
    const { homepage, ocr } = await inspect(banner, fullName);
    const result = headerFullName.run(
      { renderedHomepage: homepage, headerOcr: ocr },
      { site: site({ fullName }), now: NOW },
    );
    expect(result.outcome).toBe(outcome);
    if (outcome === 'pass') {
      const read = result.evidence!.ocr as { text: string; confidence: number; edits: number };
      expect(read.edits).toBeLessThanOrEqual(1);
      expect(read.confidence).toBeGreaterThanOrEqual(80);
      if (read.edits === 0) expect(read.text).toBe(fullName);
    }
    if (outcome === 'fail') {
      expect(result.findings[0]!.evidence).toMatchObject({ ocr: { text: BANNERS[banner].drawn } });
      expect(result.findings[0]!.message).toContain(`“${BANNERS[banner].drawn}”`);
    }
    if (outcome === 'review') expect(result.findings[0]!.evidence).toHaveProperty('ocrTexts');
  });

  it("decodes Chromium's header screenshot: as large as the header band, the blue masthead blue", async () => {
    const { homepage } = await inspect('heiEmblem', '成都市人民政府');
    const image = decodePng(homepage.headerScreenshot!);
    expect([image.width, image.height]).toEqual([1366, homepage.headerArea.box.height]);
    // Left of the 1200 px column, inside .header (background #0d4fa3).
    const at = (60 * image.width + 20) * image.channels;
    expect(Array.from(image.data.subarray(at, at + 3))).toEqual([0x0d, 0x4f, 0xa3]);
  });

  it('reads each banner in well under a second', async () => {
    const { ocr } = await inspect('heiEmblem', '成都市人民政府');
    expect(ocr.readings).toEqual([expect.objectContaining({ psm: 11, scale: 1 })]);
    expect(ocr.durationMs).toBeLessThan(3_000);
  });

  it('reads a region with no Chinese in it once more as one block', async () => {
    const { ocr } = await inspect('noName', '成都市人民政府');
    expect(ocr.readings.map((r) => r.psm)).toEqual([11, 6]);
  });
});
