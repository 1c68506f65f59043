import { regionContains } from '../access/region.ts';
import type { Site } from '../registry/site.ts';
import type { TokenRecord } from '../store/store.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller, set by the bearer-token check on /api/v1 routes. */
    principal: Principal | null;
  }
}

/** The caller of an /api/v1 route, from its token. A city's region comes from the token only. */
export interface Principal {
  tokenId: string;
  role: TokenRecord['role'];
  /** Division code of a city token; null for province. */
  region: string | null;
  /** Recorded as the sweep's `requestedBy`. */
  label: string;
  /** Who appeals or decides a finding (contract §7 history): the token's name, or its id when it has none. */
  name: string;
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
    name: token.name ?? token.id,
    reaches:
      token.role === 'province'
        ? () => true
        : (site) => region !== null && regionContains(region, site.region),
  };
}
