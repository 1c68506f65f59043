import type { AddressRefusal, LinkKind, LinkStatus, SoftNotFound } from '../../crawlers/artifacts.ts';
import { ADDRESS_CLASS_NAMES } from '../../src/net/address-class.ts';

export const KIND_NAMES: Record<LinkKind, string> = {
  anchor: '链接',
  image: '图片',
  script: '脚本',
  stylesheet: '样式表',
  frame: '内嵌框架',
  attachment: '附件',
  other: '资源',
};

const HTTP_FAILURES: Record<number, string> = {
  400: '请求错误 400',
  401: '需要登录 401',
  403: '禁止访问 403',
  404: '404 页面不存在',
  410: '410 页面已删除',
  500: '服务器错误 500',
  502: '网关错误 502',
  503: '服务不可用 503',
  504: '网关超时 504',
};

/** Network error codes in Chinese, the specific before the general. */
const CODE_GLOSSES: [RegExp, string][] = [
  [/^REDIRECT_LOOP$/i, '重定向循环'],
  [/^TOO_MANY_REDIRECTS$/i, '重定向次数过多'],
  [/TIMEOUT|TIMEDOUT/i, '超时'],
  [/^ENOTFOUND$/i, '域名无法解析'],
  [/^EAI_AGAIN$/i, '域名解析失败'],
  [/^ECONNREFUSED$/i, '连接被拒绝'],
  [/^ECONNRESET$/i, '连接被重置'],
  [/^(EHOSTUNREACH|ENETUNREACH|EPIPE|UND_ERR_SOCKET)$/i, '无法连接'],
  [/CERT|TLS|SSL|DEPTH_ZERO|SELF_SIGNED/i, '证书错误'],
];

/** A network error code in Chinese ('ECONNREFUSED' → '连接被拒绝'), or undefined for a code not known. */
export function glossErrorCode(code: string): string | undefined {
  return CODE_GLOSSES.find(([pattern]) => pattern.test(code))?.[1];
}

/** What went wrong with a broken target, in Chinese: '404 页面不存在', '连接被拒绝（ECONNREFUSED）', '软 404（…）'. */
export function describeBroken(status: LinkStatus): string {
  if (status.softNotFound !== undefined) {
    return `软 404（返回 ${status.status}，但页面显示不存在：${status.softNotFound.evidence}）`;
  }
  if (typeof status.status === 'number') {
    const known = HTTP_FAILURES[status.status];
    if (known !== undefined) return known;
    return status.status >= 500 ? `服务器错误 ${status.status}` : `HTTP ${status.status} 错误`;
  }
  const code = status.status;
  return `${glossErrorCode(code) ?? '无法访问'}（${code}）`;
}

/** Why a target could not be judged, in Chinese. */
export function describeUnverified(status: LinkStatus | undefined): string {
  if (status === undefined) return '该目标没有检测结果';
  if (status.refused !== undefined) return describeRefusal(status.refused);
  if (status.challenge !== undefined) {
    return `目标网站的防护系统拦截了检测请求（${status.challenge.vendor}，HTTP ${status.challenge.status}）`;
  }
  if (status.busy !== undefined) {
    return `目标服务器持续繁忙（${status.status}），重试 ${status.busy.retries} 次后仍未恢复`;
  }
  if (status.incomplete !== undefined) {
    const began = `目标已开始回应（HTTP ${status.incomplete.httpStatus}）`;
    return status.status === 'TOO_LARGE'
      ? `${began}，但内容解压后超过抓取上限，未能读完`
      : `${began}，但内容在请求时限内未能传完（${status.status}）`;
  }
  return `检测结果不确定（${status.status}）`;
}

/** Why a request was not made, in Chinese. */
export function describeRefusal(refused: AddressRefusal): string {
  const where =
    refused.host === refused.address
      ? `地址 ${refused.address}`
      : `${refused.host}（解析为 ${refused.address}）`;
  return (
    `出于安全考虑未访问 ${refused.url}：${where}是${ADDRESS_CLASS_NAMES[refused.addressClass]}地址，` +
    '既不是本站首页所在的地址，也不在 CRAWL_ALLOW_NETWORKS 允许的网段内'
  );
}

/**
 * The evidence of a soft 404: what gave it away and, when the host's own answer for a made-up missing
 * URL decided it, that answer (the fingerprint) and how close the page came to it.
 */
export function softNotFoundEvidence(found: SoftNotFound): Record<string, unknown> {
  const { fingerprint, likeness } = found;
  return {
    softNotFound: found.evidence,
    ...(fingerprint === undefined
      ? {}
      : {
          notFoundFingerprint: {
            url: fingerprint.url,
            status: fingerprint.status,
            ...(fingerprint.redirects.length === 0 ? {} : { finalUrl: fingerprint.finalUrl }),
            pageTitle: fingerprint.title,
            textLength: fingerprint.length,
            textStart: fingerprint.textStart,
          },
        }),
    ...(likeness === undefined
      ? {}
      : {
          likeness: {
            titleSimilarity: likeness.title,
            textSimilarity: likeness.text,
            differingShingles: likeness.differing,
            textLengths: likeness.lengths,
          },
        }),
  };
}
