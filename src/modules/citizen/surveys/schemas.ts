import { type Static, Type } from 'typebox';
import { Uuid } from '../../../platform/http/schemas.ts';
import { QUESTION_TYPES } from './questions.ts';
import { AUDIENCES } from './schema.ts';

/** A string among `values` (typed as their union; an `enum` in the schema). */
const lit = <T extends string>(values: readonly T[]) => Type.Unsafe<T>(Type.String({ enum: [...values] }));

export const Bilingual = Type.Object(
  { fr: Type.String({ maxLength: 2000 }), en: Type.String({ maxLength: 2000 }) },
  { additionalProperties: false },
);
const Key = Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' });

export const QuestionSchema = Type.Object(
  {
    key: Key,
    type: lit(QUESTION_TYPES),
    label: Bilingual,
    help: Type.Optional(Bilingual),
    required: Type.Boolean(),
    options: Type.Optional(
      Type.Array(Type.Object({ key: Key, label: Bilingual }, { additionalProperties: false }), {
        maxItems: 30,
      }),
    ),
    min: Type.Optional(Type.Number()),
    max: Type.Optional(Type.Number()),
    minLabel: Type.Optional(Bilingual),
    maxLabel: Type.Optional(Bilingual),
    showIf: Type.Optional(
      Type.Object(
        { question: Key, anyOf: Type.Array(Key, { minItems: 1, maxItems: 30 }) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const AudienceSchema = lit(AUDIENCES);

export const SurveyInput = Type.Object(
  {
    title: Type.Object(
      {
        fr: Type.String({ minLength: 1, maxLength: 200 }),
        en: Type.String({ minLength: 1, maxLength: 200 }),
      },
      { additionalProperties: false },
    ),
    intro: Bilingual,
    questions: Type.Array(QuestionSchema, { minItems: 1, maxItems: 100 }),
    audience: AudienceSchema,
    segmentPostalPrefixes: Type.Optional(
      Type.Array(Type.String({ pattern: '^[A-Za-z][0-9][A-Za-z]( ?[0-9]([A-Za-z]([0-9])?)?)?$' }), {
        maxItems: 50,
      }),
    ),
    anonymous: Type.Boolean(),
    opensAt: Type.String({ format: 'date-time' }),
    closesAt: Type.String({ format: 'date-time' }),
    consultationId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  },
  { additionalProperties: false },
);
export type SurveyInput = Static<typeof SurveyInput>;

const Timestamp = Type.String({ format: 'date-time' });

export const SurveySchema = Type.Object(
  {
    id: Uuid,
    orgId: Uuid,
    title: Bilingual,
    intro: Bilingual,
    questions: Type.Array(QuestionSchema),
    audience: AudienceSchema,
    segmentPostalPrefixes: Type.Array(Type.String()),
    anonymous: Type.Boolean(),
    opensAt: Timestamp,
    closesAt: Timestamp,
    publishedAt: Type.Union([Timestamp, Type.Null()]),
    resultsPublishedAt: Type.Union([Timestamp, Type.Null()]),
    consultationId: Type.Union([Uuid, Type.Null()]),
    state: lit(['draft', 'scheduled', 'open', 'closed'] as const),
    /** For the signed-in person: whether they answered, and whether they may. */
    answered: Type.Optional(Type.Boolean()),
    eligible: Type.Optional(Type.Boolean()),
    responses: Type.Optional(Type.Integer()),
  },
  {},
);

const Bucket = Type.Object({
  key: Type.String(),
  label: Bilingual,
  count: Type.Integer(),
  percent: Type.Number(),
});
export const SurveyResultsSchema = Type.Object({
  surveyId: Uuid,
  title: Bilingual,
  participants: Type.Integer(),
  published: Type.Boolean(),
  questions: Type.Array(
    Type.Object({
      key: Type.String(),
      type: Type.String(),
      label: Bilingual,
      answered: Type.Integer(),
      buckets: Type.Array(Bucket),
      stats: Type.Optional(
        Type.Object({ mean: Type.Number(), median: Type.Number(), min: Type.Number(), max: Type.Number() }),
      ),
      ranking: Type.Optional(
        Type.Array(Type.Object({ key: Type.String(), label: Bilingual, meanPosition: Type.Number() })),
      ),
      texts: Type.Optional(Type.Array(Type.String())),
    }),
  ),
});
