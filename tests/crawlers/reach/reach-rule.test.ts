import { describe, expect, it } from 'vitest';
import { AllowNetworksError, parseAllowNetworks } from '../../../crawlers/reach/allow-networks.ts';
import { covers, PUBLIC_ONLY, type ReachRule, reachGuard } from '../../../crawlers/reach/reach-rule.ts';
import { AddressRefusedError, reachableAddress } from '../../../crawlers/reach/reachable-address.ts';
import { siteReach } from '../../../crawlers/reach/site-reach.ts';
import { parseResolveEntries } from '../../../crawlers/resolve/resolve-table.ts';

const SITE: ReachRule = {
  siteAddresses: ['127.0.0.1', '10.1.2.3'],
  allowNetworks: ['192.168.0.0/16', 'fd00::/8'],
};

describe('reachGuard', () => {
  it.each([
    ['8.8.8.8', undefined],
    ['2400:3200::1', undefined],
    ['127.0.0.1', undefined],
    ['::ffff:127.0.0.1', undefined], // the same host as 127.0.0.1
    ['10.1.2.3', undefined],
    ['192.168.40.1', undefined],
    ['fd12::1', undefined],
    ['127.0.0.3', 'loopback'],
    ['::1', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['10.1.2.4', 'private'],
    ['172.16.0.1', 'private'],
    ['100.64.0.1', 'cgnat'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['224.0.0.1', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['::ffff:127.0.0.3', 'loopback'],
    ['64:ff9b::7f00:1', 'loopback'], // NAT64 of the site's own address is still another host
    ['2002:7f00:3::1', 'loopback'],
    ['2002:a01:203::1', 'private'],
  ])('%s → %s', (address, refused) => {
    expect(reachGuard(SITE).refusal(address)?.addressClass).toBe(refused);
  });

  it('refuses every non-public address under the public-only rule', () => {
    expect(reachGuard(PUBLIC_ONLY).refusal('127.0.0.1')?.addressClass).toBe('loopback');
    expect(reachGuard(PUBLIC_ONLY).refusal('1.1.1.1')).toBeUndefined();
  });

  it('covers a rule with the same or fewer grants', () => {
    expect(covers(SITE, PUBLIC_ONLY)).toBe(true);
    expect(covers(SITE, { siteAddresses: ['10.1.2.3'], allowNetworks: ['fd00::/8'] })).toBe(true);
    expect(covers(PUBLIC_ONLY, SITE)).toBe(false);
    expect(covers(SITE, { siteAddresses: ['10.9.9.9'], allowNetworks: [] })).toBe(false);
  });
});

describe('parseAllowNetworks (CRAWL_ALLOW_NETWORKS)', () => {
  it('reads comma-separated CIDRs and single addresses', () => {
    expect(parseAllowNetworks(' 10.0.0.0/8, fd00::/8,192.168.1.7 ,')).toEqual([
      '10.0.0.0/8',
      'fd00::/8',
      '192.168.1.7/32',
    ]);
    expect(parseAllowNetworks(undefined)).toEqual([]);
    expect(parseAllowNetworks('')).toEqual([]);
  });

  it.each([
    '10.0.0.0/33',
    'fd00::/129',
    '10.1/8',
    '0x0a.0.0.0/8',
    'intranet',
    '10.0.0.0/',
    '10.0.0.0/8x',
    '::/-1',
  ])('refuses %s with a message in Chinese', (value) => {
    expect(() => parseAllowNetworks(value)).toThrow(AllowNetworksError);
    expect(() => parseAllowNetworks(value)).toThrow(/网段/);
  });
});

describe('WHATWG URL parsing, which every gatherer relies on for IPv4 spellings', () => {
  it.each([
    ['http://2130706435/', '127.0.0.3'],
    ['http://0x7f000003/', '127.0.0.3'],
    ['http://0177.0.0.3/', '127.0.0.3'],
    ['http://127.3/', '127.0.0.3'],
    ['http://0x7f.0.0.3/', '127.0.0.3'],
    ['http://www.site.gov.cn@127.0.0.3/', '127.0.0.3'],
    ['http://[::ffff:127.0.0.3]/', '[::ffff:7f00:3]'],
    ['http://[0:0:0:0:0:0:0:1]/', '[::1]'],
  ])('%s has host %s', (href, host) => {
    expect(new URL(href).hostname).toBe(host);
  });
});

describe('reachableAddress', () => {
  const table = parseResolveEntries(['canary.site.gov.cn:*:127.0.0.3', 'www.site.gov.cn:*:127.0.0.1']);
  const ctx = (rule: ReachRule) => ({
    guard: reachGuard(rule),
    resolve: table,
    timeoutMs: 1_000,
    lookup: async (host: string) => {
      if (host === 'rebind.example')
        return [
          { address: '93.184.216.34', family: 4 },
          { address: '127.0.0.1', family: 4 },
        ];
      if (host === 'slow.example') return new Promise<never>(() => {});
      throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    },
  });

  it('takes an IP host as it is, a name from the table, else from DNS', async () => {
    const rule = { siteAddresses: ['127.0.0.1'], allowNetworks: [] };
    await expect(reachableAddress('[::ffff:127.0.0.1]', 80, ctx(rule))).resolves.toEqual({
      address: '::ffff:127.0.0.1',
      family: 6,
    });
    await expect(reachableAddress('www.site.gov.cn.', 80, ctx(rule))).resolves.toEqual({
      address: '127.0.0.1',
      family: 4,
    });
    await expect(reachableAddress('rebind.example', 80, ctx(rule))).resolves.toMatchObject({
      address: '93.184.216.34',
    });
  });

  it('refuses a host when any of its addresses is refused', async () => {
    const error = await reachableAddress('rebind.example', 80, ctx(PUBLIC_ONLY)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AddressRefusedError);
    expect((error as AddressRefusedError).refusal).toEqual({
      host: 'rebind.example',
      address: '127.0.0.1',
      addressClass: 'loopback',
    });
    await expect(reachableAddress('canary.site.gov.cn', 80, ctx(PUBLIC_ONLY))).rejects.toMatchObject({
      code: 'ADDRESS_REFUSED',
    });
  });

  it('passes DNS failures on, and bounds a lookup that hangs', async () => {
    await expect(reachableAddress('missing.example', 80, ctx(PUBLIC_ONLY))).rejects.toMatchObject({
      code: 'ENOTFOUND',
    });
    await expect(reachableAddress('slow.example', 80, ctx(PUBLIC_ONLY))).rejects.toMatchObject({
      code: 'CONNECT_TIMEOUT',
    });
  });
});

describe('siteReach', () => {
  const resolve = parseResolveEntries(['www.site.gov.cn:8080:127.0.0.1']);

  it("grants the homepage host's non-public addresses and the operator's networks", async () => {
    await expect(
      siteReach('http://www.site.gov.cn:8080/', { resolve, allowNetworks: ['10.0.0.0/8'] }),
    ).resolves.toEqual({
      siteAddresses: ['127.0.0.1'],
      allowNetworks: ['10.0.0.0/8'],
    });
    await expect(siteReach('http://[::1]:8080/')).resolves.toEqual({
      siteAddresses: ['::1'],
      allowNetworks: [],
    });
    const lookup = async () => [
      { address: '10.20.0.5', family: 4 },
      { address: '61.139.1.1', family: 4 },
    ];
    await expect(siteReach('https://www.sc.gov.cn/', { lookup })).resolves.toEqual({
      siteAddresses: ['10.20.0.5'],
      allowNetworks: [],
    });
  });

  it('grants nothing for a homepage that does not resolve', async () => {
    const lookup = async () => {
      throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    };
    await expect(siteReach('https://gone.gov.cn/', { lookup })).resolves.toEqual(PUBLIC_ONLY);
  });
});

describe('CRAWL_ALLOW_NETWORKS in the service configuration', () => {
  it('is read, and a bad value stops serve and worker at start with a message naming the variable', async () => {
    const { ConfigError, loadConfig } = await import('../../../src/service/config.ts');
    expect(loadConfig({ CRAWL_ALLOW_NETWORKS: '10.20.0.0/16' }).allowNetworks).toEqual(['10.20.0.0/16']);
    expect(() => loadConfig({ CRAWL_ALLOW_NETWORKS: '10.20.0.0/40' })).toThrow(ConfigError);
    expect(() => loadConfig({ CRAWL_ALLOW_NETWORKS: '10.20.0.0/40' })).toThrow(
      /^环境变量 CRAWL_ALLOW_NETWORKS 有误：“10.20.0.0\/40”的前缀长度应在 0 到 32 之间/,
    );
  });
});
