import { describe, expect, it } from 'vitest';
import { PdfRendererBusyError, renderNoticePdf } from '../../reports/period/notice-pdf.ts';

describe('renderNoticePdf under a burst of requests', () => {
  it('prints one notice at a time, lets a few wait and turns the rest away', async () => {
    const html = '<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><body><h1>通报</h1></body></html>';
    const outcomes = await Promise.allSettled(Array.from({ length: 7 }, () => renderNoticePdf(html)));
    const printed = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o) => o.status === 'rejected');
    // One printing and four waiting are served; the sixth and seventh are refused at once.
    expect(printed).toHaveLength(5);
    expect(refused).toHaveLength(2);
    for (const o of refused) expect((o as PromiseRejectedResult).reason).toBeInstanceOf(PdfRendererBusyError);
    for (const o of printed)
      expect((o as PromiseFulfilledResult<Buffer>).value.subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);
});
