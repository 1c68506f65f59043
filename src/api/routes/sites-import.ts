import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { parseSites, type RegistryFormat } from '../../registry/parse.ts';
import { errors } from '../schemas.ts';

const MEDIA_TYPES: Record<string, RegistryFormat> = {
  'application/json': 'json',
  'application/yaml': 'yaml',
  'application/x-yaml': 'yaml',
  'text/yaml': 'yaml',
  'text/x-yaml': 'yaml',
};

const MAX_SITES_FILE_BYTES = 10 * 1024 * 1024;

/**
 * PUT /sites: the body is a sites file (contract §1) as text, parsed by the registry's own parser so
 * that every problem is reported with its line; the registry is replaced all or nothing.
 */
export const sitesImportRoute: FastifyPluginAsyncTypebox = async (fastify) => {
  // Encapsulated: in this plugin only, JSON stays text so that problems keep their line numbers, and
  // any other media type is refused (415).
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    Object.keys(MEDIA_TYPES),
    { parseAs: 'string', bodyLimit: MAX_SITES_FILE_BYTES },
    (_request, body, done) => done(null, body),
  );

  fastify.put(
    '/sites',
    {
      config: { access: 'province' },
      bodyLimit: MAX_SITES_FILE_BYTES,
      schema: {
        summary: '以站点清单替换整个站点登记（全部成功或全部不变）',
        description:
          '请求体为 contract §1 的站点清单，YAML（application/yaml、text/yaml）或 JSON（application/json）。',
        tags: ['sites'],
        consumes: ['application/yaml', 'text/yaml', 'application/json'],
        body: Type.String({ description: '站点清单文本' }),
        response: {
          200: Type.Object({ imported: Type.Integer() }),
          ...errors(400, 403, 413, 415),
        },
      },
    },
    async (request) => {
      const sites = parseSites(request.body, formatOf(request));
      await fastify.services.store.sites.replaceAll(sites);
      request.log.info({ sites: sites.length }, 'registry replaced');
      fastify.services.registryChanged();
      return { imported: sites.length };
    },
  );
};

function formatOf(request: FastifyRequest): RegistryFormat {
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return MEDIA_TYPES[mediaType] ?? 'json';
}
