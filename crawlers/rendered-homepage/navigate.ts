import type { Page, Response } from 'playwright';

/** The homepage could not be opened at all; `code` is Chromium's net error (ERR_…) or TIMEOUT. */
export class HomepageNavigationError extends Error {
  readonly code: string;

  constructor(message: string, code: string, cause: unknown) {
    super(message, { cause });
    this.name = 'HomepageNavigationError';
    this.code = code;
  }
}

const NET_ERRORS: Record<string, string> = {
  ERR_CONNECTION_REFUSED: '连接被拒绝',
  ERR_NAME_NOT_RESOLVED: '域名无法解析',
  ERR_NAME_RESOLUTION_FAILED: '域名无法解析',
  ERR_CONNECTION_TIMED_OUT: '连接超时',
  ERR_TIMED_OUT: '连接超时',
  ERR_CONNECTION_RESET: '连接被重置',
  ERR_CONNECTION_CLOSED: '连接被服务器关闭',
  ERR_EMPTY_RESPONSE: '服务器未返回任何数据',
  ERR_ADDRESS_UNREACHABLE: '地址不可达',
  ERR_TOO_MANY_REDIRECTS: '重定向次数过多（可能是重定向循环）',
  ERR_SSL_PROTOCOL_ERROR: 'TLS 握手失败',
  ERR_INVALID_RESPONSE: '服务器返回了无效的响应',
  ERR_INVALID_HTTP_RESPONSE: '服务器返回了无效的 HTTP 响应',
  ERR_UNSAFE_PORT: '浏览器禁止访问该端口',
};

/** Node's codes, as the render's proxy met them on the way to the server, in Chromium's words. */
const PROXY_CODES: Record<string, string> = {
  ECONNREFUSED: 'ERR_CONNECTION_REFUSED',
  ENOTFOUND: 'ERR_NAME_NOT_RESOLVED',
  EAI_AGAIN: 'ERR_NAME_RESOLUTION_FAILED',
  CONNECT_TIMEOUT: 'ERR_CONNECTION_TIMED_OUT',
  ETIMEDOUT: 'ERR_CONNECTION_TIMED_OUT',
  TIMEOUT: 'ERR_TIMED_OUT',
  ECONNRESET: 'ERR_CONNECTION_RESET',
  EHOSTUNREACH: 'ERR_ADDRESS_UNREACHABLE',
  ENETUNREACH: 'ERR_ADDRESS_UNREACHABLE',
};

/**
 * The homepage did not open because the render's proxy could not reach the server (`code`, Node's)
 * or would not (ADDRESS_REFUSED: it, or a redirect, leads to an address the crawler may not go to).
 */
export function proxyNavigationError(code: string, url: string): HomepageNavigationError {
  if (code === 'ADDRESS_REFUSED') {
    return new HomepageNavigationError(
      `首页无法打开：首页或其重定向指向内网、本机等不允许访问的地址，出于安全考虑未访问：${url}`,
      code,
      undefined,
    );
  }
  const net = PROXY_CODES[code] ?? code;
  return new HomepageNavigationError(
    `首页无法打开：${describeNetError(net)}（${net}）：${url}`,
    net,
    undefined,
  );
}

function describeNetError(code: string): string {
  if (code.startsWith('ERR_CERT_')) return 'HTTPS 证书无效';
  return NET_ERRORS[code] ?? '网络错误';
}

/** Checks the homepage URL before the browser sees it. */
export function requireWebUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`首页地址无效：${url}（应为以 http:// 或 https:// 开头的完整网址）`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`首页地址不是网页地址：${url}（应以 http:// 或 https:// 开头）`);
  }
  return parsed;
}

/** Opens the URL up to DOMContentLoaded; a failure becomes a HomepageNavigationError saying what happened. */
export async function navigate(page: Page, url: string, timeoutMs: number): Promise<Response | null> {
  try {
    return await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    if (error instanceof Error && error.name === 'TimeoutError') {
      const seconds = Math.round(timeoutMs / 1000);
      throw new HomepageNavigationError(`首页在 ${seconds} 秒内未能加载（超时）：${url}`, 'TIMEOUT', error);
    }
    if (/Download is starting/i.test(raw)) {
      throw new HomepageNavigationError(`首页地址返回的是下载文件而不是网页：${url}`, 'DOWNLOAD', error);
    }
    const code = raw.match(/net::(ERR_[A-Z0-9_]+)/)?.[1];
    if (code) {
      throw new HomepageNavigationError(
        `首页无法打开：${describeNetError(code)}（${code}）：${url}`,
        code,
        error,
      );
    }
    throw new HomepageNavigationError(
      `首页无法打开：${raw.split('\n')[0]}：${url}`,
      'NAVIGATION_FAILED',
      error,
    );
  }
}
