import { describe, expect, it } from 'vitest';
import { detectBlockPage } from '../../crawlers/block-page.ts';
import { detectBotChallenge } from '../../crawlers/bot-challenge.ts';

/** 宝塔 and 安全狗's nginx firewall page for a request it takes for an attack. */
const BAOTA = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>网站防火墙</title>
<style>body{font:14px/1.5 Microsoft Yahei,sans-serif;color:#555}</style></head><body>
<div style="margin:0 auto;width:600px;padding-top:70px">
<div style="background:#6bb3f6;color:#fff;padding-left:20px">网站防火墙</div>
<div style="border:1px dashed #cdcece;padding:20px">
<p><span style="font-weight:600;color:#fc4f03">您的请求带有不合法参数，已被网站管理员设置拦截！</span></p>
<p>可能原因：您提交的内容包含危险的攻击请求</p>
<p>如何解决：</p><ul><li>1）检查提交内容；</li><li>2）如网站托管，请联系空间提供商；</li><li>3）普通网站访客，请联系网站管理员；</li></ul>
</div></div></body></html>`;

/** 云锁 (and 创宇盾 alike): an IP taken for an attacker. */
const YUNSUO = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"/>
<title>您的访问被拦截</title></head><body>
<div class="main"><h1>当前访问疑似黑客攻击，已被网站管理员设置为拦截</h1>
<p>您的IP：10.0.0.8　拦截时间：2026-11-24 10:00:03</p>
<p>如果您是网站管理员，<a href="http://www.yunsuo.com.cn/">点击这里</a>查看详情</p></div></body></html>`;

/** Alibaba Cloud's WAF: a 405 whose message a script writes into the page. */
const ALIYUN = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>405</title>
<script>var cn_tips={block_message:"很抱歉，由于您访问的URL有可能对网站造成安全威胁，您的访问被阻断。",block_traceid_tips:"您的请求ID是: "};
window.onload=function(){document.querySelector('.message').innerText=cn_tips.block_message}</script></head>
<body data-spm="7663354"><div class="header"><div class="container"><div class="message"></div></div></div>
<div class="main"><img src="https://errors.aliyun.com/images/TB15QGaHpXXXXXOaXXXXia39XXX-660-117.png"></div></body></html>`;

/** A rate limit written by hand behind a 503. */
const TOO_FREQUENT = `<html><head><title>访问受限</title></head><body>
<p>您的访问过于频繁，已被暂时限制访问，请稍后再试。</p></body></html>`;

/** IIS's own 403 of a directory with no default page: the site is broken, not guarded. */
const IIS_403 = `<!DOCTYPE html><html><head><meta charset="gb2312"/><title>403 - 禁止访问: 访问被拒绝。</title></head>
<body><div id="header"><h1>服务器错误</h1></div><div id="content"><div class="content-container"><fieldset>
<h2>403 - 禁止访问: 访问被拒绝。</h2><h3>您无权使用所提供的凭据查看此目录或页面。</h3></fieldset></div></div></body></html>`;

/** A cloud WAF's page for a site whose origin is down: it names the firewall, but the site is out. */
const ORIGIN_DOWN = `<html><head><title>网站暂时无法访问</title></head><body>
<h1>创宇盾提示：网站源站连接超时</h1><p>网站防火墙未能连接到网站服务器，请稍后再试。</p></body></html>`;

/** A site's full page served with an error status, one of whose notices talks of 拦截. */
const FULL_PAGE = `<html><head><title>四川省某某局</title></head><body>${'<p>关于开展非法集资宣传月活动的通知，拦截诈骗电话一万余次。政务公开 政务服务 互动交流 走进四川 新闻中心 政策文件 数据发布。</p>'.repeat(40)}</body></html>`;

describe('detectBlockPage', () => {
  it.each([
    ['宝塔/安全狗 (403)', 403, BAOTA, '网站防火墙 您的请求带有不合法参数，已被网站管理员设置拦截！'],
    ['云锁 (403)', 403, YUNSUO, '当前访问疑似黑客攻击，已被网站管理员设置为拦截'],
    ['阿里云盾 (405), its message in a script', 405, ALIYUN, '405；阿里云盾拦截页（提示由脚本写出）'],
    [
      'an English WAF page (403)',
      403,
      '<html><title>Request Rejected</title><body>Request blocked. The incident ID is 2718281828.</body></html>',
      'Request blocked.',
    ],
    ['a rate limit (503)', 503, TOO_FREQUENT, '您的访问过于频繁，已被暂时限制访问，请稍后再试。'],
  ])('recognizes %s', (_name, status, html, says) => {
    const found = detectBlockPage(status, html);
    expect(found?.evidence).toContain(`HTTP ${status} 防火墙拦截页：`);
    expect(found?.evidence).toContain(says);
  });

  it("does not take a site's own short error page for a firewall's because its scripts speak of 拦截", () => {
    const html = `<html><head><title>503 服务暂不可用</title><script>// 拦截右键复制
document.oncontextmenu = () => false;</script></head><body><p>服务暂时不可用，请稍后再试。</p></body></html>`;
    expect(detectBlockPage(503, html)).toBeUndefined();
  });

  it('shows the title when the text does not repeat it', () => {
    expect(detectBlockPage(403, YUNSUO)?.evidence).toBe(
      'HTTP 403 防火墙拦截页：您的访问被拦截；当前访问疑似黑客攻击，已被网站管理员设置为拦截 您的IP：10.0.0.8 拦截时间：2026-11-24 10:00:03 如果您是网站管理员，点击这里查看详',
    );
  });

  it('takes a 429 for a rate limit whatever its body', () => {
    expect(detectBlockPage(429, '')).toEqual({ evidence: 'HTTP 429（请求过于频繁，探测方被限流）' });
    expect(detectBlockPage(429, '<h1>Too Many Requests</h1>')?.evidence).toContain('429');
  });

  it.each([
    ["IIS's plain 403 (访问被拒绝)", 403, IIS_403],
    [
      'an nginx 503',
      503,
      '<html><head><title>503 Service Temporarily Unavailable</title></head><body><h1>503</h1></body></html>',
    ],
    ["a firewall's page reporting its origin down", 503, ORIGIN_DOWN],
    ['a full page of content behind a 403', 403, FULL_PAGE],
    ['a block page answered 200 (the site is up anyway)', 200, BAOTA],
    ['a block page answered 404', 404, BAOTA],
    ['a 502', 502, BAOTA],
  ])('leaves %s alone', (_name, status, html) => {
    expect(detectBlockPage(status, html)).toBeUndefined();
  });

  it('is not a bot challenge: no browser gets past a block page', () => {
    for (const html of [BAOTA, YUNSUO, ALIYUN]) expect(detectBotChallenge(403, {}, html)).toBeUndefined();
  });
});
