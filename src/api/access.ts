import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { regionContains } from '../access/region.ts';
import type { Site } from '../registry/site.ts';
import type { TokenRecord } from '../store/store.ts';

/** Who may call a route: province tokens only, or any valid token (city tokens within their region). */
export type Access = 'province' | 'any';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every route under /api/v1: the server refuses to start without it. */
    access?: Access;
  }
  interface FastifyRequest {
    /** The caller, set by the bearer-token hook on /api/v1 routes. */
    principal: Principal | null;
  }
}

export const API_PREFIX = '/api/v1';

/** The caller of an /api/v1 route, from its token. A city's region comes from the token only. */
export interface Principal {
  tokenId: string;
  role: TokenRecord['role'];
  /** Division code of a city token; null for province. */
  region: string | null;
  /** Recorded as the sweep's `requestedBy`. */
  label: string;
  /** The sites this caller may read and sweep. */
  reaches(site: Site): boolean;
}

export function principalOf(token: TokenRecord): Principal {
  const region = token.region;
  return {
    tokenId: token.id,
    role: token.role,
    region,
    label: token.name ? `token:${token.name}` : `token:${token.id}`,
    reaches:
      token.role === 'province'
        ? () => true
        : (site) => region !== null && regionContains(region, site.region),
  };
}

export class MissingAccessRuleError extends Error {
  override readonly name = 'MissingAccessRuleError';
}

const ACCESS_VALUES: readonly unknown[] = ['province', 'any'] satisfies Access[];

/**
 * Deny by default: any route under /api/v1 registered without `config.access` (or with an unknown
 * value) makes the server fail to start, so a forgotten rule never means an open route.
 */
export const accessRules: FastifyPluginAsync = fp(
  async (fastify) => {
    fastify.addHook('onRoute', (route) => {
      if (route.url !== API_PREFIX && !route.url.startsWith(`${API_PREFIX}/`)) return;
      const access = (route.config as { access?: unknown } | undefined)?.access;
      if (!ACCESS_VALUES.includes(access)) {
        throw new MissingAccessRuleError(
          `Route ${String(route.method)} ${route.url} has no access rule: declare config.access ('province' or 'any')`,
        );
      }
    });
  },
  { name: 'gov-inspector-access-rules' },
);
