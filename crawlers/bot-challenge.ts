import type { BotChallenge } from './artifacts.ts';

/**
 * Recognizes an answer from a bot-protection layer instead of the page: the 412 and 521 pages that
 * Chinese WAFs (Ruishu/瑞数, Jiasule/加速乐, Chuangyu/创宇盾 and the like) serve to clients without their
 * JavaScript cookie, and Cloudflare's challenge. Such an answer says nothing about whether the link works.
 */
export function detectBotChallenge(
  status: number,
  headers: Record<string, string | string[] | undefined>,
  bodyStart: string,
): BotChallenge | undefined {
  const header = (name: string) => String(headers[name] ?? '').toLowerCase();
  const snippet = bodyStart.slice(0, 200).replace(/\s+/g, ' ');
  if (
    header('cf-mitigated') === 'challenge' ||
    (header('server') === 'cloudflare' && /just a moment|cf-chl|challenge-platform/i.test(bodyStart))
  ) {
    return { vendor: 'cloudflare', status, evidence: `cf-mitigated/Cloudflare 质询页：${snippet}` };
  }
  if (status === 412)
    return { vendor: 'waf-412', status, evidence: `HTTP 412（防护系统要求执行脚本）：${snippet}` };
  if (status === 521) return { vendor: 'waf-521', status, evidence: `HTTP 521（防护系统质询）：${snippet}` };
  if (
    (status === 403 || status === 200 || status === 202) &&
    /安全验证|人机验证|访问验证|滑动验证|请开启JavaScript并刷新|__jsl_clearance|waf_cookie|_waf_/i.test(
      bodyStart,
    )
  ) {
    return { vendor: 'generic', status, evidence: `防护系统验证页：${snippet}` };
  }
  return undefined;
}
