import type { ArtifactName, Artifacts } from '../crawlers/artifacts.ts';
import type { Site } from '../src/registry/site.ts';
import type { CheckReport } from '../src/results.ts';
import type { Check, CheckContext, Gathered } from './check.ts';
import { CHECKS } from './index.ts';

const GATHERER_NAMES: Record<ArtifactName, string> = {
  renderedHomepage: '首页渲染（Chromium）',
  siteCrawl: '全站抓取',
  linkStatuses: '链接检测',
  transport: 'HTTPS 访问检测',
  availability: '首页可用性探测',
  headerOcr: '头部图片文字识别（OCR）',
};

/**
 * Runs every rule on one site's artifacts, in contract order. As in Lighthouse's runner, a rule whose
 * artifact could not be gathered, or that throws, becomes `review` for that rule alone.
 */
export function runChecks(
  site: Site,
  artifacts: Artifacts,
  context: Omit<CheckContext, 'site'>,
  checks: readonly Check[] = CHECKS,
): CheckReport[] {
  const ctx: CheckContext = { site, ...context };
  return checks.map((check) => runCheck(check, artifacts, ctx));
}

function runCheck(check: Check, artifacts: Artifacts, ctx: CheckContext): CheckReport {
  const ruleId = check.meta.id;
  if (!check.meta.appliesTo(ctx.site)) return { ruleId, outcome: 'not-applicable', findings: [] };

  const gathered: Partial<Record<ArtifactName, unknown>> = {};
  const missing: { artifact: ArtifactName; gatherer: string; error: string }[] = [];
  for (const name of check.meta.requires) {
    const artifact = artifacts[name];
    if (artifact?.ok) gathered[name] = artifact.value;
    else {
      const error = artifact?.error ?? '未采集';
      missing.push({ artifact: name, gatherer: GATHERER_NAMES[name], error });
    }
  }
  for (const name of check.meta.optional ?? []) {
    const artifact = artifacts[name];
    if (artifact?.ok) gathered[name] = artifact.value;
  }
  if (missing.length > 0) {
    const reasons = missing.map((m) => `${m.gatherer}未能完成（${withoutFinalStop(m.error)}）`).join('；');
    return review(ruleId, ctx.site.homepage, `无法自动判断：${reasons}，需人工检查。`, { missing });
  }

  try {
    const result = check.run(gathered as Gathered<readonly ArtifactName[], readonly ArtifactName[]>, ctx);
    if (result.outcome === 'pass') {
      return {
        ruleId,
        outcome: 'pass',
        findings: [],
        ...(result.evidence ? { evidence: result.evidence } : {}),
      };
    }
    return {
      ruleId,
      outcome: result.outcome,
      findings: result.findings,
      ...(result.outcome === 'fail' && result.singleVeto ? { singleVeto: result.singleVeto } : {}),
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return review(ruleId, ctx.site.homepage, `检查程序出错（${message}），无法自动判断，需人工检查。`, {
      error: message,
      ...(error instanceof Error && error.stack !== undefined ? { stack: error.stack } : {}),
    });
  }
}

function review(
  ruleId: string,
  url: string,
  message: string,
  evidence: Record<string, unknown>,
): CheckReport {
  return { ruleId, outcome: 'review', findings: [{ url, message, evidence }] };
}

/** Gatherer errors are sentences; inside parentheses their final full stop is dropped. */
function withoutFinalStop(text: string): string {
  return text.trim().replace(/[。.．]+$/, '');
}
