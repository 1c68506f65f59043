import { isIP } from 'node:net';
import type ipaddr from 'ipaddr.js';
import { parseAddress } from '../../src/net/address-class.ts';

/** A `CRAWL_ALLOW_NETWORKS` entry that is not a network; the message (Chinese) says what one looks like. */
export class AllowNetworksError extends Error {
  override readonly name = 'AllowNetworksError';
}

const EXAMPLE = '应写成 CIDR 网段，如 10.0.0.0/8 或 fd00::/8（单个地址也可），多个网段用英文逗号分隔';

/**
 * The comma-separated networks an operator allows the crawler into (`CRAWL_ALLOW_NETWORKS`), each as
 * `address/bits` in canonical form; a bare address is a network of one. Empty or unset: none.
 */
export function parseAllowNetworks(value: string | undefined): string[] {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  return entries.map((entry) => {
    const [ip, bits] = parseNetwork(entry);
    return `${ip.toString()}/${bits}`;
  });
}

/** One network; throws AllowNetworksError for anything else. */
export function parseNetwork(text: string): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  const slash = text.indexOf('/');
  const addressText = slash < 0 ? text : text.slice(0, slash);
  const bitsText = slash < 0 ? undefined : text.slice(slash + 1);
  // Node's strict test first: ipaddr.js would also take `10.1` or `0x0a.0.0.1` as addresses.
  const ip = isIP(addressText.replace(/^\[|\]$/g, '')) ? parseAddress(addressText) : undefined;
  if (!ip) throw new AllowNetworksError(`“${text}”不是有效的网段：${EXAMPLE}`);
  const max = ip.kind() === 'ipv4' ? 32 : 128;
  const bits = bitsText === undefined ? max : Number(bitsText);
  if (bitsText !== undefined && !/^\d{1,3}$/.test(bitsText)) {
    throw new AllowNetworksError(`“${text}”的前缀长度无效：${EXAMPLE}`);
  }
  if (!Number.isInteger(bits) || bits < 0 || bits > max) {
    throw new AllowNetworksError(`“${text}”的前缀长度应在 0 到 ${max} 之间：${EXAMPLE}`);
  }
  return [ip, bits];
}
