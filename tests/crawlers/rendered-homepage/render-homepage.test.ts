import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RenderedHomepage, RenderedText } from '../../../crawlers/artifacts.ts';
import { renderHomepage } from '../../../crawlers/rendered-homepage/render-homepage.ts';
import { launchBrowser } from '../../../src/browser.ts';
import { type RunningServer, startServer } from '../../support/http-server.ts';
import { sichuanHomepage, siteHandler } from './sichuan-site.ts';

const PROVINCE = '四川省人民政府';
const CITY = '成都市人民政府';
const EMBLEM = '<img class="emblem" src="/img/emblem.svg" alt="国徽">';

const pages: Record<string, string> = {
  '/js-name/': sichuanHomepage({
    title: `${PROVINCE}门户网站`,
    owner: PROVINCE,
    header: `${EMBLEM}<h1 class="site-name" id="site-name"></h1>`,
    script: `setTimeout(() => { document.getElementById('site-name').textContent = '${PROVINCE}'; }, 300);`,
  }),
  '/img-alt/': sichuanHomepage({
    title: `${CITY}门户网站`,
    owner: CITY,
    header: `${EMBLEM}<a href="/"><img class="name-img" src="/img/name.svg" alt="${CITY}"></a>`,
  }),
  '/img-no-alt/': sichuanHomepage({
    title: `${CITY}门户网站`,
    owner: CITY,
    header: '<img class="emblem" src="/img/emblem.svg"><img class="name-img" src="/img/name.svg">',
  }),
  '/bg-name/': sichuanHomepage({
    title: `${CITY}门户网站`,
    owner: CITY,
    header: `${EMBLEM}<div class="name-bg"></div>`,
    style:
      '.name-bg { float: left; width: 420px; height: 90px; margin-top: 30px; background: url(/img/name.svg) no-repeat; }',
  }),
  '/hidden/': sichuanHomepage({
    title: `${PROVINCE}门户网站`,
    owner: PROVINCE,
    header: `${EMBLEM}
      <h1 class="site-name" id="name-none" style="display: none">${PROVINCE}</h1>
      <h1 class="site-name" id="name-indent" style="text-indent: -9999px; overflow: hidden; width: 420px;
        background: url(/img/name.svg) no-repeat center">${PROVINCE}</h1>
      <span id="name-sr" style="position: absolute; width: 1px; height: 1px; overflow: hidden;
        clip: rect(0 0 0 0); white-space: nowrap">${PROVINCE}</span>
      <span id="name-transparent" style="position: absolute; top: 10px; left: 600px; opacity: 0">${PROVINCE}</span>
      <span id="name-invisible" style="position: absolute; top: 40px; left: 600px; visibility: hidden">${PROVINCE}</span>
      <span id="name-left" style="position: absolute; top: 70px; left: -9999px">${PROVINCE}</span>`,
  }),
  '/after-load/': sichuanHomepage({
    title: `${PROVINCE}门户网站`,
    owner: PROVINCE,
    header: `${EMBLEM}<h1 class="site-name">${PROVINCE}</h1>`,
    script: `window.addEventListener('load', () => setTimeout(() => {
      document.querySelector('.footer').insertAdjacentHTML('beforeend', '<p><a id="late" href="/wzjc/">网站纠错</a></p>');
    }, 600));`,
  }),
  '/title-footer/': sichuanHomepage({
    title: PROVINCE,
    owner: PROVINCE,
    header: `${EMBLEM}<h1 class="site-name">数字四川 · 政务服务</h1>`,
  }),
};

let browser: Browser;
let site: RunningServer;
const rendered = new Map<string, RenderedHomepage>();

/** Each fixture is rendered once and shared by the tests that look at it. */
async function render(path: string): Promise<RenderedHomepage> {
  const known = rendered.get(path);
  if (known) return known;
  const homepage = await renderHomepage(browser, `${site.origin}${path}`);
  rendered.set(path, homepage);
  return homepage;
}

function textsNamed(homepage: RenderedHomepage, name: string): RenderedText[] {
  return homepage.texts.filter((t) => t.text.replace(/\s/g, '').includes(name));
}

function textWithId(homepage: RenderedHomepage, id: string): RenderedText {
  const found = homepage.texts.find((t) => t.selector.endsWith(`#${id}`));
  if (!found) throw new Error(`no text with id ${id}`);
  return found;
}

