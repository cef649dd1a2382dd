import { Type } from 'typebox';
import { Nullable, Uuid } from '../../../platform/http/schemas.ts';
import { CATEGORIES } from './schema.ts';

const Bilingual = Type.Object({ fr: Type.String(), en: Type.String() });
export const CategorySchema = Type.Union(CATEGORIES.map((c) => Type.Literal(c)));
const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });
export const SlotSchema = Type.Object(
  { weekday: Type.Integer({ minimum: 1, maximum: 7 }), start: Time, end: Time },
  { additionalProperties: false },
);
const FamilyDiscountSchema = Type.Object(
  { nth: Type.Integer({ minimum: 2, maximum: 10 }), percent: Type.Integer({ minimum: 0, maximum: 100 }) },
  { additionalProperties: false },
);

export const SeasonSchema = Type.Object(
  {
    id: Type.String(),
    orgId: Type.String(),
    name: Bilingual,
    startsOn: Type.String(),
    endsOn: Type.String(),
    residentOpensAt: Type.String(),
    nonResidentOpensAt: Type.String(),
    closesAt: Type.String(),
    familyDiscounts: Type.Array(Type.Object({ nth: Type.Integer(), percent: Type.Integer() })),
    holdMinutes: Type.Integer(),
    offerHours: Type.Integer(),
    waitingRoom: Nullable(
      Type.Object({ perMinute: Type.Integer(), from: Type.String(), until: Type.String() }),
    ),
  },
  { $id: 'CitizenSeason' },
);

export const ActivitySchema = Type.Object(
  {
    id: Type.String(),
    orgId: Type.String(),
    town: Type.Object({ slug: Type.String(), name: Bilingual }),
    season: Type.Object({ id: Type.String(), name: Bilingual }),
    code: Type.String(),
    category: CategorySchema,
    title: Bilingual,
    description: Bilingual,
    facility: Type.String(),
    instructor: Nullable(Type.String()),
    schedule: Type.Array(Type.Object({ weekday: Type.Integer(), start: Type.String(), end: Type.String() })),
    startsOn: Type.String(),
    endsOn: Type.String(),
    minAge: Nullable(Type.Integer()),
    maxAge: Nullable(Type.Integer()),
    ageReferenceDate: Type.String(),
    capacity: Type.Integer(),
    placesLeft: Type.Integer(),
    waitlistCount: Type.Integer(),
    prices: Type.Object({
      residentCents: Type.Integer(),
      partnerCents: Type.Integer(),
      nonResidentCents: Type.Integer(),
    }),
    allowInstalments: Type.Boolean(),
    cancellation: Type.Object({
      fullRefundDaysBefore: Type.Integer(),
      refundPercentAfter: Type.Integer(),
      feeCents: Type.Integer(),
    }),
    windows: Type.Object({
      residentOpensAt: Type.String(),
      nonResidentOpensAt: Type.String(),
      closesAt: Type.String(),
    }),
    status: Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('cancelled')]),
  },
  { $id: 'CitizenActivity' },
);

const Name = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });
const Day = Type.String({ format: 'date' });
const Moment = Type.String({ format: 'date-time' });
const Cents = Type.Integer({ minimum: 0, maximum: 10_000_000 });

export const SeasonBody = Type.Object(
  {
    nameFr: Name,
    nameEn: Name,
    startsOn: Day,
    endsOn: Day,
    residentOpensAt: Moment,
    nonResidentOpensAt: Moment,
    closesAt: Moment,
    familyDiscounts: Type.Optional(Type.Array(FamilyDiscountSchema, { maxItems: 10 })),
    holdMinutes: Type.Optional(Type.Integer({ minimum: 5, maximum: 7 * 24 * 60 })),
    offerHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 14 * 24 })),
    waitingRoom: Type.Optional(
      Nullable(
        Type.Object(
          { perMinute: Type.Integer({ minimum: 1, maximum: 100_000 }), from: Moment, until: Moment },
          { additionalProperties: false },
        ),
      ),
    ),
  },
  { additionalProperties: false },
);

export const ActivityBody = Type.Object(
  {
    seasonId: Uuid,
    code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' }),
    category: CategorySchema,
    titleFr: Name,
    titleEn: Name,
    descriptionFr: Type.String({ maxLength: 5000 }),
    descriptionEn: Type.String({ maxLength: 5000 }),
    facility: Name,
    instructor: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    schedule: Type.Array(SlotSchema, { maxItems: 14 }),
    startsOn: Day,
    endsOn: Day,
    minAge: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 120 }))),
    maxAge: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 120 }))),
    ageReferenceDate: Type.Optional(Nullable(Day)),
    capacity: Type.Integer({ minimum: 0, maximum: 100_000 }),
    priceResidentCents: Cents,
    pricePartnerCents: Cents,
    priceNonResidentCents: Cents,
    allowInstalments: Type.Optional(Type.Boolean()),
    refundFullDaysBefore: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
    refundPercentAfter: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    cancellationFeeCents: Type.Optional(Cents),
    status: Type.Optional(
      Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('cancelled')]),
    ),
  },
  { additionalProperties: false },
);

export const CatalogueQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  perPage: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  category: Type.Optional(CategorySchema),
  seasonId: Type.Optional(Uuid),
  age: Type.Optional(Type.Integer({ minimum: 0, maximum: 120 })),
  weekday: Type.Optional(Type.Integer({ minimum: 1, maximum: 7 })),
  from: Type.Optional(Time),
  to: Type.Optional(Time),
  townId: Type.Optional(Uuid),
  placesLeft: Type.Optional(Type.Boolean()),
});
