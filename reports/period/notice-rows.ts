import type { NoticeModel, NoticeSite } from '../../src/period-reports/notice-model.ts';
import { OUTCOME_LABELS, STATUS_LABELS } from '../html/labels.ts';
import { ratingText, vetoReasons } from '../html/rating.ts';
import { formatChange, ruleTitles } from './notice-text.ts';

/** The one-row-per-site table shared by the XLSX 网站结果 sheet and the CSV. */
export function siteHeader(model: NoticeModel): string[] {
  return [
    '网站名称',
    '网站标识',
    '地区',
    '区划代码',
    '首页',
    '状态',
    '得分',
    '评定',
    '单项否决原因',
    '上期得分',
    '得分变化',
    ...model.rules.map((rule) => rule.title),
    '新增问题',
    '已整改问题',
    '自动检测得分',
    '自动检测评定',
    '复核问题数',
    '申诉问题数',
    '核减问题数',
  ];
}

export function siteRow(model: NoticeModel, site: NoticeSite): (string | number)[] {
  return [
    site.fullName,
    site.siteId,
    site.regionName,
    site.region,
    site.homepage,
    STATUS_LABELS[site.status].text,
    site.score,
    ratingText(site),
    vetoReasons(site).join('；'),
    site.previousScore ?? '',
    formatChange(site.score, site.previousScore),
    ...model.rules.map((rule) => {
      const outcome = site.outcomes[rule.id];
      return outcome === undefined ? '未检查' : OUTCOME_LABELS[outcome].text;
    }),
    ruleTitles(model, site.newViolations),
    ruleTitles(model, site.fixedViolations),
    site.automated?.score ?? site.score,
    ratingText(site.automated ?? site),
    site.counts.reviewed,
    site.counts.appealed,
    site.counts.struckOff,
  ];
}
