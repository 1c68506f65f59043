import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { periodFindings } from '../../adjudication/adjudicated-view.ts';
import { FINDING_STATES } from '../../adjudication/types.ts';
import type { Actor } from '../../store/store.ts';
import { ApiError, notFound } from '../api-error.ts';
import { principal } from '../authenticate.ts';
import {
  AppealBody,
  BulkDecisionBody,
  DecisionBody,
  FindingActionSchema,
  FindingId,
  FindingViewSchema,
  Period,
  RuleId,
} from '../findings-schemas.ts';
import { errors, RegionCode, SiteId } from '../schemas.ts';

const FindingParams = Type.Object({ id: FindingId });

/**
 * Contract §7: the findings of a period with their states, appeals by city offices (for their region)
 * and the province, decisions by the province (one finding, or several with one reason), and each
 * finding's history. A finding of a site out of the caller's reach does not exist for it (404).
 */
export const findingRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify.services;

  fastify.get(
    '/findings',
    {
      config: { access: 'any' },
      schema: {
        summary: '某期间最新检查结果中的问题及其复核状态',
        tags: ['findings'],
        querystring: Type.Object(
          {
            period: Period,
            state: Type.Optional(Type.Enum([...FINDING_STATES])),
            siteId: Type.Optional(SiteId),
            ruleId: Type.Optional(RuleId),
            region: Type.Optional(RegionCode),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1000 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            period: Type.String(),
            total: Type.Integer({ description: '符合条件的问题总数（分页前）' }),
            findings: Type.Array(FindingViewSchema),
          }),
          ...errors(400, 404),
        },
      },
    },
    async (request) => {
      const { period, state, siteId, ruleId, region, limit = 1000, offset = 0 } = request.query;
      const caller = principal(request);
      if (siteId !== undefined) {
        const site = await store.sites.get(siteId);
        if (!site || !caller.reaches(site)) throw notFound(`站点 ${siteId} `);
      }
      const findings = await periodFindings(store, period, {
        reach: caller.reaches,
        ...(state ? { state } : {}),
        ...(siteId ? { siteId } : {}),
        ...(ruleId ? { ruleId } : {}),
        ...(region ? { region } : {}),
      });
      return { period, total: findings.length, findings: findings.slice(offset, offset + limit) };
    },
  );

  fastify.post(
    '/findings/:id/appeals',
    {
      config: { access: 'any' },
      schema: {
        summary: '对未通过检查项中的问题提出申诉',
        description: '市州令牌只能申诉本地区站点的问题；问题已申诉或已复核认定时 409。',
        tags: ['findings'],
        params: FindingParams,
        body: AppealBody,
        response: { 201: FindingActionSchema, ...errors(400, 404, 409) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await findingInReach(fastify, request, id);
      const { reason, evidenceDigest, period } = request.body;
      const appeal = await store.adjudication.appeal({
        finding: { id, ...(evidenceDigest ? { evidenceDigest } : {}) },
        ...(period ? { period } : {}),
        reason: reason.trim(),
        by: actor(request),
        at: fastify.services.now(),
      });
      await fastify.services.findingActionsRecorded([appeal]);
      return reply.status(201).send(appeal);
    },
  );

  fastify.post(
    '/findings/:id/decisions',
    {
      config: { access: 'province' },
      schema: {
        summary: '复核认定一个问题：维持（upheld）或核减（overturned）',
        tags: ['findings'],
        params: FindingParams,
        body: DecisionBody,
        response: { 201: FindingActionSchema, ...errors(400, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await findingInReach(fastify, request, id);
      const { evidenceDigest, ...decision } = request.body;
      const [made] = await decide(fastify, request, {
        ...decision,
        findings: [{ id, ...(evidenceDigest ? { evidenceDigest } : {}) }],
      });
      return reply.status(201).send(made!);
    },
  );

  fastify.post(
    '/findings/decisions',
    {
      config: { access: 'province' },
      schema: {
        summary: '以同一理由复核认定多个问题（全部认定或全部不认定）',
        tags: ['findings'],
        body: BulkDecisionBody,
        response: {
          201: Type.Object({ decisions: Type.Array(FindingActionSchema) }),
          ...errors(400, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const { findings, ...decision } = request.body;
      const duplicate = findings.findIndex((f, i) => findings.findIndex((g) => g.id === f.id) !== i);
      if (duplicate >= 0) {
        throw new ApiError(400, 'invalid-request', `body.findings[${duplicate}].id：问题重复`, {
          field: `findings[${duplicate}].id`,
          location: 'body',
        });
      }
      return reply.status(201).send({ decisions: await decide(fastify, request, { ...decision, findings }) });
    },
  );

  fastify.get(
    '/findings/:id/history',
    {
      config: { access: 'any' },
      schema: {
        summary: '一个问题的全部申诉和复核记录（最早在前）',
        tags: ['findings'],
        params: FindingParams,
        response: {
          200: Type.Object({ findingId: Type.String(), history: Type.Array(FindingActionSchema) }),
          ...errors(400, 404),
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      await findingInReach(fastify, request, id);
      return { findingId: id, history: await store.adjudication.history(id) };
    },
  );
};

type DecisionInput = {
  findings: { id: string; evidenceDigest?: string }[];
  verdict: 'upheld' | 'overturned';
  reason: string;
  until?: string;
  period?: string;
};

async function decide(fastify: FastifyInstance, request: FastifyRequest, input: DecisionInput) {
  const { until, period } = input;
  if (until !== undefined && !isCalendarDay(until)) {
    throw new ApiError(400, 'invalid-request', `body.until：不是有效的日期（${until}）`, {
      field: 'until',
      location: 'body',
    });
  }
  const decisions = await fastify.services.store.adjudication.decide({
    findings: input.findings,
    verdict: input.verdict,
    reason: input.reason.trim(),
    ...(until ? { until } : {}),
    ...(period ? { period } : {}),
    by: actor(request),
    at: fastify.services.now(),
  });
  // One finding.decided per finding, a bulk decision's sharing its batchId.
  await fastify.services.findingActionsRecorded(decisions);
  return decisions;
}

/** The finding's site, or 404 whether the finding is unknown or its site out of the caller's reach. */
async function findingInReach(fastify: FastifyInstance, request: FastifyRequest, id: string): Promise<void> {
  const { store } = fastify.services;
  const siteId = await store.adjudication.siteOf(id);
  const site = siteId === undefined ? undefined : await store.sites.get(siteId);
  if (!site || !principal(request).reaches(site)) throw notFound(`问题 ${id} `);
}

function actor(request: FastifyRequest): Actor {
  const caller = principal(request);
  return { name: caller.name, role: caller.role, region: caller.region, tokenId: caller.tokenId };
}

function isCalendarDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}
