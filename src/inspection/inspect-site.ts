import { runChecks } from '../../checks/run-checks.ts';
import type { Artifacts, RenderedHomepage } from '../../crawlers/artifacts.ts';
import { checkLinks } from '../../crawlers/link-status/check-links.ts';
import { knownFromCrawl } from '../../crawlers/link-status/from-crawl.ts';
import { siteReach } from '../../crawlers/reach/site-reach.ts';
import { renderHomepage } from '../../crawlers/rendered-homepage/render-homepage.ts';
import { crawlSite } from '../../crawlers/site-crawl/crawl-site.ts';
import { probeTransport } from '../../crawlers/transport/probe-transport.ts';
import { normalizeUrl } from '../../crawlers/url.ts';
import { identifyFindings } from '../adjudication/finding-id.ts';
import type { Site } from '../registry/site.ts';
import type { SiteResult } from '../results.ts';
import type { InspectionContext } from './context.ts';
import { gatherer, probeOnce } from './gather.ts';
import { gatherHeaderOcr } from './header-ocr.ts';
import { linkOccurrences } from './occurrences.ts';
import { rateSite } from './rating.ts';
import { unreachableReason } from './reachability.ts';
import { scoreSite } from './score.ts';
import { crawlSeeds } from './seeds.ts';
import type { SiteContext } from './site-context.ts';

/**
 * Inspects one site: gathers the rendered homepage, the site crawl, the link statuses, how the host
 * answers over HTTPS and HTTP, and the homepage's availability (the service's scheduled probes when
 * `known` has them, else one probe now); runs every check over them; scores and rates the result.
 * The one-shot CLI and the queue worker both call this. It never throws for a problem of the site
 * itself: an unreachable homepage is a result. Every gatherer goes only where the site's reach rule
 * lets it: the public internet, the addresses the homepage host resolves to now, `allowNetworks`.
 */