beforeAll(async () => {
  browser = await launchBrowser();
  site = await startServer(siteHandler(pages));
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('renderHomepage on Sichuan-style homepages', () => {
  it('waits for a name written by a script after 300 ms and finds it visible in the header', async () => {
    const homepage = await render('/js-name/');
    expect(homepage.status).toBe(200);
    expect(homepage.settle.cappedOut).toBe(false);
    const [name, ...others] = textsNamed(homepage, PROVINCE).filter((t) => t.inHeader);
    expect(others).toEqual([]);
    expect(name).toMatchObject({ tag: 'h1', selector: 'h1#site-name', visible: true, inHeader: true });
  });

  it('waits past the load event for what a script writes a moment after it', async () => {
    const homepage = await render('/after-load/');
    expect(homepage.settle.cappedOut).toBe(false);
    expect(homepage.links.find((l) => l.text === '网站纠错')).toMatchObject({
      href: `${site.origin}/wzjc/`,
      visible: true,
    });
  });

  it('takes the blue header band, above the nav bar, as the header area', async () => {
    const homepage = await render('/js-name/');
    // top bar 34 px + header band 150 px; the nav bar below does not extend it.
    expect(homepage.headerArea).toEqual({
      box: { x: 0, y: 0, width: 1366, height: 184 },
      method: 'landmark',
      selector: 'body > div.header',
    });
    const nav = homepage.links.find((l) => l.text === '政务公开');
    expect(nav).toMatchObject({ visible: true, inHeader: false });
    const accessibility = homepage.links.find((l) => l.text === '无障碍');
    expect(accessibility).toMatchObject({ href: `${site.origin}/wza/`, visible: true, inHeader: true });
  });

  it('keeps the header screenshot as a PNG as wide as the viewport and as tall as the header', async () => {
    const homepage = await render('/js-name/');
    const png = Buffer.from(homepage.headerScreenshot ?? []);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(1366);
    expect(png.readUInt32BE(20)).toBe(184);
  });

  it('finds a name given only as the alt text of a header image, and the link around it', async () => {
    const homepage = await render('/img-alt/');
    const image = homepage.graphics.find((g) => g.alt === CITY);
    expect(image).toMatchObject({
      kind: 'img',
      src: `${site.origin}/img/name.svg`,
      visible: true,
      inHeader: true,
    });
    expect(image?.box).toMatchObject({ width: 420, height: 90 });
    expect(textsNamed(homepage, CITY).filter((t) => t.inHeader)).toEqual([]);
    const link = homepage.links.find((l) => l.text === CITY);
    expect(link).toMatchObject({ href: `${site.origin}/`, visible: true, inHeader: true });
    expect(homepage.resources).toContainEqual({ url: `${site.origin}/img/name.svg`, kind: 'image' });
  });

  it('reports a header image without a text alternative as a graphic with no alt', async () => {
    const homepage = await render('/img-no-alt/');
    const inHeader = homepage.graphics.filter((g) => g.inHeader);
    expect(inHeader.map((g) => g.src)).toEqual([
      `${site.origin}/img/emblem.svg`,
      `${site.origin}/img/name.svg`,
    ]);
    for (const graphic of inHeader) {
      expect(graphic).toMatchObject({ kind: 'img', visible: true });
      expect(graphic.alt).toBeUndefined();
      expect(graphic.title).toBeUndefined();
    }
  });

  it('reports a name drawn as a CSS background image in the header', async () => {
    const homepage = await render('/bg-name/');
    const background = homepage.graphics.find((g) => g.kind === 'background' && g.inHeader);
    expect(background).toMatchObject({
      src: `${site.origin}/img/name.svg`,
      visible: true,
      selector: 'body > div.header > div.w1200 > div.name-bg',
    });
    expect(background?.box).toMatchObject({ width: 420, height: 90 });
    expect(homepage.resources).toContainEqual({ url: `${site.origin}/img/name.svg`, kind: 'image' });
  });

  it.each([
    ['name-none', 'display-none'],
    ['name-indent', 'off-page'],
    ['name-sr', 'clipped'],
    ['name-transparent', 'transparent'],
    ['name-invisible', 'visibility-hidden'],
    ['name-left', 'off-page'],
  ] as const)('finds the hidden name #%s in the header, not visible (%s)', async (id, reason) => {
    const homepage = await render('/hidden/');
    expect(textWithId(homepage, id)).toMatchObject({
      text: PROVINCE,
      visible: false,
      hiddenReason: reason,
      inHeader: true,
    });
  });

  it('does not count a name that is only in the title and the footer as in the header', async () => {
    const homepage = await render('/title-footer/');
    expect(homepage.title).toBe(PROVINCE);
    const named = textsNamed(homepage, PROVINCE);
    expect(named.length).toBeGreaterThan(0);
    for (const text of named) expect(text).toMatchObject({ visible: true, inHeader: false });
    expect(named[0]?.text).toContain('主办单位');
    expect(homepage.texts.find((t) => t.inHeader && t.tag === 'h1')?.text).toBe('数字四川 · 政务服务');
  });
});
