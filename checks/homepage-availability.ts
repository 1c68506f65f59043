import {
  FULL_PROBE_DAY,
  type HomepageAvailability,
  type HomepageProbe,
  type OfflineEpisode,
} from '../crawlers/artifacts.ts';
import { type CheckResult, defineCheck, type Finding } from './check.ts';
import { shanghaiDay } from './lib/calendar.ts';
import { glossErrorCode } from './lib/link-failure.ts';

/** The national indicator 站点无法访问: "监测1周，每天间隔性访问20次以上", failing at 5 %. */
const MIN_DAYS = 7;
const MAX_FAILURE_RATE = 0.05;
/** Clause 4.4.2: a temporary offline lasts at most 30 days. */
const MAX_OFFLINE_DAYS = 30;
const DAY_MS = 86_400_000;
/** The veto of a finding a reviewer upholds, whatever the automated judgement was. */
const UPHELD_VETO = '经人工复核，首页属于“站点无法访问”，按全国政府网站检查指标单项否决，网站评为不合格。';

/** What a finding was judged on: the evidence's `judgement`. */
type Judgement = 'single-probe' | 'offline-episode' | 'blocked' | 'too-few-probes' | 'failure-rate';

/**
 * Clause 4.4.2 (政府门户网站一般不得关停下线; a temporary offline at most once a year, at most 30 days)
 * judged by the national indicator 站点无法访问: the homepage probed on a schedule, 20 times a day or
 * more on 7 days or more (`fullDays`), a probe taking 15 s or more counting as failed; failures reaching 5 % of the
 * probes, or an offline run longer than 30 days, fail the site with a single veto. A maintenance page
 * in place of the homepage is a failure (the site is offline on purpose); a firewall's block page (the
 * prober refused: ok, `error` 'BLOCKED') is neither a failure nor a probe, counted apart. Too few probes,
 * more blocked probes than the others (unless an offline run already fails the site), or the one-shot
 * CLI's single probe failing or blocked, is `review`.
 */
export const homepageAvailability = defineCheck({
  meta: {
    id: 'homepage-availability',
    clause: '4.4.2',
    title: '首页可用性（站点无法访问）',
    description: `按全国政府网站检查指标“站点无法访问”，服务按计划每天多次探测首页（监测1周，每天不少于${FULL_PROBE_DAY}次：有${MIN_DAYS}天以上、每天探测${FULL_PROBE_DAY}次以上才作判断），超过（含）15秒打不开、出错或显示维护页面记为失败，被网站防火墙拦截（服务器有应答、只是拒绝了探测方）的探测不计入探测次数和失败次数，被拦截的探测多于其余探测时无法判断、需人工复核；失败次数占比达到${MAX_FAILURE_RATE * 100}%，或连续无法访问超过${MAX_OFFLINE_DAYS}天（条款4.4.2临时下线时限），即单项否决、评为不合格。命令行单次探测失败只提示人工复核。`,
    appliesToText: '所有网站',
    appliesTo: () => true,
    requires: ['availability'],
    // One finding per judgement (one per offline episode, keyed by its start). It rests on what was
    // judged and over which window (from the period's start), not on the counts, which grow every day.
    identity: {
      key: ['evidence.episode.from'],
      digest: ['evidence.judgement', 'evidence.method', 'evidence.from', 'evidence.episode.from'],
    },
    singleVeto: { reason: UPHELD_VETO },
  },
  run({ availability: a }, { site }): CheckResult {
    const url = site.homepage;
    const evidence = (judgement: Judgement) => ({ judgement, ...summaryEvidence(a) });
    if (a.method === 'single-probe') {
      const failed = a.failedSamples[0];
      if (a.probes > 0 && a.failures === 0) return { outcome: 'pass', findings: [] };
      const what = failed
        ? `首页单次探测失败（${describeProbe(failed)}）`
        : a.blocked
          ? '首页单次探测被网站防火墙拦截（服务器有应答，但拒绝了探测方）'
          : '没有首页探测记录';
      const message = `${what}；单次探测不足以认定“站点无法访问”，服务中按计划多次探测后才能判断，需人工复核。`;
      return { outcome: 'review', findings: [{ url, message, evidence: evidence('single-probe') }] };
    }

    const longest = a.episodes.filter((e) => spanMs(e) > MAX_OFFLINE_DAYS * DAY_MS);
    if (longest.length > 0) {
      const findings = longest.map(
        (episode): Finding => ({
          url,
          message: `首页自${when(episode.from)}至${when(episode.to)}连续无法访问（${episode.probes}次探测均失败），超过临时下线不得超过${MAX_OFFLINE_DAYS}天的规定。`,
          evidence: { ...evidence('offline-episode'), episode },
        }),
      );
      const veto = `首页连续无法访问超过${MAX_OFFLINE_DAYS}天，超出条款4.4.2临时下线时限，属于“站点无法访问”，单项否决，网站评为不合格。`;
      return { outcome: 'fail', findings, singleVeto: veto };
    }

    const blocked = a.blocked ?? 0;
    if (blocked > a.probes) {
      const message = `${period(a)}首页探测中有${blocked}次被网站防火墙拦截（服务器有应答，但拒绝了探测方），多于其余的${a.probes}次探测（其中${a.failures}次失败）；探测方被网站拒绝，无法判断是否“站点无法访问”，需网站放行探测或人工复核。`;
      return { outcome: 'review', findings: [{ url, message, evidence: evidence('blocked') }] };
    }

    if (a.fullDays < MIN_DAYS) {
      const message = `${period(a)}共${a.daysProbed}天探测了首页、共${a.probes}次（其中${a.failures}次失败），探测达到每天${FULL_PROBE_DAY}次的只有${a.fullDays}天，少于国家检查指标“监测1周，每天间隔性访问${FULL_PROBE_DAY}次以上”的要求，暂不能判断是否“站点无法访问”，需继续探测或人工复核。${blockedNote(a)}${maintenanceNote(a)}`;
      return { outcome: 'review', findings: [{ url, message, evidence: evidence('too-few-probes') }] };
    }

    if (a.failures / a.probes >= MAX_FAILURE_RATE) {
      const rate = percent(a.failures / a.probes);
      const message = `${period(a)}共探测首页${a.probes}次，其中${a.failures}次打不开（超过15秒、出错或显示维护页面），占${rate}，达到“站点无法访问”${MAX_FAILURE_RATE * 100}%的标准。${blockedNote(a)}${maintenanceNote(a)}`;
      const veto = `首页无法访问的探测占${rate}（达到${MAX_FAILURE_RATE * 100}%），属于“站点无法访问”，按全国政府网站检查指标单项否决，网站评为不合格。`;
      return {
        outcome: 'fail',
        findings: [{ url, message, evidence: evidence('failure-rate') }],
        singleVeto: veto,
      };
    }
    return { outcome: 'pass', findings: [] };
  },
});

