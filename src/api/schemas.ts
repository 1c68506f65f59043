import { type TSchema, Type } from 'typebox';
import { SITE_KINDS, SITE_LEVELS } from '../registry/site.ts';
import { SWEEP_KINDS } from '../store/store.ts';

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const SiteId = Type.String({
  pattern: '^[a-z0-9-]+$',
  maxLength: 200,
  description: '站点 id（contract §1）',
});
/** A division code or its significant prefix: '51', '5101', '510104', '510100'. */
export const RegionCode = Type.String({
  pattern: '^(\\d{2}|\\d{4}|\\d{6})$',
  description: '行政区划代码或其前缀',
});
export const SweepId = Type.String({ pattern: '^[A-Za-z0-9:_.-]{1,200}$' });

/** Contract §1. */
export const SiteSchema = Type.Object({
  id: Type.String(),
  fullName: Type.String(),
  homepage: Type.String(),
  level: Type.Enum([...SITE_LEVELS]),
  kind: Type.Enum([...SITE_KINDS]),
  region: Type.String(),
  parent: nullable(Type.String()),
  siteCode: Type.Optional(Type.String()),
  archiveRoots: Type.Array(Type.String()),
  maxPages: Type.Optional(
    Type.Integer({ minimum: 1, description: '每次检查最多抓取的网页数（不填则按检查计划的上限）' }),
  ),
});

const FindingSchema = Type.Object(
  {
    url: Type.String(),
    target: Type.Optional(Type.String()),
    status: Type.Optional(Type.Union([Type.Number(), Type.String()])),
    message: Type.String(),
    evidence: Type.Record(Type.String(), Type.Unknown()),
    id: Type.Optional(Type.String({ description: '问题 id（contract §7）' })),
    evidenceDigest: Type.Optional(Type.String({ description: '证据摘要（contract §7）' })),
  },
  { additionalProperties: true },
);

const CheckSchema = Type.Object(
  {
    ruleId: Type.String(),
    outcome: Type.Enum(['pass', 'fail', 'review', 'not-applicable']),
    findings: Type.Array(FindingSchema),
    singleVeto: Type.Optional(
      Type.String({
        description: 'On a fail the national indicators treat as a single veto (单项否决): why.',
      }),
    ),
  },
  { additionalProperties: true },
);

/** The site object of contract §3; fields added later pass through. */
const siteResultFields = {
  siteId: Type.String(),
  status: Type.Enum(['done', 'unreachable', 'error']),
  pagesCrawled: Type.Number(),
  linksChecked: Type.Number(),
  score: Type.Number(),
  qualified: Type.Optional(
    nullable(
      Type.Boolean({
        description:
          '合格 (true) or 不合格 (false, a single veto failed); null when the site could not be inspected',
      }),
    ),
  ),
  vetoes: Type.Optional(Type.Array(Type.Object({ ruleId: Type.String(), reason: Type.String() }))),
  checks: Type.Array(CheckSchema),
  startedAt: Type.Optional(Type.String()),
  finishedAt: Type.Optional(Type.String()),
  durationMs: Type.Optional(Type.Number()),
  maxPagesReached: Type.Optional(
    Type.Integer({ description: '抓取达到页数上限时的上限（其余网页未抓取、未检查）；未达到则无此字段' }),
  ),
  reason: Type.Optional(Type.String()),
  fullName: Type.Optional(Type.String()),
  homepage: Type.Optional(Type.String()),
};
export const SiteResultSchema = Type.Object(siteResultFields, { additionalProperties: true });

const CountSchema = (description: string) => Type.Integer({ minimum: 0, description });

/** Contract §7: the site's values with the decisions in force applied. */
export const AdjudicatedSchema = Type.Object({
  score: Type.Number(),
  qualified: nullable(Type.Boolean()),
  vetoes: Type.Array(Type.Object({ ruleId: Type.String(), reason: Type.String() })),
  checks: Type.Array(
    Type.Object({ ruleId: Type.String(), outcome: Type.Enum(['pass', 'fail', 'review', 'not-applicable']) }),
  ),
  counts: Type.Object({
    findings: CountSchema('问题总数'),
    open: CountSchema('未复核、未申诉'),
    appealed: CountSchema('已申诉（按当前证据）'),
    appealsPending: CountSchema('已申诉、待复核'),
    reviewed: CountSchema('已复核'),
    upheld: CountSchema('复核维持'),
    overturned: CountSchema('复核不予认定'),
    struckOff: CountSchema('核减（未通过检查项中不予认定的问题）'),
  }),
});

