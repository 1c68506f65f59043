import type { FastifyInstance } from 'fastify';
import { registryById, sweepCoveredBy } from '../../access/sweep-reach.ts';
import type { Principal } from '../../api/principal.ts';
import type { ResultsStore, SweepRecord } from '../../store/store.ts';
import { viewerOf } from '../page-access.ts';
import { sweepsPage } from '../views/sweeps.ts';

/** How many sweeps the list shows. */
const SHOWN = 50;
/**
 * How many of the latest sweeps a city viewer's list is picked from: province-wide sweeps are out
 * of its reach, and reading the whole table to skip them would slow the page down as years pass.
 */
const SCANNED = 200;

const HTML = 'text/html; charset=utf-8';

/** The list of sweeps (/sweeps) the viewer may open. */
export function sweepListRoutes(fastify: FastifyInstance, store: ResultsStore): void {
  fastify.get('/sweeps', { config: { dashboard: 'signed-in' } }, async (request, reply) => {
    const viewer = viewerOf(request);
    const sweeps = await latestInReach(store, viewer);
    return reply
      .type(HTML)
      .header('cache-control', 'no-store')
      .send(sweepsPage(sweeps, SHOWN, viewer));
  });
}

/** Newest first; a city viewer's only those entirely within its reach, as the sweep page decides (one registry read). */
async function latestInReach(store: ResultsStore, viewer: Principal): Promise<SweepRecord[]> {
  if (viewer.role === 'province') return store.sweeps.latest(SHOWN);
  const [registry, latest] = await Promise.all([registryById(store), store.sweeps.latest(SCANNED)]);
  return latest.filter((sweep) => sweepCoveredBy(registry, sweep, viewer.reaches)).slice(0, SHOWN);
}
