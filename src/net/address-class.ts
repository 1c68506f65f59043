import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * What kind of address an IP is. Only `public` is the internet: webhooks go nowhere else, and the
 * crawler only to the site's own address or a network the operator allows (`crawlers/reach/`).
 */
export type AddressClass =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'unique-local'
  | 'cgnat'
  | 'multicast'
  | 'reserved'
  | 'invalid';

/** Each class in Chinese, for the messages that refuse an address. */
export const ADDRESS_CLASS_NAMES: Record<AddressClass, string> = {
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

type Ranges = readonly (readonly [cidr: string, kind: AddressClass])[];

/** IPv4 ranges that are not the public internet (RFC 6890 and friends). */
const V4_RANGES: Ranges = [
  ['0.0.0.0/8', 'unspecified'], // "this network": 0.0.0.0 connects to the local host
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'cgnat'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'], // includes the cloud metadata address 169.254.169.254
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'reserved'],
  ['192.0.2.0/24', 'reserved'],
  ['192.88.99.0/24', 'reserved'],
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'reserved'],
  ['198.51.100.0/24', 'reserved'],
  ['203.0.113.0/24', 'reserved'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved'], // and 255.255.255.255
];

/** IPv6 ranges judged by themselves (those that embed an IPv4 address are judged by it, below). */
const V6_RANGES: Ranges = [
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['::/96', 'reserved'], // deprecated IPv4-compatible ::a.b.c.d
  ['fe80::/10', 'link-local'],
  ['fec0::/10', 'private'], // deprecated site-local
  ['fc00::/7', 'unique-local'],
  ['ff00::/8', 'multicast'],
  ['2001:db8::/32', 'reserved'], // documentation
  ['3fff::/20', 'reserved'], // documentation (RFC 9637)
  ['2001::/23', 'reserved'], // IETF protocol assignments, Teredo 2001::/32
  ['2001:10::/28', 'reserved'], // ORCHID
  ['2001:20::/28', 'reserved'], // ORCHIDv2
  ['64:ff9b::/32', 'reserved'], // NAT64 prefixes other than the two below
];

const parsed = (ranges: Ranges) => ranges.map(([cidr, kind]) => [ipaddr.parseCIDR(cidr), kind] as const);
const V4 = parsed(V4_RANGES);
const V6 = parsed(V6_RANGES);

/** Prefixes whose addresses carry an IPv4 address in their last 32 bits: what they reach is that address. */
const LOW_V4_PREFIXES = ['::ffff:0:0/96', '::ffff:0:0:0/96', '64:ff9b::/96'].map((cidr) =>
  ipaddr.parseCIDR(cidr),
);
const SIX_TO_FOUR = ipaddr.parseCIDR('2002::/16');
const LOCAL_NAT64 = ipaddr.parseCIDR('64:ff9b:1::/48');
const GLOBAL_UNICAST = ipaddr.parseCIDR('2000::/3');

/**
 * Classifies an IPv4 or IPv6 address (brackets and a zone allowed). IPv4-mapped, SIIT, NAT64 and
 * 6to4 IPv6 addresses are judged by the IPv4 address inside. Only the canonical forms Node accepts
 * are addresses here: `0x7f.1` is a URL host, which the WHATWG URL parser turns into 127.0.0.1 first.
 */
export function classifyAddress(address: string): AddressClass {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return classifyV4(ipaddr.IPv4.parse(bare));
  if (family === 6) return classifyV6(parseV6(bare));
  return 'invalid';
}

/**
 * ipaddr.js reads a trailing dotted quad as IPv4-mapped whatever the groups before it (`::127.0.0.1`
 * becomes `::ffff:7f00:1`), so the address goes through the WHATWG URL serializer first, which writes
 * every IPv6 address in hex groups.
 */
function parseV6(address: string): ipaddr.IPv6 {
  return ipaddr.IPv6.parse(new URL(`http://[${address}]/`).hostname.slice(1, -1));
}

function classifyV4(ip: ipaddr.IPv4): AddressClass {
  return V4.find(([range]) => ip.match(range))?.[1] ?? 'public';
}

function classifyV6(ip: ipaddr.IPv6): AddressClass {
  const bytes = ip.toByteArray();
  if (LOW_V4_PREFIXES.some((range) => ip.match(range))) return classifyV4(v4At(bytes, 12));
  if (ip.match(SIX_TO_FOUR)) return classifyV4(v4At(bytes, 2)); // 2002:a.b.c.d::/48
  if (ip.match(LOCAL_NAT64)) return classifyLocalNat64(bytes);
  const special = V6.find(([range]) => ip.match(range))?.[1];
  if (special) return special;
  // Only global unicast 2000::/3 may be public; everything else is unassigned or special.
  return ip.match(GLOBAL_UNICAST) ? 'public' : 'reserved';
}

/**
 * The local-use NAT64 prefix 64:ff9b:1::/48, whose operator picks the prefix length: public only
 * when the IPv4 address is public under every RFC 6052 length (/48 to /96) that could embed it.
 */
function classifyLocalNat64(bytes: readonly number[]): AddressClass {
  for (const start of [12, 6, 7, 8]) {
    // Byte 8 (bits 64–71) is the reserved "u" octet, never part of the embedded address.
    const positions = [0, 1, 2, 3, 4].map((i) => start + i).filter((i) => i !== 8 || start === 12);
    const kind = classifyV4(new ipaddr.IPv4(positions.slice(0, 4).map((i) => bytes[i] ?? 0)));
    if (kind !== 'public') return kind;
  }
  return 'public';
}

function v4At(bytes: readonly number[], start: number): ipaddr.IPv4 {
  return new ipaddr.IPv4(bytes.slice(start, start + 4));
}

/**
 * The address as ipaddr.js holds it, an IPv4-mapped IPv6 address as the IPv4 address it is (the same
 * host); undefined when it is not an address in Node's strict sense.
 */
export function parseAddress(address: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return ipaddr.IPv4.parse(bare);
  if (family !== 6) return undefined;
  const ip = parseV6(bare);
  return ip.isIPv4MappedAddress() ? ip.toIPv4Address() : ip;
}
