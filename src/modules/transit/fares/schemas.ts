import { Type } from 'typebox';
import { Nullable, Uuid } from '../../../platform/http/schemas.ts';

const Kind = Type.Union([
  Type.Literal('single'),
  Type.Literal('booklet'),
  Type.Literal('monthly_pass'),
  Type.Literal('membership'),
]);
const Status = Type.Union([
  Type.Literal('pending'),
  Type.Literal('active'),
  Type.Literal('used_up'),
  Type.Literal('expired'),
  Type.Literal('refunded'),
  Type.Literal('cancelled'),
]);
const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const FareProduct = Type.Object({
  id: Uuid,
  code: Type.String(),
  kind: Kind,
  nameFr: Type.String(),
  nameEn: Type.String(),
  priceCents: Type.Integer(),
  rides: Nullable(Type.Integer()),
  validityDays: Nullable(Type.Integer()),
  reduced: Type.Boolean(),
});

export const FareHolding = Type.Object({
  id: Uuid,
  product: Type.Object({
    id: Uuid,
    code: Type.String(),
    nameFr: Type.String(),
    nameEn: Type.String(),
    reduced: Type.Boolean(),
  }),
  kind: Kind,
  ridesTotal: Nullable(Type.Integer()),
  ridesLeft: Nullable(Type.Integer()),
  validFrom: Nullable(Type.String()),
  validUntil: Nullable(Type.String()),
  status: Status,
  order: Nullable(
    Type.Object({ id: Uuid, status: Type.String(), reference: Type.String(), totalCents: Type.Integer() }),
  ),
  holder: Type.Object({ accountId: Uuid, name: Type.String() }),
  createdAt: Type.String(),
});

export const PurchaseBody = Type.Object(
  {
    productId: Uuid,
    /** First valid day of a pass or membership (Quebec date); today when absent. */
    startDate: Type.Optional(LocalDate),
  },
  { additionalProperties: false },
);

export const HoldingsQuery = Type.Object({
  status: Type.Optional(Status),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
});
