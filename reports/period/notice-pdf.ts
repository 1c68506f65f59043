import { launchBrowser } from '../../src/browser.ts';

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
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      await page.close();
    }
  } finally {
    await browser.close();
  }
}
