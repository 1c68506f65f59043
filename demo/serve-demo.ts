import type { ResolveEntry } from '../crawlers/resolve/resolve-table.ts';
import type { Site } from '../src/registry/site.ts';
import { articlePage } from './gov-page.ts';
import { type RunningSite, serveRoutes } from './route-server.ts';
import { busyThenOk, hanging, headRefused, pdf, wafChallenge } from './sites/common.ts';
import { DEMO_SITES, type DemoSite, type DemoWorld } from './sites/index.ts';

export interface ServedDemo {
  /** The registry of the demo sites, homepages pointing at the servers just started. */
  sites: Site[];
  demos: readonly DemoSite[];
  /** With `namedHosts`, where each name goes (give it to `--resolve`); empty otherwise. */
  resolve: ResolveEntry[];
  close(): Promise<void>;
}

export interface DemoOptions {
  /** The day the pages' dates are counted back from (default: now). Sweeps judge freshness against their own "now". */
  today?: Date;
  /**
   * Serve each site under its real-looking host name (`www.sc.gov.cn:PORT`) instead of 127.0.0.1, with
   * `resolve` pointing the names at loopback, so that the domain rules have names to judge.
   */
  namedHosts?: boolean;
}

/** A port where nothing listens: the origin of the unreachable site and of a refused link. */
async function refusedOrigin(): Promise<string> {
  const probe = await serveRoutes();
  await probe.close();
  return probe.origin;
}

/**
 * Starts every bundled demo site on its own loopback port, plus a server of misbehaving link targets,
 * and returns their registry. Nothing is served anywhere but 127.0.0.1.
 */
export async function serveDemoSites(options: DemoOptions = {}): Promise<ServedDemo> {
  const today = options.today ?? new Date();
  const misc = await serveRoutes({
    ...Object.assign({}, ...DEMO_SITES.map((demo) => demo.elsewhere?.(today) ?? {})),
    '/slow': hanging(),
    '/busy': busyThenOk(),
    '/waf': wafChallenge(),
    '/head-refused.pdf': headRefused(pdf()),
    // A topic hosted away from the site that links to it (clause 4.3.4.4's violation in cd-portal).
    '/zt/': { body: articlePage('专题专栏', '专题网站', '<p>专题报道</p>') },
    // Where the hidden link (暗链) injected into fgw-dept's footer leads.
    '/bocai/': { body: articlePage('澳门博彩', '娱乐城', '<p>百家乐</p>') },
  });
  const world: DemoWorld = {
    misc: misc.origin,
    refused: await refusedOrigin(),
    today,
  };
  const servers: RunningSite[] = [misc];
  const sites: Site[] = [];
  const resolve: ResolveEntry[] = [];
  const named = (origin: string, host: string): string => {
    if (!options.namedHosts) return origin;
    const url = new URL(origin);
    // Every port of the name: the HTTPS and plain-HTTP probes ask 443 and 80, which must stay on loopback too.
    resolve.push({ host, port: '*', address: url.hostname });
    return `${url.protocol}//${host}:${url.port}`;
  };
  for (const demo of DEMO_SITES) {
    if (demo.expected.status === 'unreachable') {
      sites.push({ ...demo.site, homepage: `${named(world.refused, demo.host)}/` });
      continue;
    }
    const server = await serveRoutes();
    const origin = named(server.origin, demo.host);
    server.setRoutes(demo.routes(origin, world));
    servers.push(server);
    sites.push({ ...demo.site, homepage: `${origin}/` });
  }
  return {
    sites,
    demos: DEMO_SITES,
    resolve,
    close: async () => {
      await Promise.all(servers.map((s) => s.close()));
    },
  };
}
