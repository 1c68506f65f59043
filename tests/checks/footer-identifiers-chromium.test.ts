import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../checks/check.ts';
import { footerIdentifiers } from '../../checks/footer-identifiers.ts';
import { renderHomepage } from '../../crawlers/rendered-homepage/render-homepage.ts';
import { launchBrowser } from '../../src/browser.ts';
import { type RunningServer, startServer } from '../support/http-server.ts';
import { site } from './fixtures/builders.ts';
import {
  footerSitesHandler,
  hanwebHomepage,
  kaipuyunHomepage,
  type ServedPage,
  trsHomepage,
} from './fixtures/footer-sites.ts';

const NOW = new Date('2026-11-25T10:00:00+08:00');
const MIIT = '<a href="https://beian.miit.gov.cn/" target="_blank">';
const MPS = (code: string) =>
  `<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=${code}" target="_blank">`;

/** Each homepage, the 标识码 the registry holds for it, and its footer as its platform writes it. */
const SITES: Record<string, { siteCode: string; page: ServedPage }> = {
  '/leshan/': {
    siteCode: '5111000012',
    page: {
      gbk: { header: false },
      html: trsHomepage({
        owner: '乐山市人民政府',
        identifiers: `<p>网站标识码：<span>5111000012</span>&nbsp;&nbsp;&nbsp;ICP备案号：${MIIT}蜀ICP备：19007388号-1</a>&nbsp;&nbsp;&nbsp;${MPS('51110202000045')}<img src="./images/W020200315366301827351.png" width="20" height="20" align="absmiddle" />川公网安备 51110202000045号</a></p>`,
      }),
    },
  },
  '/yanjiang/': {
    siteCode: '5120020001',
    page: {
      html: hanwebHomepage({
        owner: '资阳市雁江区人民政府',
        identifiers: `网站标识码：<br>5120020001　<span>蜀ICP备</span>${MIIT}05009168</a><br>
<img src="/picture/0/gongan.png" align="absmiddle">公安机关备案号：${MPS('51200202000018')}51200202000018</a>　技术支持：大汉网络`,
      }),
    },
  },
  '/data/': {
    siteCode: 'bm96000001',
    page: {
      html: kaipuyunHomepage({
        owner: '国家数据局',
        identifiers: `<p><span>主办单位：国家数据局</span><span>网站标识码：bm96000001</span><span>${MIIT}京ＩＣＰ备2023028893号－1</a></span></p>
<p><span>${MPS('11010202010533')}<img src="/images/ga.png" width="18" height="18">京公网安备：11010202010533号</a></span></p>`,
      }),
    },
  },
  '/luzhou/': {
    siteCode: '5105000001',
    page: {
      gbk: { header: true },
      html: trsHomepage({
        owner: '泸州市人民政府',
        identifiers: `<p>网站标识码：5105000002&nbsp;&nbsp;<a href="https://dxzhgl.miit.gov.cn/" target="_blank">川B2-20080001</a>&nbsp;&nbsp;京ICP证030173号</p>
<p style="display:none">${MPS('51050202000123')}川公网安备 51050202000123号</a></p>`,
      }),
    },
  },
  '/chaotian/': {
    siteCode: '5108120001',
    page: {
      html: hanwebHomepage({
        owner: '广元市朝天区人民政府',
        identifiers: `网站标识码：5108120001<br>0839-8622345（值班电话）　${MIIT}蜀ICP备05009168号</a><br>
公安机关备案号：<img src="/picture/0/gaba.png" width="140" height="20" align="absmiddle">`,
      }),
    },
  },
};

let browser: Browser;
let server: RunningServer;

beforeAll(async () => {
  browser = await launchBrowser();
  const pages = Object.fromEntries(Object.entries(SITES).map(([path, { page }]) => [path, page]));
  server = await startServer(footerSitesHandler(pages));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Renders the homepage at `path` with the real renderer and runs the rule on the artifact. */
async function inspect(path: string): Promise<CheckResult> {
  const homepage = await renderHomepage(browser, `${server.origin}${path}`);
  const registered = site({ homepage: `${server.origin}${path}`, siteCode: SITES[path]!.siteCode });
  return footerIdentifiers.run({ renderedHomepage: homepage }, { site: registered, now: NOW });
}

const items = (result: CheckResult) => result.findings.map((f) => f.evidence.item);

describe('footer-identifiers on footers as the platforms write them (Chromium)', () => {
  it('passes a TRS footer in GBK: the 标识码 in a span inside its line, 蜀ICP备：…号-1, 川公网安备 in a link', async () => {
    expect(await inspect('/leshan/')).toEqual({ outcome: 'pass', findings: [] });
  });

  it('passes a Hanweb table footer: the 标识码 after a <br>, ICP备 and its number in two elements, no 号, the 公安 number in a link after its caption', async () => {
    expect(await inspect('/yanjiang/')).toEqual({ outcome: 'pass', findings: [] });
  });

  it('passes a State Council department’s 开普云 footer: a bm 标识码, ＩＣＰ in full-width letters, 京公网安备：', async () => {
    expect(await inspect('/data/')).toEqual({ outcome: 'pass', findings: [] });
  });

  it('fails a TRS footer with another 标识码, only an ICP licence and a hidden 公安 number', async () => {
    const result = await inspect('/luzhou/');
    expect(result.outcome).toBe('fail');
    expect(items(result)).toEqual(['政府网站标识码', 'ICP备案编号', '公安机关备案号']);
    expect(result.findings.map((f) => f.message)).toEqual([
      '首页显示的政府网站标识码 5105000002 与登记的 5105000001 不一致。',
      '首页没有显示ICP备案编号（如“蜀ICP备05003828号”）。',
      '首页的公安机关备案号“川公网安备 51050202000123号”设置了 display:none，读者看不到。',
    ]);
  });

  it('reads a Hanweb 标识码 with a phone number after its <br>, and reviews a 公安 number drawn as an image', async () => {
    const result = await inspect('/chaotian/');
    expect(result.outcome).toBe('review');
    expect(items(result)).toEqual(['公安机关备案号']);
    expect(result.findings[0]!.message).toBe(
      '首页有“公安机关备案号”字样，但读不出公安机关备案号（可能写在图片里），需人工查看。',
    );
  });
});
