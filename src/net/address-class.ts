import { isIPv4, isIPv6 } from 'node:net';

/** What kind of address an IP is. Only `public` is the internet: webhooks go nowhere else by default. */
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

type V4Range = readonly [prefix: number, bits: number, kind: AddressClass];

const ip4 = (a: number, b = 0, c = 0, d = 0) => ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;

/** IPv4 ranges that are not the public internet (RFC 6890 and friends); first match wins. */
const V4_RANGES: readonly V4Range[] = [
  [ip4(0), 8, 'unspecified'], // "this network", 0.0.0.0 connects to the local host
  [ip4(10), 8, 'private'],
  [ip4(100, 64), 10, 'cgnat'],
  [ip4(127), 8, 'loopback'],
  [ip4(169, 254), 16, 'link-local'], // includes the cloud metadata address 169.254.169.254
  [ip4(172, 16), 12, 'private'],
  [ip4(192, 0, 0), 24, 'reserved'],
  [ip4(192, 0, 2), 24, 'reserved'],
  [ip4(192, 88, 99), 24, 'reserved'],
  [ip4(192, 168), 16, 'private'],
  [ip4(198, 18), 15, 'reserved'],
  [ip4(198, 51, 100), 24, 'reserved'],
  [ip4(203, 0, 113), 24, 'reserved'],
  [ip4(224), 4, 'multicast'],
  [ip4(240), 4, 'reserved'], // and 255.255.255.255
];

/** Classifies an IPv4 or IPv6 address (IPv4-mapped, SIIT, NAT64 and 6to4 IPv6 addresses by the IPv4 inside). */
export function classifyAddress(address: string): AddressClass {
  if (isIPv4(address)) return classifyV4(parseV4(address));
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIPv6(bare)) return classifyV6(parseV6(bare));
  return 'invalid';
}

function classifyV4(value: number): AddressClass {
  for (const [prefix, bits, kind] of V4_RANGES) {
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    if ((value & mask) >>> 0 === prefix) return kind;
  }
  return 'public';
}

function classifyV6(groups: readonly number[]): AddressClass {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const lowV4 = ((g6 << 16) | g7) >>> 0;
  const upperZero = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (upperZero && g5 === 0xffff) return classifyV4(lowV4); // IPv4-mapped ::ffff:a.b.c.d
  if (upperZero && g5 === 0) {
    if (g6 === 0 && g7 === 0) return 'unspecified';
    if (g6 === 0 && g7 === 1) return 'loopback';
    return 'reserved'; // deprecated IPv4-compatible ::a.b.c.d
  }
  // SIIT IPv4-translated ::ffff:0:a.b.c.d (RFC 2765)
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0xffff && g5 === 0) return classifyV4(lowV4);
  // NAT64 (the translator connects to the embedded IPv4 address, so that is what counts): the
  // well-known 64:ff9b::/96, and the local-use 64:ff9b:1::/48 whose operator picks the prefix length.
  if (g0 === 0x64 && g1 === 0xff9b) {
    if (g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return classifyV4(lowV4);
    if (g2 === 1) return classifyLocalNat64(groups);
    return 'reserved';
  }
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local';
  if ((g0 & 0xffc0) === 0xfec0) return 'private'; // deprecated site-local
  if ((g0 & 0xfe00) === 0xfc00) return 'unique-local';
  if ((g0 & 0xff00) === 0xff00) return 'multicast';
  // Only global unicast 2000::/3 may be public; everything else is unassigned or special.
  if ((g0 & 0xe000) !== 0x2000) return 'reserved';
  if (g0 === 0x2002) return classifyV4(((g1 << 16) | g2) >>> 0); // 6to4 2002:a.b.c.d::/48
  if (g0 === 0x2001 && g1 === 0x0db8) return 'reserved'; // documentation
  if (g0 === 0x3fff && g1 < 0x1000) return 'reserved'; // documentation 3fff::/20 (RFC 9637)
  if (g0 === 0x2001 && g1 < 0x0200) return 'reserved'; // IETF protocol assignments, Teredo 2001::/32
  if (g0 === 0x2001 && (g1 & 0xfff0) === 0x0010) return 'reserved'; // ORCHID 2001:10::/28
  if (g0 === 0x2001 && (g1 & 0xfff0) === 0x0020) return 'reserved'; // ORCHIDv2 2001:20::/28
  return 'public';
}

/** Public only when the IPv4 address is public under every RFC 6052 prefix length /48 to /96 could embed. */
function classifyLocalNat64(groups: readonly number[]): AddressClass {
  const bytes = groups.flatMap((group) => [group >> 8, group & 0xff]);
  for (const prefixBytes of [12, 6, 7, 8]) {
    // Byte 8 (bits 64–71) is the reserved "u" octet, never part of the embedded address.
    const positions = [0, 1, 2, 3, 4]
      .map((i) => prefixBytes + i)
      .filter((i) => i !== 8 || prefixBytes === 12);
    const [a = 0, b = 0, c = 0, d = 0] = positions.slice(0, 4).map((i) => bytes[i] ?? 0);
    const kind = classifyV4(ip4(a, b, c, d));
    if (kind !== 'public') return kind;
  }
  return 'public';
}

function parseV4(address: string): number {
  const [a = 0, b = 0, c = 0, d = 0] = address.split('.').map(Number);
  return ip4(a, b, c, d);
}

/** Eight 16-bit groups of a valid IPv6 address (`::` expanded, a trailing dotted quad converted). */
function parseV6(address: string): number[] {
  let text = address.toLowerCase();
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (quad) {
    const v4 = parseV4(quad[1]!);
    text = `${text.slice(0, quad.index)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parts = (part: string) =>
    part === '' ? [] : part.split(':').map((group) => Number.parseInt(group, 16));
  const left = parts(head);
  const right = tail === undefined ? [] : parts(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}
