import { escapeHtml } from './escape.ts';
import { type ReportRule, ruleHeading } from './rules.ts';

function renderRuleNote(rule: ReportRule): string {
  const description = rule.description === undefined ? '' : `<p>${escapeHtml(rule.description)}</p>`;
  const applies =
    rule.appliesToText === undefined
      ? ''
      : `<p class="applies">适用范围：${escapeHtml(rule.appliesToText)}</p>`;
  return `<dt>${escapeHtml(ruleHeading(rule))}</dt><dd>${description}${applies}</dd>`;
}

/** 检查说明: what each rule checks, how the score is computed, what the labels mean. */
export function renderNotes(rules: ReportRule[]): string {
  return `<section class="notes"><h2>检查说明</h2>
<h3>检查规则</h3><dl class="rules">${rules.map(renderRuleNote).join('')}</dl>
<h3>得分计算</h3><p>每个网站满分 100 分：首页上每条失效链接扣 1 分，其他页面上每条失效链接扣 0.1 分；其他各项规则每项“不通过”扣 10 分；最低为 0 分。</p>
<h3>结果标识</h3><ul>
<li><b>✓ 通过</b>：符合该项规则。</li>
<li><b>✗ 不通过</b>：不符合该项规则，下方列出问题所在页面和证据。</li>
<li><b>? 待人工复核</b>：无法自动判定（例如网站名称仅以图片展示且没有替代文本），请依据证据人工确认；“待人工复核”不计为违规，不扣分。</li>
<li><b>— 不适用</b>：该项规则不适用于该网站。</li>
<li><b>无法访问</b>：检查时网站首页无法打开；<b>检查出错</b>：检查过程出现内部错误，结果不完整。</li>
</ul>
<h3>其他</h3><p>报告中的时间均为北京时间。较长的问题清单只列出前若干条，完整清单见与本报告同一目录下的 results.json。</p>
</section>`;
}
