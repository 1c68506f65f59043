import { escapeHtml } from './escape.ts';
import { ratingBadge } from './rating.ts';
import { type ReportRule, ruleHeading } from './rules.ts';

function renderRuleNote(rule: ReportRule): string {
  const description = rule.description === undefined ? '' : `<p>${escapeHtml(rule.description)}</p>`;
  const applies =
    rule.appliesToText === undefined
      ? ''
      : `<p class="applies">适用范围：${escapeHtml(rule.appliesToText)}</p>`;
  return `<dt>${escapeHtml(ruleHeading(rule))}</dt><dd>${description}${applies}</dd>`;
}

/** 检查说明: what each rule checks, how the score and the rating are given, what the labels mean. */
export function renderNotes(rules: ReportRule[]): string {
  return `<section class="notes"><h2>检查说明</h2>
<h3>检查规则</h3><dl class="rules">${rules.map(renderRuleNote).join('')}</dl>
<h3>得分与评定</h3>
<p><b>得分</b>反映问题的多少：每个网站满分 100 分，首页上每条失效链接扣 1 分，其他页面上每条失效链接扣 0.1 分；其他各项规则每项“不通过”扣 10 分；最低为 0 分。“待人工复核”和“不适用”不扣分。</p>
<p><b>评定</b>与得分分别给出，依据国务院办公厅《政府网站与政务新媒体检查指标》的单项否决规定：网站触及任何一项单项否决指标（如“站点无法访问”“首页2周未更新、网站不更新”），即评定为${ratingBadge({ qualified: false })}，不论得分多少，检查详情中列明否决原因；未触及的评定为${ratingBadge({ qualified: true })}。网站未能完成检查（无法访问或检查出错）而又没有触及单项否决指标的，以及评定功能启用前保存的结果，标为${ratingBadge({ qualified: null })}。</p>
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
