/**
 * Header banner images with a body's name drawn in them, in the styles portals use: bold 黑体 white on
 * a blue gradient beside the national emblem, a red 楷体 (calligraphic) name on a cream ground, a small
 * name on white, gold letter-spaced on red, a name over its English subtitle, and the cases OCR must
 * not decide on (a blurred name, a banner with no name). Each is HTML that Chromium renders to a PNG.
 */
import type { Browser } from 'playwright';

export interface Banner {
  /** The name drawn, as a reader sees it. */
  drawn: string;
  html: string;
}

const EMBLEM =
  '<svg width="80" height="80" class="emblem"><circle cx="40" cy="40" r="38" fill="#d6281c"/><polygon points="40,10 47,32 70,32 51,46 58,68 40,55 22,68 29,46 10,32 33,32" fill="#f5d000"/></svg>';
const CLOUDS =
  'radial-gradient(circle at 70% 30%, rgba(255,255,255,.35) 0 40px, transparent 41px), radial-gradient(circle at 85% 70%, rgba(255,255,255,.25) 0 60px, transparent 61px)';
const HEI = "'WenQuanYi Micro Hei'";
/** AR PL UKai (fonts-arphic-ukai), a 楷体; where it is missing Chromium falls back to the 黑体. */
const KAI = `'AR PL UKai CN', ${HEI}`;

function banner(style: string, inner: string): string {
  return `<div class="banner" style="display:flex;align-items:center;${style}">${inner}</div>`;
}

export const BANNERS = {
  heiEmblem: {
    drawn: '成都市人民政府',
    html: banner(
      `width:700px;height:110px;padding-left:20px;background:linear-gradient(90deg,#0d4fa3,#3b82d6);color:#fff;font:bold 44px ${HEI}`,
      `${EMBLEM}<span style="margin-left:14px">成都市人民政府</span>`,
    ),
  },
  kaiCream: {
    drawn: '眉山市人民政府',
    html: banner(
      `width:620px;height:110px;padding-left:20px;background:#f6ead0;color:#9b1c1c;font:52px ${KAI}`,
      '眉山市人民政府',
    ),
  },
  kaiRed: {
    drawn: '乐山市人民政府',
    html: banner(
      `width:720px;height:130px;padding-left:20px;background:linear-gradient(#c62828,#8e0000);color:#fff3c4;font:64px ${KAI};letter-spacing:4px`,
      `${EMBLEM}<span style="margin-left:14px">乐山市人民政府</span>`,
    ),
  },
  smallOnWhite: {
    drawn: '四川省教育厅',
    html: banner(
      `width:420px;height:64px;padding-left:10px;background:#fff;color:#1a4f9c;font:24px ${HEI}`,
      '四川省教育厅<span style="font-size:12px;margin-left:12px;color:#888">jyt.sc.gov.cn</span>',
    ),
  },
  goldOnRed: {
    drawn: '德阳市人民政府',
    html: banner(
      `width:640px;height:100px;padding-left:20px;background:#b71c1c;color:#ffd54f;font:bold 40px ${HEI};letter-spacing:8px`,
      '德阳市人民政府',
    ),
  },
  subtitle: {
    drawn: '绵阳市人民政府',
    html: `<div class="banner" style="width:1200px;height:150px;padding:28px 0 0 40px;box-sizing:border-box;background-image:${CLOUDS},linear-gradient(90deg,#0b3d91,#1e88e5 60%,#90caf9);color:#fff;font:bold 42px ${HEI}">绵阳市人民政府<div style="font:16px 'DejaVu Sans';letter-spacing:2px;opacity:.85;margin-top:4px">THE PEOPLE'S GOVERNMENT OF MIANYANG</div></div>`,
  },
  abbreviated: {
    drawn: '成都市政府',
    html: banner(
      `width:600px;height:110px;padding-left:20px;background:linear-gradient(90deg,#0d4fa3,#3b82d6);color:#fff;font:bold 44px ${HEI}`,
      `${EMBLEM}<span style="margin-left:14px">成都市政府</span>`,
    ),
  },
  otherBody: {
    drawn: '四川省人民政府',
    html: banner(
      `width:640px;height:110px;padding-left:20px;background:linear-gradient(90deg,#0d4fa3,#3b82d6);color:#fff;font:bold 44px ${HEI}`,
      '四川省人民政府',
    ),
  },
  otherBodyBesideEmblem: {
    drawn: '四川省人民政府',
    html: banner(
      `width:640px;height:110px;padding-left:20px;background:linear-gradient(90deg,#0d4fa3,#3b82d6);color:#fff;font:bold 44px ${HEI}`,
      `${EMBLEM}<span style="margin-left:14px">四川省人民政府</span>`,
    ),
  },
  blurred: {
    drawn: '成都市人民政府',
    html: banner(
      `width:600px;height:110px;padding-left:20px;background:#0d4fa3;color:#fff;font:bold 44px ${HEI}`,
      '<span style="filter:blur(5px)">成都市人民政府</span>',
    ),
  },
  noName: {
    drawn: '',
    html: `<div class="banner" style="width:900px;height:120px;background-image:${CLOUDS},linear-gradient(#0d4fa3,#2a74c9)"></div>`,
  },
} satisfies Record<string, Banner>;

export type BannerName = keyof typeof BANNERS;

/** Renders every banner to a PNG with the browser (once per test file). */
export async function renderBanners(browser: Browser): Promise<Map<BannerName, Buffer>> {
  const page = await browser.newPage();
  const images = new Map<BannerName, Buffer>();
  try {
    for (const [name, { html }] of Object.entries(BANNERS) as [BannerName, Banner][]) {
      await page.setContent(`<!DOCTYPE html><body style="margin:0">${html}</body>`);
      await page.evaluate('document.fonts.ready');
      images.set(name, await page.locator('.banner').screenshot());
    }
  } finally {
    await page.close();
  }
  return images;
}
