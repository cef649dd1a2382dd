import { Type } from 'typebox';
import { Uuid } from '../../../platform/http/schemas.ts';
import { NullableInteger, NullableNumber, NullableText } from '../schema-helpers.ts';
import { COMPANY_SIZES, OFFER_STATUSES, PERMANENCE, WAGE_UNITS } from './schema.ts';

const lit = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));

export const CompanyInput = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 200 }),
    naicsCode: Type.String({ pattern: '^[0-9]{2,6}$' }),
    sectorFr: Type.String({ maxLength: 200 }),
    sectorEn: Type.String({ maxLength: 200 }),
    municipalityOrgId: Uuid,
    address: Type.String({ maxLength: 300 }),
    latitude: NullableNumber({ minimum: -90, maximum: 90 }),
    longitude: NullableNumber({ minimum: -180, maximum: 180 }),
    size: lit(COMPANY_SIZES),
    descriptionFr: Type.String({ maxLength: 4000 }),
    descriptionEn: Type.String({ maxLength: 4000 }),
    benefitsFr: Type.String({ maxLength: 2000 }),
    benefitsEn: Type.String({ maxLength: 2000 }),
    website: NullableText({ format: 'uri', maxLength: 300 }),
    housingHelp: Type.Boolean(),
    relocationHelp: Type.Boolean(),
    directoryListed: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const CompanyView = Type.Object(
  {
    id: Type.String(),
    slug: Type.String(),
    ...CompanyInput.properties,
    status: Type.String(),
    myRole: Type.Union([Type.Null(), Type.Literal('owner'), Type.Literal('recruiter')]),
    members: Type.Array(
      Type.Object({
        accountId: Type.String(),
        name: Type.String(),
        email: Type.String(),
        role: Type.String(),
      }),
    ),
  },
  { $id: 'Company' },
);

export const OfferInput = Type.Object(
  {
    title: Type.String({ minLength: 3, maxLength: 200 }),
    nocCode: Type.String({ pattern: '^[0-9]{5}$' }),
    description: Type.String({ minLength: 20, maxLength: 10000 }),
    requirements: Type.String({ maxLength: 4000 }),
    skills: Type.Array(Type.String({ minLength: 1, maxLength: 80 }), { maxItems: 30 }),
    wageMinCents: NullableInteger({ minimum: 0, maximum: 100_000_000 }),
    wageMaxCents: NullableInteger({ minimum: 0, maximum: 100_000_000 }),
    wageUnit: lit(WAGE_UNITS),
    hoursPerWeek: Type.Integer({ minimum: 1, maximum: 80 }),
    permanence: lit(PERMANENCE),
    startDate: NullableText({ format: 'date' }),
    municipalityOrgId: Uuid,
    frenchMinNclc: NullableInteger({ minimum: 1, maximum: 12 }),
    englishMinClb: NullableInteger({ minimum: 1, maximum: 12 }),
    housingHelp: Type.Boolean(),
    relocationHelp: Type.Boolean(),
    spouseJobHelp: Type.Boolean(),
    permitSupport: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const OfferView = Type.Object(
  {
    id: Type.String(),
    reference: Type.String(),
    companyId: Type.String(),
    companyName: Type.String(),
    ...OfferInput.properties,
    teer: Type.Integer(),
    nocTitle: Type.Object({ fr: Type.String(), en: Type.String() }),
    municipality: Type.Object({ fr: Type.String(), en: Type.String() }),
    status: lit(OFFER_STATUSES),
    moderationNote: Type.Union([Type.Null(), Type.String()]),
    publishedAt: Type.Union([Type.Null(), Type.String()]),
    expiresAt: Type.Union([Type.Null(), Type.String()]),
    publicUrl: Type.Union([Type.Null(), Type.String()]),
  },
  { $id: 'JobOffer' },
);
