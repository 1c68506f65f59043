import { describe, expect, it } from 'vitest';
import type { RenderedGraphic } from '../../crawlers/artifacts.ts';
import { gatherHeaderOcr } from '../../src/inspection/header-ocr.ts';
import { site } from '../checks/fixtures/builders.ts';
import { renderedHomepage } from './artifact-builders.ts';

const BANNER: RenderedGraphic = {
  kind: 'img',
  src: 'http://www.example.gov.cn/images/banner.png',
  selector: 'div.logo > a > img',
  box: { x: 83, y: 50, width: 600, height: 100 },
  visible: true,
  inHeader: true,
};
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

describe('gatherHeaderOcr', () => {
  const calls: unknown[] = [];
  const gather = (async (name: string) => {
    calls.push(name);
    return { ok: true, value: 'read' };
  }) as unknown as Parameters<typeof gatherHeaderOcr>[3];
  const fullName = '某某县人民政府';

  it.each([
    [
      'the name is shown as header text',
      {
        texts: [
          { text: fullName, tag: 'h1', selector: 'h1', box: BANNER.box, visible: true, inHeader: true },
        ],
        graphics: [BANNER],
      },
    ],
    ['no header graphic may draw it', { graphics: [{ ...BANNER, alt: '某某县' }] }],
  ])('reads nothing when %s', (_case, page) => {
    calls.length = 0;
    const rendered = { ok: true as const, value: renderedHomepage(page) };
    expect(gatherHeaderOcr(site({ fullName }), rendered, PNG, gather)).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('reads nothing without a screenshot or a rendered homepage', () => {
    const rendered = { ok: true as const, value: renderedHomepage({ graphics: [BANNER] }) };
    expect(gatherHeaderOcr(site({ fullName }), rendered, undefined, gather)).toBeUndefined();
    expect(gatherHeaderOcr(site({ fullName }), { ok: false, error: '超时' }, PNG, gather)).toBeUndefined();
  });

  it('gathers headerOcr when an unlabelled header image may carry the name', async () => {
    calls.length = 0;
    const rendered = { ok: true as const, value: renderedHomepage({ graphics: [BANNER] }) };
    expect(await gatherHeaderOcr(site({ fullName }), rendered, PNG, gather)).toEqual({
      ok: true,
      value: 'read',
    });
    expect(calls).toEqual(['headerOcr']);
  });
});
