import type { ReachRule } from '../../crawlers/reach/reach-rule.ts';

/** The reach rule of a fixture site served on 127.0.0.1: that address is the site's own. */
export const FIXTURE_REACH: ReachRule = { siteAddresses: ['127.0.0.1'], allowNetworks: [] };
