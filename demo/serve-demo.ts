import type { Site } from '../src/registry/site.ts';
import { articlePage } from './gov-page.ts';
import { type RunningSite, serveRoutes } from './route-server.ts';
import { busyThenOk, hanging, headRefused, pdf, wafChallenge } from './sites/common.ts';
import { DEMO_SITES, type DemoSite, type DemoWorld } from './sites/index.ts';

export interface ServedDemo {
  /** The registry of the demo sites, homepages pointing at the servers just started. */
  sites: Site[];
  demos: readonly DemoSite[];
  close(): Promise<void>;
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
export async function serveDemoSites(): Promise<ServedDemo> {
  const misc = await serveRoutes({
    '/slow': hanging(),
    '/busy': busyThenOk(),
    '/waf': wafChallenge(),
    '/head-refused.pdf': headRefused(pdf()),
    // A topic hosted away from the site that links to it (clause 4.3.4.4's violation in cd-portal).
    '/zt/': { body: articlePage('专题专栏', '专题网站', '<p>专题报道</p>') },
  });
  const world: DemoWorld = { misc: misc.origin, refused: await refusedOrigin() };
  const servers: RunningSite[] = [misc];
  const sites: Site[] = [];
  for (const demo of DEMO_SITES) {
    if (demo.expected.status === 'unreachable') {
      sites.push({ ...demo.site, homepage: `${world.refused}/` });
      continue;
    }
    const server = await serveRoutes();
    server.setRoutes(demo.routes(server.origin, world));
    servers.push(server);
    sites.push({ ...demo.site, homepage: `${server.origin}/` });
  }
  return {
    sites,
    demos: DEMO_SITES,
    close: async () => {
      await Promise.all(servers.map((s) => s.close()));
    },
  };
}