/** What every finding carries besides its judgement: the counts, the rate, the offline episodes and sample failures. */
function summaryEvidence(a: HomepageAvailability): Record<string, unknown> {
  return {
    method: a.method,
    from: a.from,
    to: a.to,
    probes: a.probes,
    failures: a.failures,
    failureRate: a.probes > 0 ? Number((a.failures / a.probes).toFixed(4)) : null,
    daysProbed: a.daysProbed,
    fullDays: a.fullDays,
    ...(a.blocked ? { blocked: a.blocked } : {}),
    episodes: a.episodes,
    episodeCount: a.episodeCount,
    failedSamples: a.failedSamples,
  };
}

function describeProbe(probe: HomepageProbe): string {
  if (probe.error === 'TIMEOUT') return '15秒内未打开';
  if (probe.error === 'MAINTENANCE') return `网站显示维护页面${probe.evidence ? `，${probe.evidence}` : ''}`;
  if (probe.status !== undefined) return `返回 HTTP ${probe.status}`;
  const code = probe.error ?? 'UNKNOWN';
  return `${glossErrorCode(code) ?? '无法访问'}（${code}）`;
}

/** The probes a firewall refused, which the counts of the message leave out. */
function blockedNote(a: HomepageAvailability): string {
  return a.blocked ? `另有${a.blocked}次探测被网站防火墙拦截，未计入。` : '';
}

/** How many of the failures kept as samples were maintenance pages: the site offline on purpose (clause 4.4.2). */
function maintenanceNote(a: HomepageAvailability): string {
  const shown = a.failedSamples.filter((probe) => probe.error === 'MAINTENANCE').length;
  if (shown === 0) return '';
  return `最近${a.failedSamples.length}次失败中有${shown}次首页显示维护页面，属于临时下线，按条款4.4.2每年不超过一次、每次不超过${MAX_OFFLINE_DAYS}天。`;
}

function spanMs(episode: OfflineEpisode): number {
  return Date.parse(episode.to) - Date.parse(episode.from);
}

function period(a: HomepageAvailability): string {
  return `${when(a.from)}至${when(a.to)}期间`;
}

function when(iso: string): string {
  const { year, month, day } = shanghaiDay(new Date(iso));
  return `${year}年${month}月${day}日`;
}

function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}
