import { Type } from 'typebox';
import { Uuid } from '../../../platform/http/schemas.ts';
import { NullableInteger, NullableText } from '../schema-helpers.ts';
import { DIGEST_FREQUENCIES, EDUCATION_LEVELS, PERMIT_SITUATIONS } from './schema.ts';

const lit = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));
const Noc = Type.String({ pattern: '^[0-9]{5}$' });
const Country = Type.String({ pattern: '^[A-Z]{2}$' });

export const ProfileInput = Type.Object(
  {
    headline: Type.String({ maxLength: 200 }),
    summary: Type.String({ maxLength: 4000 }),
    originCountry: NullableText({ pattern: '^[A-Z]{2}$' }),
    currentCountry: NullableText({ pattern: '^[A-Z]{2}$' }),
    experience: Type.Array(
      Type.Object(
        {
          title: Type.String({ minLength: 1, maxLength: 200 }),
          employer: Type.Optional(Type.String({ maxLength: 200 })),
          nocCode: Type.Optional(Noc),
          years: Type.Number({ minimum: 0, maximum: 60 }),
          country: Type.Optional(Country),
        },
        { additionalProperties: false },
      ),
      { maxItems: 30 },
    ),
    education: Type.Array(
      Type.Object(
        {
          level: lit(EDUCATION_LEVELS),
          field: Type.String({ maxLength: 200 }),
          institution: Type.Optional(Type.String({ maxLength: 200 })),
          country: Type.Optional(Country),
          year: Type.Optional(Type.Integer({ minimum: 1940, maximum: 2100 })),
        },
        { additionalProperties: false },
      ),
      { maxItems: 20 },
    ),
    skills: Type.Array(Type.String({ minLength: 1, maxLength: 80 }), { maxItems: 60 }),
    frenchNclc: NullableInteger({ minimum: 0, maximum: 12 }),
    englishClb: NullableInteger({ minimum: 0, maximum: 12 }),
    otherLanguages: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 10 }),
    desiredNocCodes: Type.Array(Noc, { maxItems: 10 }),
    desiredMunicipalityIds: Type.Array(Uuid, { maxItems: 30 }),
    availableFrom: NullableText({ format: 'date' }),
    permitSituation: lit(PERMIT_SITUATIONS),
    family: Type.Object(
      {
        spouseJob: Type.Boolean(),
        spouseNocCode: Type.Optional(NullableText({ pattern: '^[0-9]{5}$' })),
        schoolChildren: Type.Integer({ minimum: 0, maximum: 15 }),
        daycareChildren: Type.Integer({ minimum: 0, maximum: 15 }),
        housing: Type.Boolean(),
        relocation: Type.Boolean(),
      },
      { additionalProperties: false },
    ),
    cvFileId: NullableText({ format: 'uuid' }),
    digestFrequency: lit(DIGEST_FREQUENCIES),
  },
  { additionalProperties: false },
);

export const ProfileView = Type.Object(
  {
    id: Type.String(),
    ...ProfileInput.properties,
    matchingEnabled: Type.Boolean(),
    cv: Type.Union([
      Type.Null(),
      Type.Object({ id: Type.String(), name: Type.String(), sizeBytes: Type.Integer() }),
    ]),
    updatedAt: Type.String(),
  },
  { $id: 'CandidateProfile' },
);
