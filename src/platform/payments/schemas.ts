import { Type } from 'typebox';
import { Email } from '../http/schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const literals = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));

export const OrderStatusSchema = literals([
  'pending',
  'partially_paid',
  'paid',
  'failed',
  'cancelled',
  'partially_refunded',
  'refunded',
] as const);
export const ProviderSchema = literals(['sandbox', 'stripe', 'offline'] as const);
export const TaxCodeSchema = literals(['gst', 'qst'] as const);
const Cents = Type.Integer({ minimum: 0 });
const Bilingual = Type.Object({ fr: Type.String(), en: Type.String() });
const Instant = Type.String({ format: 'date-time' });

/** An order as every payments route returns it. */
export const OrderSchema = Type.Object(
  {
    id: Type.String(),
    orgId: Type.String(),
    reference: Type.String(),
    status: OrderStatusSchema,
    testMode: Type.Boolean({ description: 'Mode test : aucun paiement réel / Test mode: no real payment' }),
    currency: Type.Literal('CAD'),
    accountId: Nullable(Type.String()),
    customerName: Nullable(Type.String()),
    subtotalCents: Cents,
    gstCents: Cents,
    qstCents: Cents,
    totalCents: Cents,
    gstRate: Type.Integer({ description: 'millièmes de pour cent / thousandths of a percent (5000 = 5 %)' }),
    qstRate: Type.Integer({
      description: 'millièmes de pour cent / thousandths of a percent (9975 = 9.975 %)',
    }),
    paidCents: Cents,
    refundedCents: Cents,
    balanceCents: Cents,
    allowInstalments: Type.Boolean(),
    secondInstalmentDueAt: Nullable(Instant),
    createdAt: Instant,
    updatedAt: Instant,
    lines: Type.Array(
      Type.Object({
        id: Type.String(),
        module: Type.String(),
        reference: Type.String(),
        productCode: Nullable(Type.String()),
        description: Bilingual,
        quantity: Type.Integer(),
        unitPriceCents: Cents,
        taxCodes: Type.Array(TaxCodeSchema),
        subtotalCents: Cents,
        gstCents: Cents,
        qstCents: Cents,
        totalCents: Cents,
      }),
    ),
    payments: Type.Array(
      Type.Object({
        id: Type.String(),
        provider: ProviderSchema,
        method: literals(['card', 'cash', 'cheque', 'debit'] as const),
        amountCents: Cents,
        status: literals(['pending', 'succeeded', 'failed', 'cancelled'] as const),
        instalment: Type.Integer(),
        testMode: Type.Boolean(),
        cardLast4: Nullable(Type.String()),
        failureCode: Nullable(Type.String()),
        note: Nullable(Type.String()),
        createdAt: Instant,
        settledAt: Nullable(Instant),
      }),
    ),
    refunds: Type.Array(
      Type.Object({
        id: Type.String(),
        paymentId: Type.String(),
        amountCents: Cents,
        reason: Type.String(),
        status: literals(['pending', 'succeeded', 'failed'] as const),
        createdAt: Instant,
        settledAt: Nullable(Instant),
      }),
    ),
    instalments: Type.Array(
      Type.Object({
        number: Type.Integer(),
        amountCents: Cents,
        dueAt: Instant,
        status: literals(['due', 'paid', 'cancelled'] as const),
      }),
    ),
  },
  { $id: 'Order' },
);

/** The answer to a pay or confirm request. */
export const PayResultSchema = Type.Object({
  outcome: literals(['succeeded', 'failed', 'requires_action'] as const),
  testMode: Type.Boolean({ description: 'Mode test : aucun paiement réel / Test mode: no real payment' }),
  payment: Type.Object({
    id: Type.String(),
    provider: literals(['sandbox', 'stripe'] as const),
    amountCents: Cents,
    instalment: Type.Integer(),
    failureCode: Nullable(Type.String()),
  }),
  clientSecret: Nullable(Type.String({ description: 'Stripe.js: confirmCardPayment(clientSecret)' })),
  publishableKey: Nullable(Type.String()),
  order: Type.Ref('Order'),
});

export const PayBody = Type.Object(
  {
    provider: literals(['sandbox', 'stripe'] as const),
    card: Type.Optional(
      Type.Object(
        { number: Type.String({ minLength: 12, maxLength: 23, pattern: '^[0-9 -]+$' }) },
        { additionalProperties: false, description: 'Bac à sable seulement / Sandbox only' },
      ),
    ),
    instalments: Type.Optional(Type.Union([Type.Literal(1), Type.Literal(2)])),
  },
  { additionalProperties: false },
);

