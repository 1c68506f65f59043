import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { checkedEntry, checkedException, shippedDuplicate } from '../../wording/wording-input.ts';
import { ApiError, notFound } from '../api-error.ts';
import { principal } from '../authenticate.ts';
import { errors, SiteId } from '../schemas.ts';
import {
  WordingEntryId,
  WordingEntryRequestSchema,
  WordingEntrySchema,
  WordingExceptionId,
  WordingExceptionRequestSchema,
  WordingExceptionSchema,
} from '../wording-schemas.ts';
import { siteInReach } from './sites.ts';

const TAGS = ['wording'];
const invalid = (field: string, problem: string) =>
  new ApiError(400, 'invalid-request', `body.${field}：${problem}`, { field, location: 'body' });
const duplicate = (field: string, message: string) =>
  new ApiError(409, 'wording-duplicate', message, { field, location: 'body' });

/**
 * The offices' wording-error dictionary (错敏字, issue 12) beside the shipped one: province-wide entries,
 * added and deleted by the province; each site's exceptions, kept by any office whose reach holds the
 * site. Deleting keeps the row (soft delete); the next sweep reads what is live.
 */
export const wordingRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify.services;
  const SiteParams = Type.Object({ id: SiteId });

  fastify.get(
    '/wording/entries',
    {
      config: { access: 'any' },
      schema: {
        summary: '错敏字词典中各单位增补的词条（不含系统内置词典）',
        tags: TAGS,
        response: { 200: Type.Object({ entries: Type.Array(WordingEntrySchema) }), ...errors() },
      },
    },
    async () => ({ entries: await store.wording.entries() }),
  );

  fastify.post(
    '/wording/entries',
    {
      config: { access: 'province' },
      schema: {
        summary: '增补错敏字词条（全省生效，下次检查起使用）',
        description: '错误表述已在系统内置词典或已增补的词条中时 409 wording-duplicate。',
        tags: TAGS,
        body: WordingEntryRequestSchema,
        response: { 201: WordingEntrySchema, ...errors(400, 403, 409) },
      },
    },
    async (request, reply) => {
      const checked = checkedEntry(request.body);
      if ('problem' in checked) throw invalid(checked.field, checked.problem);
      const { entry } = checked;
      const shipped = shippedDuplicate(entry.wrong);
      if (shipped) throw duplicate('wrong', shipped);
      const added = await store.wording.addEntry({ ...entry, createdBy: principal(request).name });
      if (!added) throw duplicate('wrong', `已增补的词条中已有“${entry.wrong}”`);
      request.log.info({ entryId: added.id, by: principal(request).tokenId }, 'wording entry added');
      return reply.status(201).send(added);
    },
  );

  fastify.delete(
    '/wording/entries/:id',
    {
      config: { access: 'province' },
      schema: {
        summary: '删除增补的错敏字词条（记录保留，下次检查起不再使用）',
        tags: TAGS,
        params: Type.Object({ id: WordingEntryId }),
        response: { 204: Type.Null(), ...errors(400, 403, 404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      if (!(await store.wording.deleteEntry(id))) throw notFound(`错敏字词条 ${id} `);
      request.log.info({ entryId: id, by: principal(request).tokenId }, 'wording entry deleted');
      return reply.status(204).send(null);
    },
  );

  fastify.get(
    '/sites/:id/wording-exceptions',
    {
      config: { access: 'any' },
      schema: {
        summary: '一个站点的错敏字例外（该站不算错误的表述）',
        tags: TAGS,
        params: SiteParams,
        response: {
          200: Type.Object({ siteId: Type.String(), exceptions: Type.Array(WordingExceptionSchema) }),
          ...errors(400, 404),
        },
      },
    },
    async (request) => {
      const site = await siteInReach(fastify, request, request.params.id);
      return { siteId: site.id, exceptions: await store.wording.exceptions([site.id]) };
    },
  );

  fastify.post(
    '/sites/:id/wording-exceptions',
    {
      config: { access: 'any' },
      schema: {
        summary: '为站点登记错敏字例外',
        description:
          '该站出现与例外表述相同、或包含在例外表述之内的错误表述时不再报告。同一站点已有相同表述时 409 wording-duplicate。',
        tags: TAGS,
        params: SiteParams,
        body: WordingExceptionRequestSchema,
        response: { 201: WordingExceptionSchema, ...errors(400, 404, 409) },
      },
    },
    async (request, reply) => {
      const site = await siteInReach(fastify, request, request.params.id);
      const checked = checkedException(request.body);
      if ('problem' in checked) throw invalid(checked.field, checked.problem);
      const added = await store.wording.addException({
        siteId: site.id,
        ...checked,
        createdBy: principal(request).name,
      });
      if (!added) throw duplicate('text', `站点 ${site.id} 已有例外“${checked.text}”`);
      request.log.info(
        { siteId: site.id, exceptionId: added.id, by: principal(request).tokenId },
        'wording exception added',
      );
      return reply.status(201).send(added);
    },
  );

  fastify.delete(
    '/sites/:id/wording-exceptions/:exceptionId',
    {
      config: { access: 'any' },
      schema: {
        summary: '删除站点的错敏字例外（记录保留）',
        tags: TAGS,
        params: Type.Object({ id: SiteId, exceptionId: WordingExceptionId }),
        response: { 204: Type.Null(), ...errors(400, 404) },
      },
    },
    async (request, reply) => {
      const site = await siteInReach(fastify, request, request.params.id);
      const { exceptionId } = request.params;
      if (!(await store.wording.deleteException(site.id, exceptionId)))
        throw notFound(`站点 ${site.id} 的错敏字例外 ${exceptionId} `);
      request.log.info(
        { siteId: site.id, exceptionId, by: principal(request).tokenId },
        'wording exception deleted',
      );
      return reply.status(204).send(null);
    },
  );
};
