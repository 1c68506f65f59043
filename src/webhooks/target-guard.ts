import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { ADDRESS_CLASS_NAMES, type AddressClass, classifyAddress } from '../net/address-class.ts';

/** Where a webhook may be sent, checked; the connection goes to `address`, never to a new lookup. */
export interface CheckedTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to all its addresses (`dns.promises.lookup` with `all: true` by default). */
export type HostLookup = (host: string) => Promise<{ address: string; family: number }[]>;

export interface TargetPolicy {
  /** Allow private, loopback, link-local… addresses (WEBHOOK_ALLOW_PRIVATE_TARGETS=1; tests). */
  allowPrivateTargets: boolean;
  /** Default: the system resolver. */
  lookup?: HostLookup;
  /** How long the lookup may take before it counts as not resolved. Default 5 s. */
  lookupTimeoutMs?: number;
}

export const LOOKUP_TIMEOUT_MS = 5_000;

const systemLookup: HostLookup = (host) => lookup(host, { all: true, verbatim: true });

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

/**
 * The host could not be resolved now (NXDOMAIN, SERVFAIL, a resolver timeout…): DNS failures are
 * often temporary, so a delivery retries it; only an address that is not allowed is final.
 */
export class TargetUnresolvedError extends Error {
  override readonly name = 'TargetUnresolvedError';
}

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
 * Throws TargetRefusedError for a URL or address that is not allowed, TargetUnresolvedError when the
 * host does not resolve (in time).
 */
export async function checkTarget(raw: string, policy: TargetPolicy): Promise<CheckedTarget> {
  const url = parseTargetUrl(raw);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else addresses = await resolve(host, policy);
  const first = addresses[0];
  if (!first) throw new TargetUnresolvedError(`网址的主机名 ${host} 没有地址`);
  if (!policy.allowPrivateTargets) {
    for (const { address } of addresses) {
      const kind = classifyAddress(address);
      if (kind !== 'public')
        throw new TargetRefusedError(
          `网址的主机 ${host} 解析到${ADDRESS_CLASS_NAMES[kind]}地址 ${address}，不允许向其推送`,
          kind,
        );
    }
  }
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}

/**
 * The lookup, bounded in time. `dns.lookup` runs getaddrinfo on libuv's threadpool and cannot be
 * cancelled, so a hung resolver keeps a thread; the attempt, at least, goes on (and is retried).
 */
async function resolve(host: string, policy: TargetPolicy): Promise<{ address: string; family: number }[]> {
  const timeoutMs = policy.lookupTimeoutMs ?? LOOKUP_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'ETIMEOUT' })), timeoutMs);
  });
  try {
    return await Promise.race([(policy.lookup ?? systemLookup)(host), timeout]);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new TargetUnresolvedError(`无法解析网址的主机名 ${host}（${code}）`);
  } finally {
    clearTimeout(timer);
  }
}
