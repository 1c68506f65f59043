import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { regionPrefix } from '../../access/region.ts';
import type { Principal } from '../../api/principal.ts';
import { reportRegionOf } from '../../periods/period-report.ts';
import type { Site } from '../../registry/site.ts';
import { type ResultsStore, SWEEP_KINDS } from '../../store/store.ts';
import { callApi } from '../api-call.ts';
import { formTokenInput } from '../form-token.ts';
import { viewerOf } from '../page-access.ts';
import { sitesInReach } from '../scope.ts';
import { DASHBOARD_PREFIX } from '../session.ts';
import { type SweepChoice, type SweepScope, sweepFormPage } from '../views/sweep-form.ts';

const HTML = 'text/html; charset=utf-8';
const SCOPES: readonly string[] = ['all', 'region', 'sites'] satisfies SweepScope[];

type FormBody = Record<string, string | string[] | undefined>;

/**
 * GET /sweeps/new (the form) and POST /sweeps (start it through POST /api/v1/sweeps with the
 * viewer's token, then follow it on its live page). A city token sweeps its own region as the API
 * allows: all of it, one of its districts, or chosen sites of it.
 */
export function sweepStartRoutes(fastify: FastifyInstance, store: ResultsStore): void {
  const config = { dashboard: 'signed-in' } as const;
  const defaults: SweepChoice = { kind: 'adhoc', scope: 'all', siteIds: [] };

  fastify.get('/sweeps/new', { config }, async (request, reply) => showForm(request, reply, store, defaults));

  fastify.post<{ Body: FormBody }>('/sweeps', { config }, async (request, reply) => {
    const body = request.body ?? {};
    const one = (name: string) => [body[name]].flat()[0];
    const kind = SWEEP_KINDS.find((k) => k === one('kind'));
    const scope = SCOPES.find((s) => s === one('scope')) as SweepScope | undefined;
    const region = one('region') || undefined;
    const siteIds = [body.siteIds ?? []].flat().filter(Boolean) as string[];
    const choice: SweepChoice = {
      kind: kind ?? 'adhoc',
      scope: scope ?? 'all',
      siteIds,
      ...(region ? { region } : {}),
    };
    // The form always posts both; without them it is not this form, and nothing is guessed.
    if (!kind || !scope) return showForm(request, reply, store, choice, '请选择检查类型和检查范围。', 400);
    if (scope === 'sites' && siteIds.length === 0)
      return showForm(request, reply, store, choice, '请至少勾选一个网站。', 400);
    if (scope === 'region' && !region)
      return showForm(request, reply, store, choice, '请选择一个地区。', 400);
    const payload = {
      kind,
      ...(scope === 'region' ? { region } : {}),
      ...(scope === 'sites' ? { siteIds } : {}),
    };
    const answer = await callApi<{ id: string }>(request, { method: 'POST', path: '/sweeps', payload });
    if (!answer.ok) return showForm(request, reply, store, choice, answer.error.message, answer.status);
    return reply.redirect(`${DASHBOARD_PREFIX}/sweeps/${encodeURIComponent(answer.body.id)}`, 303);
  });
}

async function showForm(
  request: FastifyRequest,
  reply: FastifyReply,
  store: ResultsStore,
  choice: SweepChoice,
  alert?: string,
  status = 200,
): Promise<FastifyReply> {
  const viewer = viewerOf(request);
  const sites = await sitesInReach(store, viewer);
  const input = { sites, regions: regionsOf(sites, viewer), choice, csrf: formTokenInput(request) };
  return reply
    .status(status)
    .type(HTML)
    .header('cache-control', 'no-store')
    .send(sweepFormPage(alert ? { ...input, alert } : input, viewer));
}

/**
 * The regions a sweep may be narrowed to: for the province each city (市州) with sites (not 5100,
 * which as a prefix is the whole province); for a city its districts and counties with sites.
 */
function regionsOf(sites: readonly Site[], viewer: Principal): string[] {
  const codes =
    viewer.role === 'province'
      ? sites.map((site) => reportRegionOf(site.region)).filter((code) => code !== '5100')
      : sites
          .map((site) => regionPrefix(site.region))
          .filter((code) => code !== regionPrefix(viewer.region ?? ''));
  return [...new Set(codes)].sort();
}
