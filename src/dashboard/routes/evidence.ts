import { readFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ResultsStore } from '../../store/store.ts';
import { viewerOf } from '../page-access.ts';
import { siteInReach } from '../scope.ts';
import { notFoundPage } from './not-found.ts';

/** Sweep ids as the API accepts them, but never '.' or '..' alone. */
const SWEEP_ID = /^(?!\.{1,2}$)[A-Za-z0-9:_.-]{1,200}$/;
const SITE_ID = /^[a-z0-9-]+$/;

/** The path a worker stores a site's header screenshot at, if it stays inside `artifactDir`. */
export function headerScreenshotFile(
  artifactDir: string,
  sweepId: string,
  siteId: string,
): string | undefined {
  if (!SWEEP_ID.test(sweepId) || !SITE_ID.test(siteId)) return undefined;
  const root = resolve(artifactDir);
  const path = resolve(join(root, sweepId, 'evidence', siteId, 'header.png'));
  return path.startsWith(root + sep) ? path : undefined;
}

/** GET /evidence/:sweepId/:siteId/header.png: a screenshot of a site in reach, nothing else. */
export function evidenceRoutes(fastify: FastifyInstance, store: ResultsStore, artifactDir: string): void {
  fastify.get<{ Params: { sweepId: string; siteId: string } }>(
    '/evidence/:sweepId/:siteId/header.png',
    { config: { dashboard: 'signed-in' } },
    async (request, reply) => {
      const { sweepId, siteId } = request.params;
      const path = headerScreenshotFile(artifactDir, sweepId, siteId);
      const site = path ? await siteInReach(store, viewerOf(request), siteId) : undefined;
      const bytes = path && site ? await readFile(path).catch(() => undefined) : undefined;
      if (!bytes) return notFoundPage(request, reply);
      return reply.type('image/png').header('cache-control', 'private, max-age=86400').send(bytes);
    },
  );
}
