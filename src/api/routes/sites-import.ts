import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { parseSitesFile, type RegistryFormat } from '../../registry/parse-file.ts';
import { diffRegistry } from '../../registry/registry-diff.ts';
import { SITE_FIELDS } from '../../registry/site-fields.ts';
import { errors, SiteSchema } from '../schemas.ts';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const MEDIA_TYPES: Record<string, RegistryFormat> = {
  'application/json': 'json',
  'application/yaml': 'yaml',
  'application/x-yaml': 'yaml',
  'text/yaml': 'yaml',
  'text/x-yaml': 'yaml',
  'text/csv': 'csv',
  [XLSX_MEDIA_TYPE]: 'xlsx',
};

export const MAX_SITES_FILE_BYTES = 10 * 1024 * 1024;

const FieldValue = Type.Union([Type.String(), Type.Array(Type.String()), Type.Null()]);

/** What the import changes (or would change, with dryRun), site by site. */
const RegistryChangesSchema = Type.Object({
  added: Type.Array(SiteSchema),
  removed: Type.Array(SiteSchema),
  changed: Type.Array(
    Type.Object({
      id: Type.String(),
      fullName: Type.String(),
      changes: Type.Array(
        Type.Object({ field: Type.Enum([...SITE_FIELDS]), before: FieldValue, after: FieldValue }),
      ),
    }),
  ),
  unchanged: Type.Integer(),
});

/**
 * PUT /sites: the body is a sites file (contract §1, or an Excel workbook) as bytes, parsed by the
 * registry's own parser so that every problem is reported with its line, or row and column; the
 * registry is replaced all or nothing. `?dryRun=true` validates and says what would change.
 */
export const sitesImportRoute: FastifyPluginAsyncTypebox = async (fastify) => {
  // Encapsulated: in this plugin only, bodies stay bytes so that problems keep their line numbers
  // and a file that is not UTF-8 can be named as such, and any other media type is refused (415).
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    Object.keys(MEDIA_TYPES),
    { parseAs: 'buffer', bodyLimit: MAX_SITES_FILE_BYTES },
    (_request, body, done) => done(null, body),
  );

  fastify.put(
    '/sites',
    {
      config: { access: 'province' },
      bodyLimit: MAX_SITES_FILE_BYTES,
      // The body is a file that the registry's parser validates; params and query go through TypeBox.
      validatorCompiler: (route) =>
        route.httpPart === 'body' ? () => true : TypeBoxValidatorCompiler(route),
      schema: {
        summary: '以站点清单替换整个站点登记（全部成功或全部不变）',
        description:
          '请求体为 contract §1 的站点清单：YAML（application/yaml、text/yaml）、JSON（application/json）、CSV（text/csv，UTF-8）或 Excel 工作簿（.xlsx）。每个问题都注明行号（表格为行号和列号）。`dryRun=true` 只检查并返回将要发生的变化，不修改登记。',
        tags: ['sites'],
        consumes: ['application/yaml', 'text/yaml', 'application/json', 'text/csv', XLSX_MEDIA_TYPE],
        querystring: Type.Object(
          {
            dryRun: Type.Optional(
              Type.Boolean({ default: false, description: 'true：只检查清单、预览变化，不替换' }),
            ),
          },
          { additionalProperties: false },
        ),
        body: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: '站点清单文件' }),
        response: {
          200: Type.Object({
            imported: Type.Integer({ description: '清单中的站点数' }),
            dryRun: Type.Boolean(),
            changes: RegistryChangesSchema,
          }),
          ...errors(400, 403, 413, 415),
        },
      },
    },
    async (request) => {
      const sites = await parseSitesFile(request.body, formatOf(request));
      const { store } = fastify.services;
      const changes = diffRegistry(await store.sites.list(), sites);
      const dryRun = request.query.dryRun === true;
      if (!dryRun) {
        await store.sites.replaceAll(sites);
        request.log.info(
          {
            sites: sites.length,
            added: changes.added.length,
            removed: changes.removed.length,
            changed: changes.changed.length,
          },
          'registry replaced',
        );
        fastify.services.registryChanged();
      }
      return { imported: sites.length, dryRun, changes };
    },
  );
};

function formatOf(request: FastifyRequest): RegistryFormat {
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return MEDIA_TYPES[mediaType] ?? 'json';
}
