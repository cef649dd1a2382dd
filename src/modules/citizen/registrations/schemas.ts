import { Type } from 'typebox';
import { Nullable, Uuid } from '../../../platform/http/schemas.ts';
import { PRICE_CATEGORIES, REGISTRATION_STATUSES } from './schema.ts';

const Bilingual = Type.Object({ fr: Type.String(), en: Type.String() });
export const RegistrationStatusSchema = Type.Union(REGISTRATION_STATUSES.map((s) => Type.Literal(s)));
export const PriceCategorySchema = Type.Union(PRICE_CATEGORIES.map((s) => Type.Literal(s)));

const registrationFields = {
  id: Type.String(),
  orgId: Type.String(),
  activityId: Type.String(),
  personId: Type.String(),
  givenName: Type.String(),
  familyName: Type.String(),
  status: RegistrationStatusSchema,
  waitlistPosition: Nullable(Type.Integer()),
  priceCategory: PriceCategorySchema,
  listPriceCents: Type.Integer(),
  discountPercent: Type.Integer(),
  amountCents: Type.Integer(),
  orderId: Nullable(Type.String()),
  holdExpiresAt: Nullable(Type.String()),
  offerExpiresAt: Nullable(Type.String()),
  confirmedAt: Nullable(Type.String()),
  cancelledAt: Nullable(Type.String()),
  refundCents: Nullable(Type.Integer()),
  source: Type.Union([Type.Literal('online'), Type.Literal('counter'), Type.Literal('phone')]),
  createdAt: Type.String(),
};

export const RegistrationSchema = Type.Object(registrationFields, { $id: 'CitizenRegistration' });

export const MyRegistrationSchema = Type.Object(
  {
    ...registrationFields,
    activity: Type.Object({
      code: Type.String(),
      title: Bilingual,
      startsOn: Type.String(),
      facility: Type.String(),
    }),
    town: Type.Object({ slug: Type.String(), name: Bilingual }),
  },
  { $id: 'CitizenMyRegistration' },
);

export const StaffRegistrationSchema = Type.Object(
  {
    ...registrationFields,
    birthDate: Nullable(Type.String()),
    ageAtReference: Nullable(Type.Integer()),
    guardian: Nullable(
      Type.Object({ name: Type.String(), email: Nullable(Type.String()), phone: Nullable(Type.String()) }),
    ),
  },
  { $id: 'CitizenStaffRegistration' },
);

export const CheckoutResultSchema = Type.Object(
  {
    registrations: Type.Array(Type.Ref('CitizenRegistration')),
    order: Nullable(
      Type.Object({
        id: Type.String(),
        reference: Type.String(),
        status: Type.String(),
        totalCents: Type.Integer(),
        allowInstalments: Type.Boolean(),
      }),
    ),
  },
  { $id: 'CitizenCheckoutResult' },
);

export const CartItemSchema = Type.Object(
  { activityId: Uuid, personId: Uuid },
  { additionalProperties: false },
);

export const CheckoutBody = Type.Object(
  {
    items: Type.Array(CartItemSchema, { minItems: 1, maxItems: 20 }),
    acceptWaitlist: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const CounterBody = Type.Object(
  {
    accountId: Uuid,
    items: Type.Array(CartItemSchema, { minItems: 1, maxItems: 20 }),
    acceptWaitlist: Type.Optional(Type.Boolean()),
    source: Type.Union([Type.Literal('counter'), Type.Literal('phone')]),
    payment: Type.Optional(
      Nullable(Type.Union([Type.Literal('cash'), Type.Literal('debit'), Type.Literal('cheque')])),
    ),
    instalments: Type.Optional(Type.Union([Type.Literal(1), Type.Literal(2)])),
  },
  { additionalProperties: false },
);

export const StaffActivityRowSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  title: Bilingual,
  category: Type.String(),
  status: Type.String(),
  startsOn: Type.String(),
  capacity: Type.Integer(),
  taken: Type.Integer(),
  confirmed: Type.Integer(),
  held: Type.Integer(),
  offered: Type.Integer(),
  waitlisted: Type.Integer(),
  revenueCents: Type.Integer(),
});

export const ReportSchema = Type.Object({
  byActivity: Type.Array(
    Type.Object({
      id: Type.String(),
      code: Type.String(),
      title: Bilingual,
      capacity: Type.Integer(),
      taken: Type.Integer(),
      fillPercent: Type.Number(),
      waitlisted: Type.Integer(),
      revenueCents: Type.Integer(),
    }),
  ),
  byAgeGroup: Type.Array(
    Type.Object({ group: Type.String(), registrations: Type.Integer(), revenueCents: Type.Integer() }),
  ),
  byTown: Type.Array(
    Type.Object({
      townId: Nullable(Type.String()),
      name: Nullable(Bilingual),
      registrations: Type.Integer(),
      revenueCents: Type.Integer(),
    }),
  ),
  totals: Type.Object({
    capacity: Type.Integer(),
    taken: Type.Integer(),
    waitlisted: Type.Integer(),
    revenueCents: Type.Integer(),
  }),
});

export const HouseholdLookupSchema = Type.Object({
  accountId: Type.String(),
  standing: PriceCategorySchema,
  members: Type.Array(
    Type.Object({
      id: Type.String(),
      role: Type.Union([Type.Literal('guardian'), Type.Literal('dependant')]),
      givenName: Type.String(),
      familyName: Type.String(),
      birthDate: Nullable(Type.String()),
    }),
  ),
});

export const ExportQuery = Type.Object({
  format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('xlsx')])),
});
