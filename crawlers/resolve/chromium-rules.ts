import { isIP } from 'node:net';
import type { ResolveTable } from './resolve-table.ts';

/**
 * Chromium's `--host-resolver-rules` for the table: `MAP host:port address` for one port, `MAP host
 * address` for any port (the port is kept, as curl keeps it). Chromium applies the first rule that
 * matches, so port-specific rules come first, as curl prefers them. Undefined for an empty table.
 */
export function hostResolverRules(table: ResolveTable): string | undefined {
  if (table.length === 0) return undefined;
  const specificFirst = [
    ...table.filter((entry) => entry.port !== '*'),
    ...table.filter((entry) => entry.port === '*'),
  ];
  return specificFirst
    .map(({ host, port, address }) => {
      const target = isIP(address) === 6 ? `[${address}]` : address;
      return port === '*' ? `MAP ${host} ${target}` : `MAP ${host}:${port} ${target}`;
    })
    .join(',');
}
