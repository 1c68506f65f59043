import { describe, expect, it } from 'vitest';
import {
  addressFor,
  addressForUrl,
  parseResolveEntries,
  parseResolveEntry,
  parseResolveList,
  ResolveEntryError,
} from '../../crawlers/resolve/resolve-table.ts';
import { ConfigError, loadConfig } from '../../src/service/config.ts';

describe('parseResolveEntry', () => {
  it.each([
    ['www.sc.gov.cn:80:127.0.0.1', { host: 'www.sc.gov.cn', port: 80, address: '127.0.0.1' }],
    ['WWW.SC.Gov.CN:443:10.1.2.3', { host: 'www.sc.gov.cn', port: 443, address: '10.1.2.3' }],
    ['www.sc.gov.cn:*:127.0.0.1', { host: 'www.sc.gov.cn', port: '*', address: '127.0.0.1' }],
    ['www.sc.gov.cn:8443:[::1]', { host: 'www.sc.gov.cn', port: 8443, address: '::1' }],
    ['www.sc.gov.cn:443:[fd00::1:2]', { host: 'www.sc.gov.cn', port: 443, address: 'fd00::1:2' }],
    ['www.sc.gov.cn:443:fd00::1', { host: 'www.sc.gov.cn', port: 443, address: 'fd00::1' }],
    [
      ' gs.chengdu.gov.cn:65535:192.168.0.9 ',
      { host: 'gs.chengdu.gov.cn', port: 65535, address: '192.168.0.9' },
    ],
    [
      '四川.政务:80:127.0.0.1',
      { host: new URL('http://四川.政务/').hostname, port: 80, address: '127.0.0.1' },
    ],
  ])('reads %s', (text, entry) => {
    expect(parseResolveEntry(text)).toEqual(entry);
  });

  it.each([
    ['www.sc.gov.cn', /缺少端口或地址/],
    ['www.sc.gov.cn:80', /缺少端口或地址/],
    [':80:127.0.0.1', /主机名无效/],
    ['127.0.0.2:80:127.0.0.1', /主机名无效/],
    ['*.sc.gov.cn:80:127.0.0.1', /主机名无效/],
    ['www sc.gov.cn:80:127.0.0.1', /主机名无效/],
    ['www.sc.gov.cn:0:127.0.0.1', /端口无效/],
    ['www.sc.gov.cn:65536:127.0.0.1', /端口无效/],
    ['www.sc.gov.cn:http:127.0.0.1', /端口无效/],
    ['www.sc.gov.cn:-1:127.0.0.1', /端口无效/],
    ['www.sc.gov.cn:80:', /不是 IP 地址/],
    ['www.sc.gov.cn:80:localhost', /不是 IP 地址/],
    ['www.sc.gov.cn:80:127.0.0.256', /不是 IP 地址/],
    ['www.sc.gov.cn:80:[127.0.0.1', /不是 IP 地址/],
  ])('refuses %s with a Chinese message and an example', (text, why) => {
    const error = (() => {
      try {
        parseResolveEntry(text);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ResolveEntryError);
    expect((error as Error).message).toMatch(why);
    expect((error as Error).message).toContain(`“${text}”`);
    expect((error as Error).message).toContain('如 www.sc.gov.cn:443:10.1.2.3');
  });

  it('refuses two entries that point one host and port at different addresses, keeps agreeing ones once', () => {
    expect(() => parseResolveEntries(['a.gov.cn:80:127.0.0.1', 'a.gov.cn:80:127.0.0.2'])).toThrow(
      /a\.gov\.cn:80 已指向 127\.0\.0\.1/,
    );
    expect(parseResolveEntries(['a.gov.cn:80:127.0.0.1', 'A.gov.cn:80:127.0.0.1'])).toHaveLength(1);
    expect(parseResolveEntries(['a.gov.cn:80:127.0.0.1', 'a.gov.cn:*:127.0.0.2'])).toHaveLength(2);
  });

  it('reads the comma-separated list of the environment variable', () => {
    expect(parseResolveList(undefined)).toEqual([]);
    expect(parseResolveList(' ')).toEqual([]);
    expect(parseResolveList('a.gov.cn:80:127.0.0.1, b.gov.cn:*:[::1],')).toEqual([
      { host: 'a.gov.cn', port: 80, address: '127.0.0.1' },
      { host: 'b.gov.cn', port: '*', address: '::1' },
    ]);
    expect(() => parseResolveList('a.gov.cn:80:127.0.0.1,b.gov.cn')).toThrow(ResolveEntryError);
  });
});

describe('addressFor', () => {
  const table = parseResolveEntries(['www.sc.gov.cn:8080:127.0.0.1', 'www.sc.gov.cn:*:127.0.0.2']);

  it('prefers the entry for the port, then the one for any port, and leaves other names alone', () => {
    expect(addressFor(table, 'www.sc.gov.cn', 8080)).toBe('127.0.0.1');
    expect(addressFor(table, 'WWW.sc.gov.cn', 443)).toBe('127.0.0.2');
    expect(addressFor(table, 'www.sc.gov.cn.', 8080)).toBe('127.0.0.1');
    expect(addressFor(table, 'sc.gov.cn', 8080)).toBeUndefined();
    expect(addressFor(parseResolveEntries(['a.gov.cn:80:127.0.0.1']), 'a.gov.cn', 443)).toBeUndefined();
  });

  it('takes the port of a URL, or its scheme default', () => {
    const only80 = parseResolveEntries(['a.gov.cn:80:127.0.0.1', 'a.gov.cn:443:127.0.0.3']);
    expect(addressForUrl(only80, 'http://a.gov.cn/x')).toBe('127.0.0.1');
    expect(addressForUrl(only80, 'https://a.gov.cn/x')).toBe('127.0.0.3');
    expect(addressForUrl(only80, 'http://a.gov.cn:8080/x')).toBeUndefined();
  });
});

describe('GOV_INSPECT_RESOLVE', () => {
  it('is read into the service configuration', () => {
    expect(loadConfig({ GOV_INSPECT_RESOLVE: 'www.sc.gov.cn:443:10.1.2.3' }).resolve).toEqual([
      { host: 'www.sc.gov.cn', port: 443, address: '10.1.2.3' },
    ]);
    expect(loadConfig({}).resolve).toEqual([]);
  });

  it('stops the service with a message naming the variable when an entry is bad', () => {
    expect(() => loadConfig({ GOV_INSPECT_RESOLVE: 'www.sc.gov.cn:443' })).toThrow(ConfigError);
    expect(() => loadConfig({ GOV_INSPECT_RESOLVE: 'www.sc.gov.cn:443' })).toThrow(
      /环境变量 GOV_INSPECT_RESOLVE 有误：“www\.sc\.gov\.cn:443”/,
    );
  });
});
