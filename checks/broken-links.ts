import type { LinkOccurrence, LinkStatus } from '../crawlers/artifacts.ts';
import { type CheckResult, defineCheck, type Finding } from './check.ts';
import { describeBroken, describeUnverified, KIND_NAMES, softNotFoundEvidence } from './lib/link-failure.ts';

/**
 * Clause 4.6.2 (contract §4): no broken link on the homepage or a crawled page. Verdicts come from the
 * link-status gatherer; a target it could not judge (bot challenge, busy after retries) is never
 * counted as broken, it makes the outcome `review` when nothing is broken.
 */
export const brokenLinks = defineCheck({
  meta: {
    id: 'broken-links',
    clause: '4.6.2',
    title: '无失效链接',
    description:
      '首页和已抓取页面上的链接、图片、脚本、样式表、框架和附件不得失效（4xx/5xx、无法连接、超时、重定向循环、证书错误或“页面不存在”的软 404）；每个（页面，链接）一条记录。',
    appliesToText: '所有网站',
    appliesTo: () => true,
    requires: ['linkStatuses'],
    // One finding per (page, target). It rests on the answer: the status or error code, whether it is
    // a soft 404 and the host's not-found answer it matched (not the made-up URL asked, nor the
    // similarity figures), the firewall that stopped the check; not on attempts or redirect timings.
    identity: {
      key: ['target'],
      digest: [
        'status',
        'evidence.softNotFound?',
        'evidence.notFoundFingerprint.status',
        'evidence.notFoundFingerprint.pageTitle',
        'evidence.challenge.vendor',
        'evidence.challenge.status',
        'evidence.busy?',
        'evidence.refused.address',
      ],
    },
  },
  run({ linkStatuses }): CheckResult {
    const broken: Finding[] = [];
    const unverified: Finding[] = [];
    const seen = new Set<string>();
    for (const occurrence of linkStatuses.occurrences) {
      const key = `${occurrence.page}\n${occurrence.target}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const status = linkStatuses.statuses[occurrence.target];
      if (status?.verdict === 'broken') broken.push(brokenFinding(occurrence, status));
      else if (status === undefined || status.verdict === 'unverified') {
        unverified.push(unverifiedFinding(occurrence, status));
      }
    }
    if (broken.length > 0) return { outcome: 'fail', findings: broken };
    if (unverified.length > 0) return { outcome: 'review', findings: unverified };
    return { outcome: 'pass', findings: [] };
  },
});

function brokenFinding(occurrence: LinkOccurrence, status: LinkStatus): Finding {
  return {
    url: occurrence.page,
    target: occurrence.target,
    status: status.status,
    message: `${KIND_NAMES[occurrence.kind]}失效：${describeBroken(status)}。`,
    evidence: {
      ...describeOccurrence(occurrence),
      method: status.method,
      attempts: status.attempts,
      ...(status.redirects.length === 0 ? {} : { redirects: status.redirects }),
      ...(status.finalUrl === undefined ? {} : { finalUrl: status.finalUrl }),
      ...(status.softNotFound === undefined ? {} : softNotFoundEvidence(status.softNotFound)),
    },
  };
}

function unverifiedFinding(occurrence: LinkOccurrence, status: LinkStatus | undefined): Finding {
  return {
    url: occurrence.page,
    target: occurrence.target,
    ...(status === undefined ? {} : { status: status.status }),
    message: `${KIND_NAMES[occurrence.kind]}无法确认是否可用：${describeUnverified(status)}，未计为失效链接，需人工查看。`,
    evidence: {
      ...describeOccurrence(occurrence),
      ...(status?.challenge === undefined ? {} : { challenge: status.challenge }),
      ...(status?.busy === undefined ? {} : { busy: status.busy }),
      ...(status?.incomplete === undefined ? {} : { incomplete: status.incomplete }),
      ...(status?.refused === undefined ? {} : { refused: status.refused }),
    },
  };
}

function describeOccurrence(occurrence: LinkOccurrence): Record<string, unknown> {
  return { linkText: occurrence.text, kind: occurrence.kind };
}
