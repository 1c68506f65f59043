import { Type } from 'typebox';
import {
  MAX_FORM_LENGTH,
  MAX_REASON_LENGTH,
  WORDING_CATEGORIES,
  WORDING_GRADES,
} from '../wording/wording-input.ts';

const UUID = '^[0-9a-f-]{36}$';
export const WordingEntryId = Type.String({ pattern: UUID, description: '增补词条的 id' });
export const WordingExceptionId = Type.String({ pattern: UUID, description: '例外的 id' });

const Form = (description: string) => Type.String({ minLength: 1, maxLength: MAX_FORM_LENGTH, description });
const Category = Type.Enum([...WORDING_CATEGORIES], {
  description:
    '类别：leader（国家领导人姓名职务）、organ（国家机关名称）、law（法律法规名称）、meeting（重要会议名称）、division（行政区划名称）、political-term（政治术语规范表述）',
});
const Grade = Type.Enum([...WORDING_GRADES], { description: '严重（单项否决）或 一般（不通过）' });

export const WordingEntryRequestSchema = Type.Object(
  {
    wrong: Form('错误表述，如“天府新去”'),
    correct: Form('正确表述，如“天府新区”'),
    category: Category,
    grade: Grade,
  },
  { additionalProperties: false },
);

export const WordingEntrySchema = Type.Object({
  id: Type.String(),
  wrong: Type.String(),
  correct: Type.String(),
  category: Category,
  grade: Grade,
  createdBy: Type.String({ description: '增补者：令牌名称（无名称时为令牌 id）' }),
  createdAt: Type.String(),
});

export const WordingExceptionRequestSchema = Type.Object(
  {
    text: Form('该站不算错误的表述，如企业登记名称“卢州市大酒店”'),
    reason: Type.String({ minLength: 1, maxLength: MAX_REASON_LENGTH, description: '理由' }),
  },
  { additionalProperties: false },
);

export const WordingExceptionSchema = Type.Object({
  id: Type.String(),
  siteId: Type.String(),
  text: Type.String(),
  reason: Type.String(),
  createdBy: Type.String(),
  createdAt: Type.String(),
});
