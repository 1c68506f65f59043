import { type LookupFunction, resolvingLookup } from './lookup.ts';
import { type ResolveTable, urlPort } from './resolve-table.ts';

/** The part of got's request options the hook reads and sets. */
interface GotRequestOptions {
  url?: string | URL;
  dnsLookup?: unknown;
}

/**
 * A got `beforeRequest` hook that points connections at the `--resolve` addresses. It runs again
 * for every redirect, so a redirect to another port gets that port's entries; got gives its lookup
 * no port, hence a lookup made for the request's URL.
 */
export function resolveHook(table: ResolveTable): (options: GotRequestOptions) => void {
  return (options) => {
    if (options.url === undefined) return;
    const url = new URL(options.url);
    const lookup: LookupFunction = resolvingLookup(table, urlPort(url.port, url.protocol));
    options.dnsLookup = lookup;
  };
}
