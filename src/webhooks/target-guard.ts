import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { type AddressClass, classifyAddress } from './address-class.ts';

/** Where a webhook may be sent, checked; the connection goes to `address`, never to a new lookup. */
export interface CheckedTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

export interface TargetPolicy {
  /** Allow private, loopback, link-local… addresses (WEBHOOK_ALLOW_PRIVATE_TARGETS=1; tests). */
  allowPrivateTargets: boolean;
}

/** A subscription URL that may not be used; the message is Chinese, for the API's 400. */
export class TargetRefusedError extends Error {
  override readonly name = 'TargetRefusedError';
  constructor(
    message: string,
    readonly addressClass?: AddressClass,
  ) {
    super(message);
  }
}

const CLASS_NAMES: Record<AddressClass, string> = {
  public: '公网',
  unspecified: '未指定',
  loopback: '本机回环',
  private: '内网',
  'link-local': '链路本地',
  'unique-local': '唯一本地',
  cgnat: '运营商级 NAT',
  multicast: '组播',
  reserved: '保留',
  invalid: '无效',
};

/** Parses a subscription URL: http or https, with a host and no credentials. */
export function parseTargetUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TargetRefusedError(`不是有效的网址：${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new TargetRefusedError('网址必须以 http:// 或 https:// 开头');
  if (url.username || url.password) throw new TargetRefusedError('网址中不能包含用户名或密码');
  return url;
}

/**
 * Resolves the URL's host (every address) and refuses it when any address is not public, unless the
 * policy allows private targets. Run when subscribing and again before every attempt: DNS can change.
 */
export async function checkTarget(raw: string, policy: TargetPolicy): Promise<CheckedTarget> {
  const url = parseTargetUrl(raw);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new TargetRefusedError(`无法解析网址的主机名 ${host}（${code}）`);
    }
  }
  const first = addresses[0];
  if (!first) throw new TargetRefusedError(`网址的主机名 ${host} 没有地址`);
  if (!policy.allowPrivateTargets) {
    for (const { address } of addresses) {
      const kind = classifyAddress(address);
      if (kind !== 'public')
        throw new TargetRefusedError(
          `网址的主机 ${host} 解析到${CLASS_NAMES[kind]}地址 ${address}，不允许向其推送`,
          kind,
        );
    }
  }
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}
