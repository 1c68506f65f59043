import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { addressFor, type ResolveTable } from './resolve-table.ts';

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family: number,
) => void;

/** A `dns.lookup`-shaped function, as `net.connect`, `tls.connect` and got's `dnsLookup` take it. */
export type LookupFunction = (hostname: string, options: LookupOptions, callback: LookupCallback) => void;

/**
 * A lookup that answers from the table for connections to `port` and asks the system resolver for
 * every other name. `net.connect` passes no port to its lookup, hence one function per port. Node
 * asks with `all: true` when it tries address families in turn (autoSelectFamily), so both answer
 * shapes are given.
 */
export function resolvingLookup(table: ResolveTable, port: number): LookupFunction {
  return (hostname, options, callback) => {
    const address = addressFor(table, hostname, port);
    if (address === undefined) {
      dnsLookup(hostname, options, callback);
      return;
    }
    const family = isIP(address);
    if (options.all) queueMicrotask(() => callback(null, [{ address, family }], family));
    else queueMicrotask(() => callback(null, address, family));
  };
}
