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
