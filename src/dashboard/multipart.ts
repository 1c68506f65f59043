import type { FastifyInstance, FastifyRequest } from 'fastify';

/** A file of a multipart form. */
export interface UploadedFile {
  name: string;
  bytes: Buffer;
}

/** A multipart form's fields: text fields as strings (the last one of a name), files as UploadedFile. */
export type MultipartBody = Record<string, string | UploadedFile>;

export class MultipartError extends Error {
  override readonly name = 'MultipartError';
  readonly statusCode = 400;
}

/**
 * Lets the routes of `fastify` (an encapsulated scope) take multipart/form-data up to `limit` bytes:
 * parsed by the platform's own FormData reader (undici's), no upload library and no temporary files.
 */
export function acceptMultipart(fastify: FastifyInstance, limit: number): void {
  fastify.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'buffer', bodyLimit: limit },
    async (request: FastifyRequest, body: Buffer) => {
      let form: FormData;
      try {
        const contentType = String(request.headers['content-type']);
        form = await new Response(new Uint8Array(body), {
          headers: { 'content-type': contentType },
        }).formData();
      } catch {
        throw new MultipartError('表单数据无法解析');
      }
      const fields: MultipartBody = {};
      for (const [name, value] of form) {
        fields[name] =
          typeof value === 'string'
            ? value
            : { name: value.name, bytes: Buffer.from(await value.arrayBuffer()) };
      }
      return fields;
    },
  );
}
