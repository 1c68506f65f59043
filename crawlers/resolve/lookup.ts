import type { LookupAddress, LookupOptions } from 'node:dns';

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family: number,
) => void;

/** A `dns.lookup`-shaped function, as `net.connect`, `tls.connect` and got's `dnsLookup` take it. */
export type LookupFunction = (hostname: string, options: LookupOptions, callback: LookupCallback) => void;

/**
 * A lookup that answers `address` whatever it is asked: the connection goes to the address already
 * checked (`reachableAddress`), never to a second answer of DNS. Node asks with `all: true` when it
 * tries address families in turn (autoSelectFamily), so both answer shapes are given.
 */
export function pinnedLookup(address: string, family: 4 | 6): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) queueMicrotask(() => callback(null, [{ address, family }], family));
    else queueMicrotask(() => callback(null, address, family));
  };
}
