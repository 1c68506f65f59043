import pLimit from 'p-limit';
import { launchBrowser } from '../../src/browser.ts';

/** '— 2 —' centred at the foot of each page, as official documents are numbered. */
const PAGE_NUMBER =
  '<div style="width:100%;text-align:center;font-size:10px;font-family:\'WenQuanYi Micro Hei\',sans-serif">— <span class="pageNumber"></span> —</div>';

/** One Chromium at a time renders notices; a few more requests may wait, the rest are turned away. */
const renders = pLimit(1);
const MAX_WAITING = 4;
const RENDER_TIMEOUT_MS = 60_000;

/** Too many notices are being printed at once: the caller should answer 503 and have the user retry. */
export class PdfRendererBusyError extends Error {
  override readonly name = 'PdfRendererBusyError';
}

/**
 * The notice printed to A4 PDF by Chromium (CJK text in the WenQuanYi font of fonts-wqy-microhei).
 * A browser per render, one render at a time: reports are asked for rarely, nothing is left running
 * between them, and a burst of requests cannot start a Chromium each and exhaust the machine that
 * also stores the results. The browser is launched without Playwright's signal handlers, so a
 * SIGTERM or Ctrl-C during a render reaches the service's own graceful shutdown.
 */
export function renderNoticePdf(html: string): Promise<Buffer> {
  if (renders.pendingCount >= MAX_WAITING) {
    return Promise.reject(new PdfRendererBusyError('正在生成的 PDF 通报过多，请稍后重试'));
  }
  return renders(() => printPdf(html));
}

async function printPdf(html: string): Promise<Buffer> {
  const browser = await launchBrowser({ handleSignals: false });
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(RENDER_TIMEOUT_MS);
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
    // Closing the browser closes the page; a hung page.pdf() is ended with it.
    await browser.close();
  }
}
