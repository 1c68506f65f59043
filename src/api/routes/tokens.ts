import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { TokenInputError } from '../../store/tokens-repository.ts';
import { ApiError, notFound } from '../api-error.ts';
import { principal } from '../authenticate.ts';
import { errors } from '../schemas.ts';

export const TokenId = Type.String({
  pattern: '^[0-9a-f-]{36}$',
  description: '令牌记录的 id（不是令牌本身）',
});

const TokenSchema = Type.Object({
  id: Type.String(),
  role: Type.Enum(['province', 'city']),
  region: Type.Union([Type.String(), Type.Null()]),
  name: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});

const TokenRequestSchema = Type.Object(
  {
    role: Type.Enum(['province', 'city'], { description: 'province（全省）或 city（市州、县区）' }),
    region: Type.Optional(
      Type.String({
        pattern: '^\\d{6}$',
        description: 'city 令牌必填：市（州）或县级 6 位行政区划代码，如 510100',
      }),
    ),
    name: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: '令牌名称，如“成都市政府办公厅”' }),
    ),
  },
  { additionalProperties: false },
);

const TAGS = ['tokens'];
const invalidRegion = (message: string) =>
  new ApiError(400, 'invalid-request', `body.region：${message}`, { field: 'region', location: 'body' });

/**
 * GET/POST /tokens and DELETE /tokens/:id, province only: what `gov-inspect token create` does, for
 * the console. A new token is answered once; the store keeps only its hash. Revoking a token ends its
 * dashboard sessions (each request verifies the token again).
 */
export const tokenRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify.services;
  const config = { access: 'province' } as const;

  fastify.get(
    '/tokens',
    {
      config,
      schema: {
        summary: '访问令牌列表（只有记录，不含令牌）',
        tags: TAGS,
        response: { 200: Type.Object({ tokens: Type.Array(TokenSchema) }), ...errors(403) },
      },
    },
    async () => ({ tokens: await store.tokens.list() }),
  );

  fastify.post(
    '/tokens',
    {
      config,
      schema: {
        summary: '新建访问令牌（令牌只在此返回一次）',
        tags: TAGS,
        body: TokenRequestSchema,
        response: {
          201: Type.Object({
            ...TokenSchema.properties,
            token: Type.String({ description: '只显示这一次' }),
          }),
          ...errors(400, 403),
        },
      },
    },
    async (request, reply) => {
      const { role, region, name } = request.body;
      if (role === 'city' && region === undefined) throw invalidRegion('city 令牌需要 6 位行政区划代码');
      if (role === 'province' && region !== undefined)
        throw invalidRegion('province 令牌覆盖全省，不能带 region');
      if (role === 'city' && region?.endsWith('0000'))
        throw invalidRegion(`${region} 是省级代码：city 令牌需要市（州）或县级代码，如 510100`);
      try {
        const { token, record } = await store.tokens.create({
          role,
          region: region ?? null,
          name: name?.trim() || null,
        });
        request.log.info(
          { tokenId: record.id, role, region, by: principal(request).tokenId },
          'token created',
        );
        return reply.status(201).send({ ...record, token });
      } catch (error) {
        if (error instanceof TokenInputError) throw invalidRegion(error.message);
        throw error;
      }
    },
  );

  fastify.delete(
    '/tokens/:id',
    {
      config,
      schema: {
        summary: '吊销访问令牌（其登录会话随即失效）',
        description: '不能吊销本次请求所用的令牌（409 token-in-use）。',
        tags: TAGS,
        params: Type.Object({ id: TokenId }),
        response: { 204: Type.Null(), ...errors(400, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      // Revoking one's own token would lock the office out of the console; another token must do it.
      if (id === principal(request).tokenId)
        throw new ApiError(409, 'token-in-use', '不能吊销正在使用的令牌，请用另一个省级令牌操作');
      if (!(await store.tokens.revoke(id))) throw notFound(`令牌 ${id} `);
      request.log.info({ tokenId: id, by: principal(request).tokenId }, 'token revoked');
      return reply.status(204).send(null);
    },
  );
};
