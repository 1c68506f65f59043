import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectBotChallenge } from '../../crawlers/bot-challenge.ts';
import { type RunningServer, startServer } from '../support/http-server.ts';
import { statusOf } from './link-status/support.ts';

const MENU = ['首页', '政务公开', '政务服务', '互动交流', '走进四川', '新闻中心', '政策文件', '数据发布']
  .map((name, i) => `<li><a href="/col${i}/">${name}</a></li>`)
  .join('');

/** An ordinary notice of a government site that talks about 安全验证 and 访问验证. */
const ARTICLE = `<!DOCTYPE html><html><head><meta charset="utf-8">
<title>关于政务服务网启用登录安全验证的通知 - 四川省人民政府</title>
<script src="/js/jquery.min.js"></script></head>
<body><div class="header"><h1>四川省人民政府</h1><ul class="nav">${MENU}</ul></div>
<div class="article"><h2>关于政务服务网启用登录安全验证的通知</h2>
<p>为保障用户账号安全，自2024年7月1日起，四川政务服务网将在用户登录时启用安全验证。</p>
<p>用户在异地登录或多次输入错误密码后，需完成短信访问验证。请广大用户提前核实绑定手机号码。</p>
<p>如有疑问，请拨打12345政务服务便民热线咨询。</p></div>
<div class="footer">主办：四川省人民政府办公厅 <a href="/wzdt/">网站地图</a> <a href="/lxwm/">联系我们</a></div>
</body></html>`;

/** A WAF's verification page: no content, a slider, little else. */
const SLIDER = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>安全验证</title>
<script src="/waf/slider.js"></script></head><body><div id="slider">请拖动滑块完成验证</div></body></html>`;

/** A JavaScript cookie gate: a body that is all script. */
const SCRIPT_GATE = `<html><head><script>var _0x1=['\\x5f\\x5f\\x6a\\x73'];document.cookie='__jsl_clearance=1712345678.123|0|abc;max-age=3600;path=/';location.href=location.pathname+location.search</script></head><body></body></html>`;

describe('detectBotChallenge', () => {
  it('leaves an article that mentions 安全验证 and 访问验证 alone', () => {
    expect(detectBotChallenge(200, {}, ARTICLE)).toBeUndefined();
  });

  it('recognizes a verification page by its title', () => {
    expect(detectBotChallenge(200, {}, SLIDER)).toMatchObject({ vendor: 'generic', status: 200 });
    expect(detectBotChallenge(403, {}, SLIDER)?.evidence).toContain('安全验证');
    const named = SLIDER.replace('<title>安全验证</title>', '<title>安全验证 - 四川省人民政府</title>');
    expect(detectBotChallenge(200, {}, named)?.vendor).toBe('generic');
  });

  it('recognizes a cookie gate whose body is all script', () => {
    expect(detectBotChallenge(200, {}, SCRIPT_GATE)).toMatchObject({ vendor: 'generic', status: 200 });
  });

  it('recognizes the WAF statuses and Cloudflare whatever the body', () => {
    expect(detectBotChallenge(412, {}, ARTICLE)?.vendor).toBe('waf-412');
    expect(detectBotChallenge(521, {}, '')?.vendor).toBe('waf-521');
    expect(detectBotChallenge(403, { 'cf-mitigated': 'challenge' }, '')?.vendor).toBe('cloudflare');
  });
});

describe('the link check and a page mentioning 安全验证', () => {
  let site: RunningServer;
  beforeAll(async () => {
    site = await startServer((request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(request.url === '/verify/' ? SLIDER : ARTICLE);
    });
  });
  afterAll(() => site.close());

  it('an article is ok, a verification page unverified', async () => {
    expect(await statusOf(`${site.origin}/art/1.html`)).toMatchObject({ status: 200, verdict: 'ok' });
    const gate = await statusOf(`${site.origin}/verify/`);
    expect(gate).toMatchObject({ status: 200, verdict: 'unverified', challenge: { vendor: 'generic' } });
  });
});
