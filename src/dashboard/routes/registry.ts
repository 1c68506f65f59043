import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_SITES_FILE_BYTES, XLSX_MEDIA_TYPE } from '../../api/routes/sites-import.ts';
import { formatOfFileName, type RegistryFormat, SITES_FILE_EXTENSIONS } from '../../registry/parse-file.ts';
import type { RegistryDiff } from '../../registry/registry-diff.ts';
import type { ResultsStore } from '../../store/store.ts';
import { callApi } from '../api-call.ts';
import { formTokenInput } from '../form-token.ts';
import { acceptMultipart, type MultipartBody } from '../multipart.ts';
import { viewerOf } from '../page-access.ts';
import { DASHBOARD_PREFIX } from '../session.ts';
import { problemsPage, registryPage } from '../views/registry.ts';
import { previewPage } from '../views/registry-preview.ts';

const HTML = 'text/html; charset=utf-8';
const MEDIA_TYPE: Record<RegistryFormat, string> = {
  yaml: 'application/yaml',
  json: 'application/json',
  csv: 'text/csv',
  xlsx: XLSX_MEDIA_TYPE,
};
/** The largest sites file, with room for the form around it. */
const UPLOAD_LIMIT = MAX_SITES_FILE_BYTES + 64 * 1024;
/** The confirmation carries the file again, in base64. */
const CONFIRM_LIMIT = Math.ceil((MAX_SITES_FILE_BYTES * 4) / 3) + 64 * 1024;

interface ImportAnswer {
  imported: number;
  dryRun: boolean;
  changes: RegistryDiff;
}

const digest = (changes: RegistryDiff) => createHash('sha256').update(JSON.stringify(changes)).digest('hex');

/**
 * GET /registry, POST /registry/preview (upload: check and show the changes) and POST /registry
 * (confirm: replace). Both posts go through PUT /api/v1/sites with the viewer's token, first as a
 * dry run; the confirmation carries the file itself and a digest of the changes shown, and replaces
 * only if a fresh dry run finds exactly those changes, so what was confirmed is what happens.
 */
export async function registryRoutes(fastify: FastifyInstance, store: ResultsStore): Promise<void> {
  await fastify.register(async (scope) => {
    acceptMultipart(scope, UPLOAD_LIMIT);
    const config = { dashboard: 'province' } as const;

    scope.get<{ Querystring: { replaced?: string } }>('/registry', { config }, async (request, reply) =>
      showRegistry(request, reply, store, { replaced: request.query.replaced === '1' }),
    );

    scope.post('/registry/preview', { config, bodyLimit: UPLOAD_LIMIT }, async (request, reply) => {
      const file = (request.body as MultipartBody | undefined)?.file;
      if (file === undefined || typeof file === 'string' || file.bytes.length === 0)
        return showRegistry(request, reply, store, { alert: '请选择要上传的站点清单文件。' }, 400);
      const format = formatOfFileName(file.name);
      if (format === undefined)
        return showRegistry(
          request,
          reply,
          store,
          { alert: `无法识别 ${file.name} 的格式：站点清单必须是 ${SITES_FILE_EXTENSIONS} 文件。` },
          400,
        );
      return preview(request, reply, store, { fileName: file.name, format, bytes: file.bytes });
    });

    scope.post<{ Body: Record<string, unknown> }>(
      '/registry',
      { config, bodyLimit: CONFIRM_LIMIT },
      async (request, reply) => {
        const { content, format, fileName, changes } = request.body;
        const known = typeof format === 'string' && format in MEDIA_TYPE;
        if (!known || typeof content !== 'string' || typeof changes !== 'string')
          return showRegistry(request, reply, store, { alert: '确认表单不完整，请重新上传站点清单。' }, 400);
        const file = {
          fileName: typeof fileName === 'string' ? fileName : '站点清单',
          format: format as RegistryFormat,
          bytes: Buffer.from(content, 'base64'),
        };
        return preview(request, reply, store, file, changes);
      },
    );
  });
}

/**
 * A dry run of the file; shown as its problems or its changes. With `confirmed` (the digest of the
 * changes the viewer saw), the registry is replaced when the dry run finds the same changes.
 */
async function preview(
  request: FastifyRequest,
  reply: FastifyReply,
  store: ResultsStore,
  file: { fileName: string; format: RegistryFormat; bytes: Buffer },
  confirmed?: string,
): Promise<FastifyReply> {
  const viewer = viewerOf(request);
  const csrf = formTokenInput(request);
  const put = (dryRun: boolean) =>
    callApi<ImportAnswer>(request, {
      method: 'PUT',
      path: dryRun ? '/sites?dryRun=true' : '/sites',
      payload: file.bytes,
      contentType: MEDIA_TYPE[file.format],
    });
  const dry = await put(true);
  reply.type(HTML).header('cache-control', 'no-store');
  if (!dry.ok && dry.error.code === 'invalid-sites-file') {
    const problems = dry.error.problems ?? [{ message: dry.error.message }];
    return reply.status(400).send(problemsPage({ fileName: file.fileName, problems, csrf }, viewer));
  }
  if (!dry.ok) return showRegistry(request, reply, store, { alert: dry.error.message }, dry.status);
  const seen = digest(dry.body.changes);
  if (confirmed === seen) {
    const done = await put(false);
    if (!done.ok) return showRegistry(request, reply, store, { alert: done.error.message }, done.status);
    return reply.redirect(`${DASHBOARD_PREFIX}/registry?replaced=1`, 303);
  }
  const confirm = { content: file.bytes.toString('base64'), format: file.format, changes: seen };
  const page = previewPage(
    {
      fileName: file.fileName,
      imported: dry.body.imported,
      changes: dry.body.changes,
      confirm,
      csrf,
      stale: confirmed !== undefined,
    },
    viewer,
  );
  return reply.send(page);
}

async function showRegistry(
  request: FastifyRequest,
  reply: FastifyReply,
  store: ResultsStore,
  notice: { replaced?: boolean; alert?: string },
  status = 200,
): Promise<FastifyReply> {
  const sites = await store.sites.list();
  return reply
    .status(status)
    .type(HTML)
    .header('cache-control', 'no-store')
    .send(registryPage({ sites, csrf: formTokenInput(request), ...notice }, viewerOf(request)));
}
