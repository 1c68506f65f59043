export { LinkStatusCache } from './cache.ts';
export { type CheckLinksOptions, checkLinks } from './check-links.ts';
export { linkStatusFromCrawledPage } from './from-crawl.ts';
export { HostPoliteness, type HostPolitenessOptions } from './politeness.ts';
export { DEFAULT_LINK_CHECK_SETTINGS, type LinkCheckSettings, resolveLinkCheckSettings } from './settings.ts';
