import { describe, expect, it } from 'vitest';
import { glossErrorCode } from '../../../checks/lib/link-failure.ts';
import { formatLinkStatus } from '../../../reports/html/findings.ts';

describe('network error glosses', () => {
  it.each([
    ['ECONNREFUSED', '连接被拒绝'],
    ['ECONNRESET', '连接被重置'],
    ['EHOSTUNREACH', '无法连接'],
    ['ENOTFOUND', '域名无法解析'],
    ['EAI_AGAIN', '域名解析失败'],
    ['TIMEOUT', '超时'],
    ['ETIMEDOUT', '超时'],
    ['REDIRECT_LOOP', '重定向循环'],
    ['TOO_MANY_REDIRECTS', '重定向次数过多'],
    ['CERT_HAS_EXPIRED', '证书错误'],
  ])('glosses %s as %s, in the findings and in the report alike', (code, gloss) => {
    expect(glossErrorCode(code)).toBe(gloss);
    expect(formatLinkStatus(code)).toBe(`${code}<br><span class="gloss">${gloss}</span>`);
  });

  it('leaves an unknown code unglossed', () => {
    expect(glossErrorCode('E_SOMETHING')).toBeUndefined();
    expect(formatLinkStatus('E_SOMETHING')).toBe('E_SOMETHING');
  });
});
