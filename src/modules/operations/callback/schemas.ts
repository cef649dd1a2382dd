import { type TLiteral, type TSchema, type TUnion, Type } from 'typebox';
import { ALL_SLOTS, SHIFTS, WEEKDAYS } from './call-order.ts';
import { CONTACT_CHANNELS, NEED_STATUSES, OFFER_STATUSES } from './schema.ts';

/** A union of string literals that keeps each literal's type. */
function literals<const T extends readonly string[]>(
  values: T,
): TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }> {
  // map() loses the tuple's element types; the cast restores what the values are.
  return Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<{
    -readonly [K in keyof T]: TLiteral<T[K]>;
  }>;
}
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Iso = Type.String({ format: 'date-time' });
const IsoDate = Type.String({ format: 'date' });
const Text = (max: number, min = 0) => Type.String({ maxLength: max, minLength: min });
const Any = Type.Record(Type.String(), Type.Unknown());

export const SlotSchema = literals(ALL_SLOTS);
export const ChannelSchema = literals(CONTACT_CHANNELS);
export const NeedStatusSchema = literals(NEED_STATUSES);
export const OfferStatusSchema = literals(OFFER_STATUSES);
export { SHIFTS, WEEKDAYS };

export const RulesSchema = Type.Object(
  {
    seniorityBasis: literals(['hours', 'date'] as const),
    windows: Type.Array(
      Type.Object({
        withinHours: Type.Number({ minimum: 0, maximum: 8760 }),
        minutes: Type.Integer({ minimum: 1, maximum: 10080 }),
      }),
      { maxItems: 10 },
    ),
    defaultWindowMinutes: Type.Integer({ minimum: 1, maximum: 10080 }),
    maxHoursPerWeek: Nullable(Type.Number({ minimum: 1, maximum: 168 })),
    minRestHours: Type.Number({ minimum: 0, maximum: 72 }),
    refusalPolicy: literals(['free', 'limit'] as const),
    refusalLimit: Type.Integer({ minimum: 1, maximum: 100 }),
    periodDays: Type.Integer({ minimum: 1, maximum: 366 }),
    noAnswerCountsAsRefusal: Type.Boolean(),
    equalDistribution: Type.Boolean(),
    refusedHoursCount: Type.Boolean(),
    offersAtOnce: Type.Integer({ minimum: 1, maximum: 20 }),
    availabilityDeadlineDays: Type.Integer({ minimum: 0, maximum: 60 }),
  },
  { additionalProperties: false },
);

export const RulesRowSchema = Type.Object({
  jobClass: Type.String(),
  rules: RulesSchema,
  stored: Type.Boolean(),
});

export const EmployeeInputSchema = Type.Object(
  {
    employeeNumber: Text(40, 1),
    givenName: Text(100, 1),
    familyName: Text(100, 1),
    jobClasses: Type.Array(Text(80, 1), { minItems: 1, maxItems: 20 }),
    qualifications: Type.Optional(Type.Array(Text(80, 1), { maxItems: 40 })),
    seniorityHours: Type.Optional(Type.Number({ minimum: 0, maximum: 1_000_000 })),
    seniorityDate: Type.Optional(Nullable(IsoDate)),
    email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 254 }))),
    phone: Type.Optional(Nullable(Type.String({ pattern: '^\\+?[0-9 ()-]{7,20}$' }))),
    channels: Type.Optional(Type.Array(ChannelSchema, { maxItems: 4 })),
    locale: Type.Optional(literals(['fr', 'en'] as const)),
    active: Type.Optional(Type.Boolean()),
    accountEmail: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 254 }))),
  },
  { additionalProperties: false },
);

export const EmployeeSchema = Type.Object({
  id: Type.String(),
  employeeNumber: Type.String(),
  givenName: Type.String(),
  familyName: Type.String(),
  jobClasses: Type.Array(Type.String()),
  qualifications: Type.Array(Type.String()),
  seniorityHours: Type.Number(),
  seniorityDate: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  channels: Type.Array(Type.String()),
  locale: Type.String(),
  active: Type.Boolean(),
  linked: Type.Boolean(),
});

const AvailabilityVersion = Type.Object({
  effectiveFrom: Type.String(),
  slots: Type.Array(Type.String()),
  declaredAt: Type.String(),
});
const Absence = Type.Object({
  id: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  reason: Type.String(),
});
export const AvailabilityVersionSchema = AvailabilityVersion;
export const AbsenceSchema = Absence;

export const EmployeeFileSchema = Type.Object({
  ...EmployeeSchema.properties,
  availability: Type.Array(AvailabilityVersion),
  absences: Type.Array(Absence),
});

export const NeedInputSchema = Type.Object(
  {
    jobClass: Text(80, 1),
    startsAt: Iso,
    endsAt: Iso,
    place: Text(200, 1),
    qualifications: Type.Optional(Type.Array(Text(80, 1), { maxItems: 20 })),
    urgent: Type.Optional(Type.Boolean()),
    note: Type.Optional(Text(2000)),
  },
  { additionalProperties: false },
);

