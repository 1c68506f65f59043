import type { FastifyReply, FastifyRequest } from 'fastify';

export const DASHBOARD_PREFIX = '/dashboard';
const COOKIE = 'gov_inspect_session';
const MAX_AGE_SECONDS = 12 * 60 * 60;

/**
 * The session cookie holds the API token itself, HttpOnly so no script reads it: every request
 * verifies it against the store (by hash), so a token deleted from the store ends its sessions too,
 * and any number of API processes share sessions without server-side state.
 */
export function startSession(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(COOKIE, token, {
    path: DASHBOARD_PREFIX,
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    maxAge: MAX_AGE_SECONDS,
  });
}

export function endSession(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(COOKIE, {
    path: DASHBOARD_PREFIX,
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
  });
}

export function sessionToken(request: FastifyRequest): string | undefined {
  // Routes under /dashboard registered outside the dashboard plugin have no cookie parser: never signed in.
  const value = request.cookies?.[COOKIE];
  return value ? value : undefined;
}

/**
 * Where to go after signing in: a path of the dashboard on this site, never an absolute URL, a
 * protocol-relative `//host` or a backslash trick; anything else falls back to the overview.
 */
export function safeNext(next: unknown): string {
  const fallback = `${DASHBOARD_PREFIX}/`;
  if (typeof next !== 'string' || !next.startsWith('/') || /[\\\s]/.test(next) || next.startsWith('//'))
    return fallback;
  const base = 'http://dashboard.invalid';
  if (!URL.canParse(next, base)) return fallback;
  const url = new URL(next, base);
  if (url.origin !== base) return fallback;
  if (url.pathname !== DASHBOARD_PREFIX && !url.pathname.startsWith(`${DASHBOARD_PREFIX}/`)) return fallback;
  if (url.pathname.startsWith(`${DASHBOARD_PREFIX}/login`)) return fallback;
  return url.pathname + url.search;
}

/** The sign-in page, remembering the (safe) page asked for. */
export function loginPath(next?: string): string {
  const target = next === undefined ? undefined : safeNext(next);
  const query = target && target !== `${DASHBOARD_PREFIX}/` ? `?next=${encodeURIComponent(target)}` : '';
  return `${DASHBOARD_PREFIX}/login${query}`;
}
