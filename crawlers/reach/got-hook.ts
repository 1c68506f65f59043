import { pinnedLookup } from '../resolve/lookup.ts';
import { urlPort } from '../resolve/resolve-table.ts';
import { AddressRefusedError, type ReachContext, reachableAddress } from './reachable-address.ts';

/** The part of got's request options the hook reads and sets. */
interface GotRequestOptions {
  url?: string | URL;
  dnsLookup?: unknown;
}

/**
 * A got `beforeRequest` hook that checks where the request would go (the `--resolve` entry, else DNS)
 * and pins the connection to that address. It runs again for every redirect, so a redirect to a
 * refused address is never requested: the request fails with AddressRefusedError.
 */
export function reachHook(ctx: ReachContext): (options: GotRequestOptions) => Promise<void> {
  return async (options) => {
    if (options.url === undefined) return;
    const url = new URL(options.url);
    try {
      const { address, family } = await reachableAddress(url.hostname, urlPort(url.port, url.protocol), ctx);
      options.dnsLookup = pinnedLookup(address, family);
    } catch (error) {
      // The URL refused may be a redirect's: the page records it.
      if (error instanceof AddressRefusedError)
        throw new AddressRefusedError({ ...error.refusal, url: url.href });
      throw error;
    }
  };
}