/** A site object as the API serves it (contract §7): the automated values and `adjudicated` beside them. */
export const AdjudicatedSiteResultSchema = Type.Object(
  { ...siteResultFields, adjudicated: AdjudicatedSchema },
  { additionalProperties: true },
);

const storedResultFields = {
  sweepId: Type.String(),
  siteId: Type.String(),
  quarter: Type.String(),
  halfYear: Type.String(),
  storedAt: Type.String(),
};
export const StoredResultSchema = Type.Object({ ...storedResultFields, result: SiteResultSchema });
export const AdjudicatedStoredResultSchema = Type.Object({
  ...storedResultFields,
  result: AdjudicatedSiteResultSchema,
});

export const SweepSchema = Type.Object({
  id: Type.String(),
  kind: Type.Enum([...SWEEP_KINDS]),
  period: Type.String(),
  state: Type.Enum(['queued', 'running', 'done', 'failed']),
  total: Type.Integer(),
  done: Type.Integer(),
  failed: Type.Integer(),
  startedAt: nullable(Type.String()),
  finishedAt: nullable(Type.String()),
  createdAt: Type.String(),
  region: nullable(Type.String()),
  siteIds: Type.Array(Type.String()),
  now: Type.String(),
  requestedBy: Type.String(),
  error: nullable(Type.String()),
});

export const SweepRequestSchema = Type.Object(
  {
    kind: Type.Enum([...SWEEP_KINDS], { description: '检查计划' }),
    siteIds: Type.Optional(Type.Array(SiteId, { minItems: 1, maxItems: 10_000, uniqueItems: true })),
    region: Type.Optional(RegionCode),
  },
  { additionalProperties: false },
);

const RuleTotalsSchema = Type.Object({
  ruleId: Type.String(),
  pass: Type.Integer(),
  fail: Type.Integer(),
  review: Type.Integer(),
  notApplicable: Type.Integer(),
});

export const PeriodReportSchema = Type.Object({
  period: Type.String(),
  previousPeriod: Type.String(),
  sites: Type.Array(
    Type.Object(
      {
        ...siteResultFields,
        region: Type.String(),
        sweepId: Type.String(),
        storedAt: Type.String(),
        previous: nullable(
          Type.Object({ sweepId: Type.String(), score: Type.Number(), storedAt: Type.String() }),
        ),
        newViolations: Type.Array(Type.String()),
        fixedViolations: Type.Array(Type.String()),
      },
      { additionalProperties: true },
    ),
  ),
  regions: Type.Array(
    Type.Object({
      region: Type.String({ description: '市州区划代码前四位，省级站点为 5100' }),
      sites: Type.Integer(),
      averageScore: Type.Number(),
      rules: Type.Array(RuleTotalsSchema),
      newViolations: Type.Integer(),
      fixedViolations: Type.Integer(),
    }),
  ),
  notInspected: Type.Array(Type.String()),
});

export const ErrorSchema = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    field: Type.Optional(Type.String()),
    location: Type.Optional(Type.String()),
    problems: Type.Optional(
      Type.Array(
        Type.Object({
          line: Type.Optional(Type.Integer()),
          row: Type.Optional(Type.Integer()),
          column: Type.Optional(Type.String({ description: '表格（CSV、XLSX）中的列，如 "E"' })),
          field: Type.Optional(Type.String()),
          message: Type.String(),
        }),
      ),
    ),
  }),
});

/** The error statuses a route can answer, each with the one error body. */
export function errors(...statuses: number[]): Record<number, typeof ErrorSchema> {
  return Object.fromEntries([401, 429, 500, ...statuses].map((status) => [status, ErrorSchema]));
}
