import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { classifyAddress } from '../../src/net/address-class.ts';
import { addressFor, type ResolveTable, urlPort } from '../resolve/resolve-table.ts';
import type { ReachRule } from './reach-rule.ts';
import type { HostLookup } from './reachable-address.ts';

export interface SiteReachOptions {
  resolve?: ResolveTable;
  /** `CRAWL_ALLOW_NETWORKS`, parsed. */
  allowNetworks?: readonly string[];
  /** Default: the system resolver. */
  lookup?: HostLookup;
  /** How long the homepage's lookup may take (default 10 s); a host that does not resolve in time grants nothing. */
  timeoutMs?: number;
}

const LOOKUP_TIMEOUT_MS = 10_000;

/**
 * The rule of one site's inspection: the public internet, the non-public addresses its homepage host
 * resolves to now (a site on an intranet; the `--resolve` entry of a test's fixture site), and the
 * operator's networks. A homepage that does not resolve grants nothing: its inspection fails anyway.
 */
export async function siteReach(homepage: string, options: SiteReachOptions = {}): Promise<ReachRule> {
  const { hostname, port, protocol } = new URL(homepage);
  const host = hostname.replace(/^\[|\]$/g, '');
  const table = options.resolve ?? [];
  const pinned = isIP(host) ? host : addressFor(table, host, urlPort(port, protocol));
  const addresses = pinned !== undefined ? [pinned] : await lookupAll(host, options);
  return {
    siteAddresses: [...new Set(addresses.filter((address) => classifyAddress(address) !== 'public'))],
    allowNetworks: options.allowNetworks ?? [],
  };
}

async function lookupAll(host: string, options: SiteReachOptions): Promise<string[]> {
  const lookup = options.lookup ?? ((name: string) => dnsLookup(name, { all: true, verbatim: true }));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<[]>((resolve) => {
    timer = setTimeout(() => resolve([]), options.timeoutMs ?? LOOKUP_TIMEOUT_MS);
  });
  try {
    const answers = await Promise.race([lookup(host).catch(() => []), timeout]);
    return answers.map(({ address }) => address);
  } finally {
    clearTimeout(timer);
  }
}
