import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { adjudicateStored } from '../../adjudication/adjudicated-view.ts';
import type { Site } from '../../registry/site.ts';
import type { ResultsStore, StoredResult } from '../../store/store.ts';
import { notFound } from '../api-error.ts';
import { principal } from '../authenticate.ts';
import { AdjudicatedStoredResultSchema, errors, SiteId, SiteSchema } from '../schemas.ts';

const SiteParams = Type.Object({ id: SiteId });

/** GET /sites, /sites/:id and /sites/:id/results: only the sites in the caller's reach exist for it. */
export const siteRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify.services;

  fastify.get(
    '/sites',
    {
      config: { access: 'any' },
      schema: {
        summary: '可见范围内的站点',
        tags: ['sites'],
        response: { 200: Type.Object({ sites: Type.Array(SiteSchema) }), ...errors() },
      },
    },
    async (request) => ({ sites: (await store.sites.list()).filter(principal(request).reaches) }),
  );

  fastify.get(
    '/sites/:id',
    {
      config: { access: 'any' },
      schema: {
        summary: '一个站点及其最新检查结果',
        tags: ['sites'],
        params: SiteParams,
        response: {
          200: Type.Object({
            site: SiteSchema,
            latestResult: Type.Union([AdjudicatedStoredResultSchema, Type.Null()]),
          }),
          ...errors(400, 404),
        },
      },
    },
    async (request) => {
      const site = await siteInReach(fastify, request, request.params.id);
      const [latest] = await adjudicated(store, await store.results.forSite(site.id, 1));
      return { site, latestResult: latest ?? null };
    },
  );

  fastify.get(
    '/sites/:id/results',
    {
      config: { access: 'any' },
      schema: {
        summary: '一个站点的历次检查结果（最新在前）',
        tags: ['sites', 'results'],
        params: SiteParams,
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ siteId: Type.String(), results: Type.Array(AdjudicatedStoredResultSchema) }),
          ...errors(400, 404),
        },
      },
    },
    async (request) => {
      const site = await siteInReach(fastify, request, request.params.id);
      const results = await store.results.forSite(site.id, request.query.limit ?? 100);
      return { siteId: site.id, results: await adjudicated(store, results) };
    },
  );
};

/** Each result with `adjudicated` beside its automated values (contract §7); the findings' states stay out. */
async function adjudicated(store: ResultsStore, results: readonly StoredResult[]) {
  return (await adjudicateStored(store, results)).map(({ findings: _states, ...stored }) => stored);
}

/** The site, or 404 whether it does not exist or lies outside the caller's reach (no leak either way). */
export async function siteInReach(
  fastify: FastifyInstance,
  request: FastifyRequest,
  id: string,
): Promise<Site> {
  const site = await fastify.services.store.sites.get(id);
  if (!site || !principal(request).reaches(site)) throw notFound(`站点 ${id} `);
  return site;
}
