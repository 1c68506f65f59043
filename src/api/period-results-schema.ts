import { type TSchema, Type } from 'typebox';
import { AdjudicatedSchema, AdjudicationCountsSchema } from './findings-schemas.ts';
import { PeriodReportSchema } from './schemas.ts';

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const report = PeriodReportSchema.properties;
const entry = report.sites.items.properties;
const region = report.regions.items.properties;

/**
 * GET /results/…: the period report of contract §6, each site object with `adjudicated` beside its
 * automated values (contract §7); the per-region totals and new / fixed violations as decided.
 */
export const AdjudicatedPeriodReportSchema = Type.Object({
  ...report,
  sites: Type.Array(
    Type.Object(
      {
        ...entry,
        adjudicated: AdjudicatedSchema,
        previous: nullable(
          Type.Object({
            sweepId: Type.String(),
            score: Type.Number({ description: '上期自动检测得分' }),
            adjudicatedScore: Type.Number({ description: '上期复核后得分' }),
            storedAt: Type.String(),
          }),
        ),
        newViolations: Type.Array(Type.String(), { description: '复核后本期新增的未通过检查项' }),
        fixedViolations: Type.Array(Type.String(), { description: '复核后上期未通过、本期通过的检查项' }),
      },
      { additionalProperties: true },
    ),
  ),
  regions: Type.Array(
    Type.Object({
      ...region,
      averageScore: Type.Number({ description: '复核后的平均得分' }),
      automatedAverageScore: Type.Number({ description: '自动检测的平均得分' }),
      rules: Type.Array(
        Type.Object({
          ruleId: Type.String(),
          pass: Type.Integer(),
          fail: Type.Integer(),
          review: Type.Integer(),
          notApplicable: Type.Integer(),
        }),
        { description: '复核后各检查项的结果数' },
      ),
      counts: AdjudicationCountsSchema,
    }),
  ),
  counts: AdjudicationCountsSchema,
});
