import { type CheckResult, defineCheck } from './check.ts';
import { shanghaiDay } from './lib/calendar.ts';
import { notUpdated, tallied } from './lib/column-findings.ts';
import { UPDATE_DAYS } from './lib/column-kind.ts';
import { judgedColumns } from './lib/column-state.ts';

/** 应更新但长期未更新的栏目数量超过（含）10个 is a single veto of the national indicators. */
const LONG_LIMIT = 10;
const YEAR = UPDATE_DAYS['long-period'];
const LONG_VETO = `应更新但超过1年未更新的栏目累计${LONG_LIMIT}个及以上（应更新但长期未更新），按国家检查指标单项否决。`;

/**
 * The national indicator "应更新但长期未更新的栏目数量超过（含）10个", with one year for 长期 as earlier
 * rules and the monitoring platforms count it: every column that is to be updated (动态要闻, 通知公告、
 * 政策文件, and the yearly ones: 人事, 规划计划, 统计, 财政预决算) whose own newest entry is more than a
 * year old, or whose own list prints no date at all (未注明信息发布时间的视为不更新). 10 or more are a
 * single veto; fewer are `review`. A column whose list could not be read is never counted.
 */
export const longUnupdatedColumns = defineCheck({
  meta: {
    id: 'long-unupdated-columns',
    clause: '4.5',
    title: '应更新栏目长期未更新',
    description: `依据国家《政府网站与政务新媒体检查指标》“应更新但长期未更新的栏目数量超过（含）10个”单项否决：动态要闻、通知公告、政策文件以及人事、规划计划、统计、财政预决算等应定期更新的栏目，最新信息超过1年，或信息列表都没有注明发布时间的，累计${LONG_LIMIT}个及以上单项否决，不足${LONG_LIMIT}个列出待人工确认。读不到栏目自身信息列表的栏目不计入。`,
    appliesToText: '所有网站',
    appliesTo: () => true,
    requires: ['siteCrawl', 'renderedHomepage'],
    // One finding per column (its name is the key), resting on its newest entry or its undated list.
    identity: {
      key: ['evidence.column'],
      digest: [
        'evidence.column',
        'evidence.kind',
        'evidence.newestDate',
        'evidence.newestUrl',
        'evidence.undated',
      ],
    },
    singleVeto: { reason: LONG_VETO, carriedBy: (finding) => finding.evidence.veto === true },
  },
  run({ siteCrawl, renderedHomepage }, ctx): CheckResult {
    const stale = judgedColumns(siteCrawl, renderedHomepage, shanghaiDay(ctx.now)).flatMap((judged) => {
      if (judged.column.kind === 'other') return [];
      const finding = notUpdated(judged, YEAR, 'long-period');
      return finding ? [{ ...finding, message: `${finding.message}（应更新但长期未更新）` }] : [];
    });
    const { over, findings } = tallied(stale, LONG_LIMIT, '应更新栏目超过1年未更新');
    if (over) return { outcome: 'fail', findings, singleVeto: LONG_VETO };
    return { outcome: findings.length > 0 ? 'review' : 'pass', findings };
  },
});
