import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { RateLimitOptions } from './app-options.ts';
import { verifiedToken } from './authenticate.ts';

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 300, timeWindow: 60_000 };

/** The API answers JSON only: nothing may load, frame or submit anything from it. /docs sets its own policy. */
const API_CSP = {
  defaultSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
};

/** Security headers on every answer, and a per-token (else per-IP) rate limit. */
export interface SecurityOptions {
  rateLimit?: RateLimitOptions | false;
}

export const security: FastifyPluginAsync<SecurityOptions> = fp(
  async (fastify: FastifyInstance, options: SecurityOptions) => {
    await fastify.register(helmet, {
      global: true,
      contentSecurityPolicy: { useDefaults: false, directives: API_CSP },
    });
    if (options.rateLimit === false) return;
    const limit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
    await fastify.register(rateLimit, {
      global: true,
      max: limit.max,
      timeWindow: limit.timeWindow,
      keyGenerator: rateLimitKey,
    });
  },
  { name: 'gov-inspector-security' },
);

/**
 * A valid token's own bucket; everything else (no token, unknown tokens) shares the client address's
 * bucket, so guessing tokens is rate limited too. Outside /api/v1 the address is the key.
 */
async function rateLimitKey(request: FastifyRequest): Promise<string> {
  if (request.routeOptions.config.access === undefined) return `ip:${request.ip}`;
  const record = await verifiedToken(request);
  return record ? `token:${record.id}` : `ip:${request.ip}`;
}
