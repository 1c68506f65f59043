import { randomBytes } from 'node:crypto';

const PREFIX = 'whsec_';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
export const MIN_KEY_BYTES = 24;
export const MAX_KEY_BYTES = 64;

/** A new Standard Webhooks secret: 'whsec_' + base64 of 32 random bytes. */
export function generateSecret(): string {
  return PREFIX + randomBytes(32).toString('base64');
}

/** Why `secret` is not a usable Standard Webhooks secret (Chinese), or undefined when it is. */
export function secretProblem(secret: string): string | undefined {
  const encoded = secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : undefined;
  if (encoded === undefined || !BASE64.test(encoded) || encoded.length % 4 !== 0)
    return '密钥格式应为 whsec_ 加 base64 编码的密钥';
  const bytes = Buffer.from(encoded, 'base64').length;
  if (bytes < MIN_KEY_BYTES || bytes > MAX_KEY_BYTES)
    return `密钥应为 ${MIN_KEY_BYTES}–${MAX_KEY_BYTES} 字节（现为 ${bytes} 字节）`;
  return undefined;
}
