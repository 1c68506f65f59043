import type { Site } from '../../src/registry/site.ts';
import type { Routes } from '../route-server.ts';

/** Addresses of the other demo servers a site may link to. */
export interface DemoWorld {
  /** A server of misbehaving link targets (hanging, busy, WAF, redirect loop, HEAD refused). */
  misc: string;
  /** An origin where nothing listens. */
  refused: string;
  /** The day the demo is served for: list pages print their dates counted back from it. */
  today: Date;
}

/** A bundled demo site: its registry entry (homepage filled in when served) and its pages. */
export interface DemoSite {
  site: Omit<Site, 'homepage'>;
  /** The host name the site is served under when the demo uses real names (see `serveDemoSites`). */
  host: string;
  routes(origin: string, world: DemoWorld): Routes;
  /** Its pages hosted on another host (a letter platform), served on `DemoWorld.misc`. */
  elsewhere?(today: Date): Routes;
  /** What the inspection must find, rule by rule: the demo's own answer key, used by the tests. */
  expected: { status: 'done' | 'unreachable'; outcomes?: Record<string, string> };
}
