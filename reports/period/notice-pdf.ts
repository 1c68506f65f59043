import { launchBrowser } from '../../src/browser.ts';

/** '— 2 —' centred at the foot of each page, as official documents are numbered. */
const PAGE_NUMBER =
  '<div style="width:100%;text-align:center;font-size:10px;font-family:\'WenQuanYi Micro Hei\',sans-serif">— <span class="pageNumber"></span> —</div>';

/**
 * The notice printed to A4 PDF by Chromium (CJK text in the WenQuanYi font of fonts-wqy-microhei).
 * A browser per call: reports are asked for rarely, and nothing is left running between them.
 */
export async function renderNoticePdf(html: string): Promise<Buffer> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    try {
      // The notice is self-contained: nothing to fetch, so offline is a guarantee, not a cost.
      await page.context().setOffline(true);
      await page.setContent(html, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: PAGE_NUMBER,
      });
    } finally {
      await page.close();
    }
  } finally {
    await browser.close();
  }
}
