import { type CheckResult, defineCheck, type Finding } from './check.ts';
import { shanghaiDay } from './lib/calendar.ts';
import { columnEvidence, tallied } from './lib/column-findings.ts';
import { judgedColumns } from './lib/column-state.ts';

/** 空白栏目数量超过（含）5个 is a single veto of the national indicators. */
const BLANK_LIMIT = 5;
const BLANK_VETO = `空白栏目（栏目页面显示暂无信息）累计${BLANK_LIMIT}个及以上，按国家检查指标单项否决。`;

/**
 * The national indicator 空白栏目 ("自栏目开设之日起就没有提供过任何信息资源"): a column of any kind (see
 * `homepageColumns`: navigation, blocks, the 信息公开 grid, sub-columns) whose page has no list entry
 * of its own and says so (暂无信息, 栏目建设中). 5 or more are a single veto; fewer are `review`. A page
 * whose list could not be read, and that says nothing of the kind, is never counted: it may print its
 * list in a way we do not read (content-freshness lists such columns for review).
 */
export const blankColumns = defineCheck({
  meta: {
    id: 'blank-columns',
    clause: '4.5',
    title: '不存在空白栏目',
    description: `依据国家《政府网站与政务新媒体检查指标》：栏目页面没有任何信息、显示“暂无信息”“栏目建设中”等为空白栏目，累计${BLANK_LIMIT}个及以上单项否决，不足${BLANK_LIMIT}个列出待人工确认。栏目取自首页导航、首页各版块、信息公开页的栏目目录和栏目页的下级栏目；读不到信息列表而页面未显示暂无信息的栏目不算空白栏目。`,
    appliesToText: '所有网站',
    appliesTo: () => true,
    requires: ['siteCrawl', 'renderedHomepage'],
    // One finding per blank column (its name is the key), resting on its address and what it says.
    identity: { key: ['evidence.column'], digest: ['evidence.column', 'evidence.url', 'evidence.blank'] },
    singleVeto: { reason: BLANK_VETO, carriedBy: (finding) => finding.evidence.veto === true },
  },
  run({ siteCrawl, renderedHomepage }, ctx): CheckResult {
    const blank = judgedColumns(siteCrawl, renderedHomepage, shanghaiDay(ctx.now)).flatMap(
      ({ column, state }): Finding[] =>
        state.state === 'blank'
          ? [
              {
                url: column.page.finalUrl,
                message: `栏目“${column.name}”的页面显示“${state.wording}”，没有任何信息（空白栏目）`,
                evidence: { ...columnEvidence(column), blank: state.wording },
              },
            ]
          : [],
    );
    const { over, findings } = tallied(blank, BLANK_LIMIT, '空白栏目');
    if (over) return { outcome: 'fail', findings, singleVeto: BLANK_VETO };
    return { outcome: findings.length > 0 ? 'review' : 'pass', findings };
  },
});