const Module = Type.String({ pattern: '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$', maxLength: 80 });

export const OrderLineBody = Type.Object(
  {
    module: Module,
    reference: Type.String({ minLength: 1, maxLength: 200 }),
    productCode: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    description: Type.Optional(
      Type.Object(
        {
          fr: Type.String({ minLength: 1, maxLength: 300 }),
          en: Type.String({ minLength: 1, maxLength: 300 }),
        },
        { additionalProperties: false },
      ),
    ),
    quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    unitPriceCents: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
    taxCodes: Type.Optional(Type.Array(TaxCodeSchema, { maxItems: 2, uniqueItems: true })),
  },
  { additionalProperties: false },
);

export const CounterOrderBody = Type.Object(
  {
    lines: Type.Array(OrderLineBody, { minItems: 1, maxItems: 100 }),
    accountEmail: Type.Optional(Email),
    customerName: Type.Optional(Type.String({ maxLength: 200 })),
    allowInstalments: Type.Optional(Type.Boolean()),
    secondInstalmentDueAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);

export const ReconciliationSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  rows: Type.Array(
    Type.Object({
      day: Type.String(),
      provider: ProviderSchema,
      module: Type.String(),
      testMode: Type.Boolean(),
      paymentCount: Type.Integer(),
      refundCount: Type.Integer(),
      collectedCents: Type.Integer(),
      refundedCents: Type.Integer(),
      netCents: Type.Integer(),
    }),
  ),
  totals: Type.Object({
    live: Type.Object({
      collectedCents: Type.Integer(),
      refundedCents: Type.Integer(),
      netCents: Type.Integer(),
    }),
    test: Type.Object({
      collectedCents: Type.Integer(),
      refundedCents: Type.Integer(),
      netCents: Type.Integer(),
    }),
  }),
});

export const SettingsSchema = Type.Object({
  gstNumber: Nullable(Type.String()),
  qstNumber: Nullable(Type.String()),
  gstRate: Type.Integer(),
  qstRate: Type.Integer(),
  sandboxSetting: Nullable(Type.Boolean()),
  sandboxEnabled: Type.Boolean(),
  stripeConfigured: Type.Boolean(),
  stripeTestMode: Type.Boolean(),
  stripeKeysFromOrganisation: Type.Boolean(),
  stripeWebhookConfigured: Type.Boolean(),
  stripePublishableKey: Nullable(Type.String()),
});

const Rate = Type.Integer({ minimum: 0, maximum: 100_000 });
export const SettingsBody = Type.Object(
  {
    gstNumber: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    qstNumber: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    gstRate: Type.Optional(Rate),
    qstRate: Type.Optional(Rate),
    sandboxEnabled: Type.Optional(Nullable(Type.Boolean())),
    stripe: Type.Optional(
      Nullable(
        Type.Object(
          {
            secretKey: Type.String({ pattern: '^(sk|rk)_(test|live)_[A-Za-z0-9_]+$', maxLength: 300 }),
            webhookSecret: Type.String({ pattern: '^whsec_[A-Za-z0-9_]+$', maxLength: 300 }),
            publishableKey: Type.String({ pattern: '^pk_(test|live)_[A-Za-z0-9_]+$', maxLength: 300 }),
          },
          { additionalProperties: false },
        ),
      ),
    ),
  },
  { additionalProperties: false },
);

export const ProductSchema = Type.Object({
  code: Type.String(),
  module: Type.String(),
  name: Bilingual,
  unitPriceCents: Cents,
  taxCodes: Type.Array(TaxCodeSchema),
  active: Type.Boolean(),
});

export const ProductBody = Type.Object(
  {
    module: Module,
    name: Type.Object(
      {
        fr: Type.String({ minLength: 1, maxLength: 300 }),
        en: Type.String({ minLength: 1, maxLength: 300 }),
      },
      { additionalProperties: false },
    ),
    unitPriceCents: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
    taxCodes: Type.Array(TaxCodeSchema, { maxItems: 2, uniqueItems: true }),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const PaymentOptionsSchema = Type.Object({
  providers: Type.Array(
    Type.Object({
      provider: literals(['sandbox', 'stripe'] as const),
      testMode: Type.Boolean(),
      publishableKey: Nullable(Type.String()),
    }),
  ),
  testCards: Type.Array(Type.Object({ number: Type.String(), outcome: Type.String() })),
});
