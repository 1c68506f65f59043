import { isIP } from 'node:net';

/**
 * One `--resolve host:port:address` entry, as curl has it: connections to `host` on `port` (or any
 * port, `'*'`) go to `address`, while the URL, the Host header, SNI and the certificate name stay `host`.
 */
export interface ResolveEntry {
  /** Lower-case ASCII (punycode) host name, as `URL.hostname` gives it. */
  host: string;
  port: number | '*';
  /** An IPv4 or IPv6 address, without brackets. */
  address: string;
}

/** The entries of one sweep or one service; plain data, so that it travels in job data and settings. */
export type ResolveTable = readonly ResolveEntry[];

/** A malformed entry; the message (in Chinese) says what is wrong and what a good entry looks like. */
export class ResolveEntryError extends Error {
  override readonly name = 'ResolveEntryError';
}

const EXAMPLE = '格式为 主机名:端口:IP地址，如 www.sc.gov.cn:443:10.1.2.3 或 www.sc.gov.cn:*:[fd00::1]';

/** Parses `host:port:address` (`port` may be `*`; an IPv6 address may be in brackets). */
export function parseResolveEntry(text: string): ResolveEntry {
  const bad = (why: string) => new ResolveEntryError(`“${text}”${why}，${EXAMPLE}`);
  const trimmed = text.trim();
  const first = trimmed.indexOf(':');
  const second = trimmed.indexOf(':', first + 1);
  if (first < 0 || second < 0) throw bad('缺少端口或地址');
  const host = hostName(trimmed.slice(0, first));
  if (!host) throw bad('中的主机名无效');
  const portText = trimmed.slice(first + 1, second);
  const port = portText === '*' ? '*' : Number(portText);
  if (port !== '*' && !(/^\d{1,5}$/.test(portText) && port >= 1 && port <= 65_535)) {
    throw bad('中的端口无效（应为 1–65535 或 *）');
  }
  const addressText = trimmed.slice(second + 1);
  const address = addressText.replace(/^\[(.*)\]$/, '$1');
  if (isIP(address) === 0) throw bad('中的地址不是 IP 地址（IPv6 地址写在方括号中）');
  return { host, port, address };
}

/** Parses every entry; two entries for one host and port that disagree are refused. */
export function parseResolveEntries(texts: readonly string[]): ResolveEntry[] {
  const entries: ResolveEntry[] = [];
  for (const text of texts) {
    const entry = parseResolveEntry(text);
    const same = entries.find((e) => e.host === entry.host && e.port === entry.port);
    if (same && same.address !== entry.address) {
      throw new ResolveEntryError(
        `“${text}”与前面的条目矛盾：${entry.host}:${entry.port} 已指向 ${same.address}，同一主机和端口只能指向一个地址`,
      );
    }
    if (!same) entries.push(entry);
  }
  return entries;
}

/** A comma-separated list (the environment variable's form); empty or unset is an empty table. */
export function parseResolveList(value: string | undefined): ResolveEntry[] {
  const texts = (value ?? '')
    .split(',')
    .map((text) => text.trim())
    .filter((text) => text !== '');
  return parseResolveEntries(texts);
}

/** The address `host:port` is pointed at: an entry for that port first, then one for any port. */
export function addressFor(table: ResolveTable, host: string, port: number): string | undefined {
  // A trailing dot names the same host (the root of DNS): `www.sc.gov.cn.` is `www.sc.gov.cn`.
  const name = host
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  const exact = table.find((e) => e.host === name && e.port === port);
  return (exact ?? table.find((e) => e.host === name && e.port === '*'))?.address;
}

/** The address a URL's host and port are pointed at, if the table names them. */
export function addressForUrl(table: ResolveTable, url: string | URL): string | undefined {
  if (table.length === 0) return undefined;
  const { hostname, port, protocol } = typeof url === 'string' ? new URL(url) : url;
  return addressFor(table, hostname, urlPort(port, protocol));
}

export function urlPort(port: string, protocol: string): number {
  if (port !== '') return Number(port);
  return protocol === 'https:' ? 443 : 80;
}

/** The host name as `URL.hostname` writes it (lower case, punycode), or undefined when it is none. */
function hostName(text: string): string | undefined {
  if (!/^[^\s/?#@:[\]\\]+$/u.test(text)) return undefined;
  try {
    const { hostname } = new URL(`http://${text}/`);
    return hostname !== '' && isIP(hostname) === 0 && !hostname.includes('*') ? hostname : undefined;
  } catch {
    return undefined;
  }
}
