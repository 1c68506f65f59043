import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { createSweepResources, type InspectionSettings } from '../../../src/inspection/context.ts';
import { fileEvidenceStore } from '../../../src/inspection/evidence-store.ts';
import { inspectSite } from '../../../src/inspection/inspect-site.ts';
import type { Site } from '../../../src/registry/site.ts';
import type { SiteResult } from '../../../src/results.ts';

export interface FixtureInspection {
  /** "Today" for every date-dependent rule. */
  now: Date;
  settings: InspectionSettings;
}

/**
 * Inspects fixture sites at once as one sweep does: resources shared between them (made from the
 * settings' link check, so its `--resolve` entries reach the browser), evidence in a temporary
 * directory, a silent log, 30 s for each site. The resources and the directory are gone when the
 * results are back.
 */
export async function inspectFixtureSites<const S extends readonly Site[]>(
  sites: S,
  { now, settings }: FixtureInspection,
): Promise<{ -readonly [K in keyof S]: SiteResult }> {
  const dir = await mkdtemp(join(tmpdir(), 'inspect-fixture-sites-'));
  const resources = createSweepResources(settings.links);
  try {
    const results = await Promise.all(
      sites.map((site) =>
        inspectSite(site, {
          ...resources,
          now,
          settings,
          evidence: fileEvidenceStore(dir),
          log: pino({ level: 'silent' }),
          signal: AbortSignal.timeout(30_000),
        }),
      ),
    );
    // One result per site, in the sites' order.
    return results as { -readonly [K in keyof S]: SiteResult };
  } finally {
    await resources.close();
    await rm(dir, { recursive: true, force: true });
  }
}
