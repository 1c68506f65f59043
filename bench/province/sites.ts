import type { Site } from '../../src/registry/site.ts';
import { type GeneratedSite, serveGeneratedSite } from '../generate-site.ts';
import { provinceSites } from '../province-sites.ts';

/** A province of generated sites on loopback, each under its own host name. */
export interface ServedProvince {
  /** Registry entries: `http://site-N.province.test:PORT/`, each its own host to per-host politeness. */
  sites: Site[];
  /** `GOV_INSPECT_RESOLVE`: every name (every port of it) to 127.0.0.1. */
  resolve: string;
  generated: GeneratedSite[];
  /** Pages a crawler fetches over every site: real pages and planted broken page links. */
  pageLinks: number;
  close(): Promise<void>;
}

/** How many sites are started at once (each is a server and its off-site server). */
const STARTING_AT_ONCE = 20;

/**
 * `count` generated sites of `pages` pages whose every answer waits `latencyMs`, served from this
 * process on two loopback ports each (the site and its off-site links' server), registered under names
 * that `GOV_INSPECT_RESOLVE` points at 127.0.0.1: the site reach rule grants each its loopback address,
 * and the crawl and the link check's per-host limits see one host per site.
 */
export async function serveProvince(
  count: number,
  pages: number,
  latencyMs: number,
): Promise<ServedProvince> {
  const generated: GeneratedSite[] = [];
  try {
    for (let first = 0; first < count; first += STARTING_AT_ONCE) {
      const batch = Math.min(STARTING_AT_ONCE, count - first);
      generated.push(
        ...(await Promise.all(Array.from({ length: batch }, () => serveGeneratedSite({ pages, latencyMs })))),
      );
    }
  } catch (error) {
    await Promise.all(generated.map((site) => site.close()));
    throw error;
  }
  const hosts = generated.map((_, i) => `site-${i}.province.test`);
  const sites = provinceSites(count).map((site, i) => ({
    ...site,
    homepage: `http://${hosts[i]}:${new URL(generated[i]!.homepage).port}/`,
  }));
  return {
    sites,
    resolve: hosts.map((host) => `${host}:*:127.0.0.1`).join(','),
    generated,
    pageLinks: generated.reduce((sum, site) => sum + site.pageLinks, 0),
    close: async () => {
      await Promise.all(generated.map((site) => site.close()));
    },
  };
}
