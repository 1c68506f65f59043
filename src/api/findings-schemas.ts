import { type TSchema, Type } from 'typebox';
import { OUTCOMES } from '../../checks/check.ts';
import { CHECKS } from '../../checks/index.ts';
import { FINDING_STATES, VERDICTS } from '../adjudication/types.ts';

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const FindingId = Type.String({ pattern: '^[0-9a-f]{24}$', description: '问题 id（contract §7）' });
export const EvidenceDigest = Type.String({
  pattern: '^[0-9a-f]{24}$',
  description: '证据摘要：给出时须与该问题最新的证据一致，否则 409（证据已变化）',
});
export const Period = Type.String({
  pattern: '^\\d{4}(Q[1-4]|H[12])$',
  description: '季度（2026Q4）或半年（2026H2）',
  examples: ['2026Q4'],
});
const Reason = Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S', description: '理由' });
export const RuleId = Type.Enum(
  CHECKS.map((check) => check.meta.id),
  { description: '规则 id（contract §4）' },
);
/** 'YYYY-MM-DD'; whether it is a real day is checked by the route. */
export const Until = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: '认定结论沿用到的最后一天（北京时间，含当天）；默认为作出认定的期间的下一期末',
  examples: ['2027-03-31'],
});

const adjudicationRequest = {
  reason: Reason,
  evidenceDigest: Type.Optional(EvidenceDigest),
  period: Type.Optional(
    Type.String({
      pattern: '^\\d{4}(Q[1-4]|H[12])$',
      description: '申诉或认定的是该期间（2026Q4、2026H2）站点最新检查结果中的问题；默认站点最新的检查结果',
    }),
  ),
};

export const AppealBody = Type.Object(adjudicationRequest, { additionalProperties: false });
export const DecisionBody = Type.Object(
  { verdict: Type.Enum([...VERDICTS]), until: Type.Optional(Until), ...adjudicationRequest },
  { additionalProperties: false },
);
export const BulkDecisionBody = Type.Object(
  {
    findings: Type.Array(
      Type.Object(
        { id: FindingId, evidenceDigest: Type.Optional(EvidenceDigest) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 1000 },
    ),
    verdict: Type.Enum([...VERDICTS]),
    until: Type.Optional(Until),
    reason: Reason,
    period: Type.Optional(Period),
  },
  { additionalProperties: false },
);

export const FindingActionSchema = Type.Object({
  id: Type.String(),
  findingId: Type.String(),
  siteId: Type.String(),
  ruleId: Type.String(),
  what: Type.Enum(['appeal', ...VERDICTS], {
    description: '申诉，或认定结论（维持 upheld / 核减 overturned）',
  }),
  why: Type.String({ description: '理由' }),
  who: Type.String({ description: '令牌名称' }),
  role: Type.Enum(['province', 'city']),
  region: nullable(Type.String()),
  when: Type.String({ description: '时间（ISO）' }),
  until: Type.Optional(Type.String()),
  evidenceDigest: Type.String(),
  sweepId: Type.String(),
  period: Type.String(),
  batchId: Type.Optional(Type.String()),
});

const DecisionViewSchema = Type.Object({
  ...FindingActionSchema.properties,
  inForce: Type.Boolean({ description: '是否适用于本次结果（证据未变且未过期）' }),
  carriedForward: Type.Boolean({ description: '是否沿用自更早的检查结果' }),
});

export const FindingViewSchema = Type.Object({
  id: Type.String(),
  siteId: Type.String(),
  ruleId: Type.String(),
  outcome: Type.Enum([...OUTCOMES], { description: '所属检查项的自动判定结果' }),
  url: Type.String(),
  target: Type.Optional(Type.String()),
  status: Type.Optional(Type.Union([Type.Number(), Type.String()])),
  message: Type.String(),
  evidence: Type.Record(Type.String(), Type.Unknown()),
  evidenceDigest: Type.String(),
  state: Type.Enum([...FINDING_STATES]),
  appeal: Type.Optional(FindingActionSchema),
  decision: Type.Optional(DecisionViewSchema),
  adjudicatedOutcome: Type.Enum([...OUTCOMES], { description: '所属检查项经复核后的结果' }),
  sweepId: Type.String(),
  storedAt: Type.String(),
});

export const AdjudicationCountsSchema = Type.Object({
  findings: Type.Integer(),
  open: Type.Integer(),
  appealed: Type.Integer(),
  appealsPending: Type.Integer(),
  reviewed: Type.Integer(),
  upheld: Type.Integer(),
  overturned: Type.Integer(),
  struckOff: Type.Integer({ description: '核减的问题数' }),
});

export const AdjudicatedSchema = Type.Object(
  {
    score: Type.Number(),
    qualified: nullable(Type.Boolean()),
    vetoes: Type.Array(Type.Object({ ruleId: Type.String(), reason: Type.String() })),
    checks: Type.Array(Type.Object({ ruleId: Type.String(), outcome: Type.Enum([...OUTCOMES]) })),
    counts: AdjudicationCountsSchema,
  },
  { description: '经复核、申诉和核减后的得分、评定和各检查项结果（contract §7）' },
);
