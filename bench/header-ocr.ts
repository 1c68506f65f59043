import { graphicsToRead } from '../checks/lib/header-name.ts';
import { readHeaderImages } from '../crawlers/header-ocr/read-header.ts';
import { renderHomepage } from '../crawlers/rendered-homepage/render-homepage.ts';
import { launchBrowser } from '../src/browser.ts';
import { BANNERS, type BannerName, renderBanners } from '../tests/crawlers/header-ocr/banners.ts';
import { portalHandler, portalHomepage } from '../tests/crawlers/header-ocr/portal-pages.ts';
import { startServer } from '../tests/support/http-server.ts';
import { machineLine } from './machine.ts';

/**
 * What reading header names drawn in images costs per site: the test banners (黑体 beside an emblem,
 * 楷体, small, gold on red, with an English subtitle, shortened, another body's, blurred, none) on
 * Hanweb/TRS-style homepages served on 127.0.0.1, each rendered once, its header images then read
 * `--runs` times (default 5). Prints the OCR time per site (median, max) and over all sites.
 * `node --import tsx bench/header-ocr.ts [--runs N]`.
 */
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const browser = await launchBrowser();
const banners = await renderBanners(browser);
const pages = new Map<string, string>();
const images = new Map<string, Buffer>();
for (const [name, png] of banners) {
  images.set(`/images/${name}.png`, png);
  pages.set(
    `/${name}/`,
    portalHomepage({
      title: '某市人民政府门户网站',
      banner: `/images/${name}.png`,
      width: png.readUInt32BE(16),
      height: png.readUInt32BE(20),
      as: 'img',
      owner: '某市人民政府',
    }),
  );
}
const server = await startServer(portalHandler(pages, images));
console.log(machineLine());
console.log(`runs per site: ${runs}; one tesseract at a time, single-threaded`);
console.log('site                     readings  median ms  max ms');
const all: number[] = [];
try {
  for (const name of Object.keys(BANNERS) as BannerName[]) {
    const homepage = await renderHomepage(browser, `${server.origin}/${name}/`);
    const boxes = graphicsToRead(homepage, '某市人民政府').map((g) => g.box);
    const times: number[] = [];
    let readings = 0;
    for (let i = 0; i < runs; i++) {
      const ocr = await readHeaderImages(homepage.headerScreenshot!, boxes);
      times.push(ocr.durationMs);
      readings = ocr.readings.length;
    }
    all.push(...times);
    console.log(
      `${name.padEnd(24)} ${String(readings).padStart(8)}  ${String(median(times)).padStart(9)}  ${String(Math.max(...times)).padStart(6)}`,
    );
  }
  console.log(
    `${'all sites'.padEnd(24)} ${''.padStart(8)}  ${String(median(all)).padStart(9)}  ${String(Math.max(...all)).padStart(6)}`,
  );
} finally {
  await server.close();
  await browser.close();
}
