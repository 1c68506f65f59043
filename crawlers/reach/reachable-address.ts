import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { AddressRefusal } from '../artifacts.ts';
import { addressFor, type ResolveTable } from '../resolve/resolve-table.ts';
import type { ReachGuard } from './reach-rule.ts';

/** Resolves a host name to all its addresses (`dns.promises.lookup` with `all: true` by default). */
export type HostLookup = (host: string) => Promise<{ address: string; family: number }[]>;

export interface ReachContext {
  guard: ReachGuard;
  /** `--resolve` entries, consulted before DNS. */
  resolve: ResolveTable;
  /** How long DNS may take; past it, `CONNECT_TIMEOUT`, as when the connection itself is slow. */
  timeoutMs: number;
  /** Default: the system resolver. */
  lookup?: HostLookup;
}

/** The host resolves to an address the rule refuses; nothing was sent to it. */
export class AddressRefusedError extends Error {
  override readonly name = 'AddressRefusedError';
  readonly code = 'ADDRESS_REFUSED';

  /** `url` when the client that refused knows the URL (the crawl's client adds it: undici's connector does not know it). */
  constructor(readonly refusal: Omit<AddressRefusal, 'url'> & { url?: string }) {
    super(`Refused to connect to ${refusal.host}: ${refusal.address} is ${refusal.addressClass}`);
  }
}

export interface CheckedAddress {
  address: string;
  family: 4 | 6;
}

const systemLookup: HostLookup = (host) => dnsLookup(host, { all: true, verbatim: true });

/**
 * Where a connection to `host` on `port` may go: an IP host as it is, else the `--resolve` entry, else
 * every address DNS gives. When any of them is refused, the whole host is (AddressRefusedError); else
 * the first address, to which the caller connects, never to a new lookup (DNS could answer otherwise
 * the second time). Every client of the crawler (undici, the browser's proxy, TLS) comes here.
 */
export async function reachableAddress(
  host: string,
  port: number,
  ctx: ReachContext,
): Promise<CheckedAddress> {
  const bare = host.replace(/^\[|\]$/g, '');
  const addresses = isIP(bare)
    ? [{ address: bare, family: isIP(bare) }]
    : (tableAnswer(ctx.resolve, bare, port) ?? (await resolveBounded(bare, ctx)));
  const first = addresses[0];
  if (!first) throw Object.assign(new Error(`${bare} has no address`), { code: 'ENOTFOUND' });
  for (const { address } of addresses) {
    const refusal = ctx.guard.refusal(address);
    if (refusal) throw new AddressRefusedError({ host: bare, ...refusal });
  }
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

/** The refusal behind an error for a request to `url`, however a client wrapped it (as a cause). */
export function refusalOf(error: unknown, url: string): AddressRefusal | undefined {
  for (let cause = error, depth = 0; cause && depth < 5; depth++) {
    if (cause instanceof AddressRefusedError) return { ...cause.refusal, url: cause.refusal.url ?? url };
    cause = (cause as { cause?: unknown }).cause;
  }
  return undefined;
}

function tableAnswer(table: ResolveTable, host: string, port: number) {
  const address = table.length > 0 ? addressFor(table, host, port) : undefined;
  return address === undefined ? undefined : [{ address, family: isIP(address) }];
}

/** `dns.lookup` cannot be cancelled (getaddrinfo on libuv's pool): the wait for it, at least, is bounded. */
async function resolveBounded(
  host: string,
  ctx: ReachContext,
): Promise<{ address: string; family: number }[]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error(`DNS lookup of ${host} timed out`), { code: 'CONNECT_TIMEOUT' })),
      ctx.timeoutMs,
    );
  });
  try {
    return await Promise.race([(ctx.lookup ?? systemLookup)(host), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