const needSummaryProps = {
  id: Type.String(),
  reference: Type.String(),
  jobClass: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  place: Type.String(),
  qualifications: Type.Array(Type.String()),
  urgent: Type.Boolean(),
  note: Type.String(),
  status: NeedStatusSchema,
  filledByName: Nullable(Type.String()),
  filledAt: Nullable(Type.String()),
  createdAt: Type.String(),
  pendingOffers: Type.Integer(),
};
export const NeedSummarySchema = Type.Object(needSummaryProps);

export const NeedDetailSchema = Type.Object({
  ...needSummaryProps,
  capacity: literals(['staff', 'union'] as const),
  rules: RulesSchema,
  offers: Type.Array(
    Type.Object({
      id: Type.String(),
      employeeId: Type.String(),
      employeeName: Nullable(Type.String()),
      employeeNumber: Nullable(Type.String()),
      rank: Type.Integer(),
      status: OfferStatusSchema,
      offeredAt: Type.String(),
      expiresAt: Type.String(),
      answeredAt: Nullable(Type.String()),
      answeredVia: Nullable(Type.String()),
    }),
  ),
  log: Type.Array(
    Type.Object({
      seq: Type.Integer(),
      at: Type.String(),
      kind: Type.String(),
      employeeId: Nullable(Type.String()),
      employeeName: Nullable(Type.String()),
      rank: Nullable(Type.Integer()),
      reason: Nullable(Type.String()),
      details: Any,
      hash: Type.String(),
    }),
  ),
  chain: Type.Object({ ok: Type.Boolean(), brokenAt: Nullable(Type.Integer()) }),
});

export const MyOfferSchema = Type.Object({
  id: Type.String(),
  status: OfferStatusSchema,
  offeredAt: Type.String(),
  expiresAt: Type.String(),
  answeredAt: Nullable(Type.String()),
  answeredVia: Nullable(Type.String()),
  need: Type.Object({
    reference: Type.String(),
    jobClass: Type.String(),
    place: Type.String(),
    startsAt: Type.String(),
    endsAt: Type.String(),
    status: NeedStatusSchema,
  }),
});

export const TokenOfferSchema = Type.Object({ ...MyOfferSchema.properties, givenName: Type.String() });

const SlotsVersion = Nullable(
  Type.Object({ effectiveFrom: Type.String(), slots: Type.Array(Type.String()) }),
);
export const MySpaceSchema = Type.Object({
  employee: Type.Object({
    givenName: Type.String(),
    familyName: Type.String(),
    employeeNumber: Type.String(),
    jobClasses: Type.Array(Type.String()),
    qualifications: Type.Array(Type.String()),
    seniorityHours: Type.Number(),
    seniorityDate: Nullable(Type.String()),
  }),
  ranks: Type.Array(
    Type.Object({ jobClass: Type.String(), rank: Type.Integer(), of: Type.Integer(), basis: Type.String() }),
  ),
  hours: Type.Object({
    thisWeek: Type.Number(),
    last28Days: Type.Number(),
    upcoming: Type.Array(
      Type.Object({
        reference: Type.String(),
        jobClass: Type.String(),
        place: Type.String(),
        startsAt: Type.String(),
        endsAt: Type.String(),
      }),
    ),
  }),
  availability: Type.Object({
    inEffect: SlotsVersion,
    coming: SlotsVersion,
    deadlineDays: Type.Integer(),
    nextChangeFrom: Type.String(),
  }),
  offers: Type.Array(MyOfferSchema),
});

export const ReportSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  needs: Type.Object({
    posted: Type.Integer(),
    filled: Type.Integer(),
    unfilled: Type.Integer(),
    cancelled: Type.Integer(),
    open: Type.Integer(),
  }),
  minutesToFill: Type.Object({
    median: Nullable(Type.Number()),
    max: Nullable(Type.Number()),
    values: Type.Array(Type.Number()),
  }),
  byJobClass: Type.Array(
    Type.Object({
      jobClass: Type.String(),
      posted: Type.Integer(),
      filled: Type.Integer(),
      unfilled: Type.Integer(),
    }),
  ),
  people: Type.Array(
    Type.Object({
      employeeId: Type.String(),
      name: Type.String(),
      employeeNumber: Type.String(),
      jobClasses: Type.Array(Type.String()),
      hours: Type.Number(),
      offers: Type.Integer(),
      accepted: Type.Integer(),
      refused: Type.Integer(),
      expired: Type.Integer(),
    }),
  ),
});

export const UnionRepSchema = Type.Object({
  id: Type.String(),
  union: Type.String(),
  email: Type.String(),
  name: Type.String(),
});
export const AccessSchema = Type.Object({
  staff: Type.Boolean(),
  union: Type.Boolean(),
  employee: Type.Boolean(),
});