export async function inspectSite(
  site: Site,
  ctx: InspectionContext,
  known: SiteContext = {},
): Promise<SiteResult> {
  const startedAt = new Date();
  const log = ctx.log.child({ siteId: site.id });
  const homepageUrl = normalizeUrl(site.homepage) ?? site.homepage;
  const checkContext = {
    now: ctx.now,
    ...(known.parentHomepage ? { parentHomepage: known.parentHomepage } : {}),
    ...(known.wording ? { wording: known.wording } : {}),
  };

  const gather = gatherer(log, ctx.signal);
  const resolve = ctx.settings.links?.resolve;
  const reach = await siteReach(site.homepage, { resolve, allowNetworks: ctx.settings.allowNetworks });
  let screenshot: Uint8Array | undefined;
  const rendered = await gather('renderedHomepage', async () => {
    const page = await renderHomepage(await ctx.browser(), site.homepage, {
      ...ctx.settings.render,
      resolve,
      reach,
      log,
    });
    screenshot = page.headerScreenshot;
    return storeScreenshot(site, ctx, page);
  });
  // Read while the site is crawled; awaited before the checks run.
  const headerOcr = gatherHeaderOcr(site, rendered, screenshot, gather, {
    lock: ctx.ocrLock,
    signal: ctx.signal,
  });
  const crawl = await gather('siteCrawl', async () =>
    crawlSite({
      homepage: site.homepage,
      seeds: crawlSeeds(site, rendered.ok ? rendered.value : undefined),
      maxPages: ctx.settings.maxPages,
      settings: { ...ctx.settings.crawl, reach },
      ...(ctx.crawlCache ? { previous: await ctx.crawlCache.load(site.id, homepageUrl) } : {}),
      notFound: ctx.notFound,
      log,
      signal: ctx.signal,
    }),
  );
  const reason = unreachableReason(rendered, crawl);
  // An unreachable homepage keeps the last sweep's pages for the next one: a site down for a day is
  // not crawled in full when it is back.
  if (!reason && crawl.ok && ctx.crawlCache) {
    await ctx.crawlCache
      .save(site.id, homepageUrl, crawl.value.pages)
      .catch((error: unknown) => log.warn({ err: String(error) }, 'crawl cache not saved'));
  }
  if (reason) {
    log.warn({ reason }, 'homepage unreachable');
    const failed = { ok: false as const, error: reason };
    // No probe of our own here: the render and the crawl just failed to reach the homepage, and one
    // more failed probe could only say `review` again (up to 15 s later, for a hanging host).
    const availability = known.availability ? { ok: true as const, value: known.availability } : failed;
    const checks = runChecks(
      site,
      {
        renderedHomepage: failed,
        siteCrawl: failed,
        linkStatuses: failed,
        transport: failed,
        availability,
      },
      checkContext,
    );
    return result(site, startedAt, {
      status: 'unreachable',
      reason,
      checks,
      score: 0,
      ...rateSite('unreachable', checks),
      pagesCrawled: 0,
      linksChecked: 0,
    });
  }

  const pages = crawl.ok ? crawl.value.pages : [];
  const probes = Promise.all([
    gather('transport', () => probeTransport(site.homepage, { resolve, reach, signal: ctx.signal })),
    gather(
      'availability',
      async () => known.availability ?? probeOnce(site.homepage, resolve, reach, ctx.signal),
    ),
  ]);
  const linkStatuses = await gather('linkStatuses', () =>
    checkLinks({
      occurrences: linkOccurrences(
        homepageUrl,
        rendered.ok ? rendered.value : undefined,
        crawl.ok ? crawl.value : undefined,
      ),
      known: knownFromCrawl(pages),
      cache: ctx.linkCache,
      politeness: ctx.politeness,
      notFound: ctx.notFound,
      settings: { ...ctx.settings.links, reach },
      log,
      signal: ctx.signal,
    }),
  );

  const [transport, availability] = await probes;
  const ocr = await headerOcr;
  const artifacts: Artifacts = {
    renderedHomepage: rendered,
    siteCrawl: crawl,
    linkStatuses,
    transport,
    availability,
    ...(ocr ? { headerOcr: ocr } : {}),
  };
  const checks = runChecks(site, artifacts, checkContext);
  const homepageUrls = [
    homepageUrl,
    rendered.ok ? rendered.value.finalUrl : '',
    pages[0]?.finalUrl ?? '',
  ].filter(Boolean);
  return result(site, startedAt, {
    status: 'done',
    // The crawl ignores certificate errors so the site can still be inspected; the transport probe has the verdict.
    tlsError: site.homepage.startsWith('https:') && transport.ok ? transport.value.https.tlsError : undefined,
    checks,
    score: scoreSite(checks, homepageUrls),
    ...rateSite('done', checks),
    pagesCrawled: pages.filter((page) => page.status !== null).length,
    linksChecked: linkStatuses.ok ? Object.keys(linkStatuses.value.statuses).length : 0,
    ...(crawl.ok && crawl.value.truncated ? { maxPagesReached: ctx.settings.maxPages } : {}),
  });
}

/** Moves the header screenshot out of the artifact into the evidence store, leaving its path. */
async function storeScreenshot(
  site: Site,
  ctx: InspectionContext,
  page: RenderedHomepage,
): Promise<RenderedHomepage> {
  const { headerScreenshot, ...rest } = page;
  if (!headerScreenshot) return rest;
  return { ...rest, headerScreenshotPath: await ctx.evidence.save(site.id, 'header.png', headerScreenshot) };
}

type Outcome = Pick<
  SiteResult,
  | 'status'
  | 'checks'
  | 'score'
  | 'qualified'
  | 'vetoes'
  | 'pagesCrawled'
  | 'linksChecked'
  | 'reason'
  | 'tlsError'
  | 'maxPagesReached'
>;

/** The site's result, every finding with its `id` and `evidenceDigest` (contract §7). */
function result(site: Site, startedAt: Date, outcome: Outcome): SiteResult {
  const finishedAt = new Date();
  return identifyFindings({
    siteId: site.id,
    status: outcome.status,
    pagesCrawled: outcome.pagesCrawled,
    linksChecked: outcome.linksChecked,
    score: outcome.score,
    qualified: outcome.qualified,
    vetoes: outcome.vetoes,
    checks: outcome.checks,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    ...(outcome.maxPagesReached ? { maxPagesReached: outcome.maxPagesReached } : {}),
    ...(outcome.reason ? { reason: outcome.reason } : {}),
    ...(outcome.tlsError ? { tlsError: outcome.tlsError } : {}),
    fullName: site.fullName,
    homepage: site.homepage,
  });
}
