import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../checks/check.ts';
import { errorReportEntry } from '../../../checks/error-report-entry.ts';
import { footerIdentifiers } from '../../../checks/footer-identifiers.ts';
import type { RenderedHomepage } from '../../../crawlers/artifacts.ts';
import { renderHomepage } from '../../../crawlers/rendered-homepage/render-homepage.ts';
import { parseResolveEntries } from '../../../crawlers/resolve/resolve-table.ts';
import { launchBrowser } from '../../../src/browser.ts';
import { site } from '../../checks/fixtures/builders.ts';
import { type RunningServer, startServer } from '../../support/http-server.ts';
import { type BADGE_STYLES, badgeSite, PLATFORM_HOSTS, SITE_CODE, SITE_HOST } from './badge-site.ts';

const NOW = new Date('2026-11-25T10:00:00+08:00');
type Style = (typeof BADGE_STYLES)[number];

let browser: Browser;
let server: RunningServer;
// The site and the platforms' hosts all lead to the fixture server on loopback.
const resolve = parseResolveEntries([SITE_HOST, ...PLATFORM_HOSTS].map((host) => `${host}:*:127.0.0.1`));
const rendered = new Map<Style, RenderedHomepage>();

async function render(style: Style): Promise<RenderedHomepage> {
  const known = rendered.get(style);
  if (known) return known;
  const homepage = await renderHomepage(browser, `http://${SITE_HOST}:${server.port}/${style}/`, { resolve });
  rendered.set(style, homepage);
  return homepage;
}

function judge(home: RenderedHomepage): { errorReport: CheckResult; identifiers: CheckResult } {
  const context = {
    site: site({ homepage: home.url, siteCode: SITE_CODE, fullName: '示例县人民政府' }),
    now: NOW,
  };
  return {
    errorReport: errorReportEntry.run({ renderedHomepage: home }, context),
    identifiers: footerIdentifiers.run({ renderedHomepage: home }, context),
  };
}

beforeAll(async () => {
  server = await startServer(badgeSite);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the national badges as their scripts draw them, rendered in Chromium and judged', () => {
  it.each([
    ['trs', 'pass', 'pass'],
    ['hanweb-listener', 'pass', 'pass'],
    ['late', 'pass', 'pass'],
    ['background', 'pass', 'pass'],
    ['not-clickable', 'review', 'pass'],
    ['busy', 'pass', 'pass'],
    ['hidden', 'fail', 'fail'],
    ['not-drawn', 'review', 'review'],
  ] satisfies [Style, string, string][])(
    '%s: 我为政府网站找错 %s, footer-identifiers %s',
    async (style, errorReport, identifiers) => {
      const verdicts = judge(await render(style));
      expect({
        errorReport: verdicts.errorReport.outcome,
        identifiers: verdicts.identifiers.outcome,
      }).toEqual({
        errorReport,
        identifiers,
      });
    },
  );

  it('records the image jiucuo.js draws as clicked through its handler, with no link', async () => {
    const home = await render('trs');
    expect(home.graphics.find((g) => g.selector === 'span#_span_jiucuo > img')).toMatchObject({
      src: `http://zfwzgl.www.gov.cn:${server.port}/exposure/images/jiucuo.png?v=${SITE_CODE}`,
      visible: true,
      clickable: 'handler',
      box: expect.objectContaining({ width: 110, height: 55 }),
    });
    expect(home.links.filter((l) => /jiucuo/.test(l.href))).toEqual([]);
    expect(home.links.find((l) => l.selector === 'span#_ideConac > a')).toMatchObject({ visible: true });
  });

  it('sees a click listener on the wrapper of an image that shows a pointer', async () => {
    const home = await render('hanweb-listener');
    expect(home.graphics.find((g) => g.selector === 'span#_span_jiucuo > img')).toMatchObject({
      visible: true,
      clickable: 'handler',
    });
  });

  it('sees the registry link around a floated image, though the inline boxes around it measure nothing', async () => {
    const home = await render('hanweb-listener');
    const link = home.links.find((l) => l.href.startsWith(`http://bszs.conac.cn:${server.port}/sitename`));
    expect(link).toMatchObject({ visible: true, box: expect.objectContaining({ width: 55, height: 65 }) });
  });

  it('collects badge-sized backgrounds, clicked through their onclick', async () => {
    const home = await render('background');
    const backgrounds = home.graphics.filter((g) => g.kind === 'background' && g.clickable === 'handler');
    expect(backgrounds.map((g) => [g.selector, g.box.width, g.box.height])).toEqual([
      ['span#_span_jiucuo', 110, 55],
      ['div.footer > div.w1200 > div.badges > span.dzjg', 55, 65],
    ]);
  });

  it('counts neither a pointer alone nor a listener on the whole document as a click handler', async () => {
    const home = await render('not-clickable');
    const badge = home.graphics.find((g) => g.src.endsWith('/images/jiucuo.png'));
    expect(badge).toMatchObject({ visible: true });
    expect(badge?.clickable).toBeUndefined();
  });

  it('says how the hidden badges are hidden', async () => {
    const { errorReport, identifiers } = judge(await render('hidden'));
    expect(errorReport.findings[0]!.message).toContain('设置了 display:none');
    expect(identifiers.findings.map((f) => f.evidence.item)).toEqual(['党政机关网站标识']);
    expect(identifiers.findings[0]!.message).toContain('尺寸为零');
  });

  it('reviews what the scripts should have drawn, naming them', async () => {
    const { errorReport, identifiers } = judge(await render('not-drawn'));
    expect(errorReport.findings[0]!.evidence.script).toBe(
      `http://zfwzgl.www.gov.cn:${server.port}/exposure/jiucuo_v2.js`,
    );
    expect(identifiers.findings[0]!.evidence.script).toMatch(/^http:\/\/dcs\.conac\.cn:\d+\/js\//);
  });
});
