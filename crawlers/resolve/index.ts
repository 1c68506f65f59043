export { type LookupFunction, pinnedLookup } from './lookup.ts';
export {
  addressFor,
  addressForUrl,
  parseResolveEntries,
  parseResolveEntry,
  parseResolveList,
  type ResolveEntry,
  ResolveEntryError,
  type ResolveTable,
  urlPort,
} from './resolve-table.ts';
