import type ipaddr from 'ipaddr.js';
import { type AddressClass, classifyAddress, parseAddress } from '../../src/net/address-class.ts';
import { parseNetwork } from './allow-networks.ts';

/**
 * Where one site's inspection may send requests besides the public internet. Plain data, so that it
 * travels in settings and job data. Private, loopback, link-local, CGNAT, multicast and reserved
 * addresses are refused unless they are listed here.
 */
export interface ReachRule {
  /** The non-public addresses the site's own homepage host resolves to: a site on an intranet, a test's fixture. */
  siteAddresses: readonly string[];
  /** The operator's `CRAWL_ALLOW_NETWORKS`, as CIDRs (`10.0.0.0/8`, `fd00::/8`). */
  allowNetworks: readonly string[];
}

/** Nothing beyond the public internet. */
export const PUBLIC_ONLY: ReachRule = Object.freeze({ siteAddresses: [], allowNetworks: [] });

/** Why an address may not be requested. */
export interface Refusal {
  address: string;
  addressClass: AddressClass;
}

/** A rule, parsed once: judges the addresses a name resolves to. */
export interface ReachGuard {
  readonly rule: ReachRule;
  /** Undefined when the address may be requested. */
  refusal(address: string): Refusal | undefined;
}

export function reachGuard(rule: ReachRule): ReachGuard {
  const site = new Set(rule.siteAddresses.flatMap((address) => normalized(address) ?? []));
  const networks = rule.allowNetworks.map(parseNetwork);
  return {
    rule,
    refusal(address) {
      const addressClass = classifyAddress(address);
      if (addressClass === 'public') return undefined;
      const ip = parseAddress(address);
      if (ip && site.has(ip.toNormalizedString())) return undefined;
      if (ip && networks.some((network) => within(ip, network))) return undefined;
      return { address, addressClass };
    },
  };
}

/**
 * Whether whatever `narrower` lets through, `wider` lets through too (a sound approximation: the same
 * addresses and networks, written alike). The sweep's link cache reuses a status only under a rule that
 * covers the one it was established under.
 */
export function covers(wider: ReachRule, narrower: ReachRule): boolean {
  const has = (list: readonly string[], item: string) => list.includes(item);
  return (
    narrower.siteAddresses.every((address) => has(wider.siteAddresses, address)) &&
    narrower.allowNetworks.every((network) => has(wider.allowNetworks, network))
  );
}

function within(ip: ipaddr.IPv4 | ipaddr.IPv6, network: [ipaddr.IPv4 | ipaddr.IPv6, number]): boolean {
  return ip.kind() === network[0].kind() && ip.match(network);
}

function normalized(address: string): string | undefined {
  return parseAddress(address)?.toNormalizedString();
}
