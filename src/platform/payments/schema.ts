import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from '../auth/schema.ts';
import { tenantColumns, tenantKey } from '../db/tenancy.ts';
import { organisations } from '../orgs/schema.ts';

/** Every state an order goes through (see state-machine.ts for the legal moves). */
export const ORDER_STATUSES = [
  'pending',
  'partially_paid',
  'paid',
  'failed',
  'cancelled',
  'partially_refunded',
  'refunded',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const PAYMENT_STATUSES = ['pending', 'succeeded', 'failed', 'cancelled'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const REFUND_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/** Payment providers: Stripe online, offline at the counter, and the demo sandbox. */
export const PROVIDERS = ['sandbox', 'stripe', 'offline'] as const;
export type ProviderName = (typeof PROVIDERS)[number];

export const PAYMENT_METHODS = ['card', 'cash', 'cheque', 'debit'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Sales taxes of Quebec: GST (TPS, federal) and QST (TVQ, provincial). */
export const TAX_CODES = ['gst', 'qst'] as const;
export type TaxCode = (typeof TAX_CODES)[number];

const money = (name: string) => integer(name).notNull().default(0);
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

// Tenant-owned: an organisation's payment settings (one row at most). Rates are in thousandths of a
// percent (5 % = 5000, 9.975 % = 9975) so that QST's three decimals stay an integer.
export const paymentSettings = pgTable(
  'payment_settings',
  {
    ...tenantColumns(() => organisations.id),
    gstNumber: text('gst_number'),
    qstNumber: text('qst_number'),
    gstRate: integer('gst_rate').notNull().default(5000),
    qstRate: integer('qst_rate').notNull().default(9975),
    /** Null means automatic: the sandbox is offered while Stripe is not configured. */
    sandboxEnabled: boolean('sandbox_enabled'),
    /** The organisation's own Stripe account; the installation's keys (environment) apply when null. */
    stripeSecretKey: text('stripe_secret_key'),
    stripeWebhookSecret: text('stripe_webhook_secret'),
    stripePublishableKey: text('stripe_publishable_key'),
    updatedAt: updatedAt(),
  },
  (t) => [tenantKey(t), uniqueIndex('payment_settings_org_key').on(t.orgId)],
);

// Tenant-owned: the fee catalogue (a product's price and whether GST/QST apply to it).
export const products = pgTable(
  'payment_products',
  {
    ...tenantColumns(() => organisations.id),
    code: text('code').notNull(),
    module: text('module').notNull(),
    nameFr: text('name_fr').notNull(),
    nameEn: text('name_en').notNull(),
    unitPriceCents: integer('unit_price_cents').notNull(),
    taxCodes: text('tax_codes').array().$type<TaxCode[]>().notNull().default(sql`'{}'::text[]`),
    active: boolean('active').notNull().default(true),
    updatedAt: updatedAt(),
  },
  (t) => [tenantKey(t), uniqueIndex('payment_products_org_code_key').on(t.orgId, t.code)],
);

// Tenant-owned: an order, with its amounts kept in step with its lines, payments and refunds.
export const orders = pgTable(
  'orders',
  {
    ...tenantColumns(() => organisations.id),
    reference: text('reference').notNull(),
    /** The person who pays online; null for a counter sale to someone without an account. */
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'restrict' }),
    customerName: text('customer_name'),
    status: text('status', { enum: ORDER_STATUSES }).notNull().default('pending'),
    subtotalCents: money('subtotal_cents'),
    gstCents: money('gst_cents'),
    qstCents: money('qst_cents'),
    totalCents: money('total_cents'),
    /** The rates in force when the order was made (receipts show them even after the rates change). */
    gstRate: integer('gst_rate').notNull(),
    qstRate: integer('qst_rate').notNull(),
    paidCents: money('paid_cents'),
    refundedCents: money('refunded_cents'),
    allowInstalments: boolean('allow_instalments').notNull().default(false),
    secondInstalmentDueAt: timestamp('second_instalment_due_at', { withTimezone: true }),
    /** Set once a test-mode provider (sandbox, Stripe test keys) took part: no real money moved. */
    testMode: boolean('test_mode').notNull().default(false),
    createdByAccountId: uuid('created_by_account_id').references(() => accounts.id),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantKey(t),
    uniqueIndex('orders_org_reference_key').on(t.orgId, t.reference),
    index('orders_org_created_idx').on(t.orgId, t.createdAt),
    index('orders_org_account_idx').on(t.orgId, t.accountId, t.createdAt),
    index('orders_org_status_idx').on(t.orgId, t.status, t.createdAt),
  ],
);

// Tenant-owned: what is sold, each line belonging to the module that added it.
export const orderLines = pgTable(
  'order_lines',
  {
    ...tenantColumns(() => organisations.id),
    orderId: uuid('order_id').notNull(),
    position: integer('position').notNull(),
    /** The module that sold it, e.g. `citizen.registration`, and its own id for the thing sold. */
    module: text('module').notNull(),
    reference: text('reference').notNull(),
    productCode: text('product_code'),
    descriptionFr: text('description_fr').notNull(),
    descriptionEn: text('description_en').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceCents: integer('unit_price_cents').notNull(),
    taxCodes: text('tax_codes').array().$type<TaxCode[]>().notNull().default(sql`'{}'::text[]`),
    subtotalCents: money('subtotal_cents'),
    gstCents: money('gst_cents'),
    qstCents: money('qst_cents'),
    totalCents: money('total_cents'),
  },
  (t) => [
    tenantKey(t),
    foreignKey({ columns: [t.orgId, t.orderId], foreignColumns: [orders.orgId, orders.id] }),
    index('order_lines_org_order_idx').on(t.orgId, t.orderId, t.position),
    index('order_lines_org_module_idx').on(t.orgId, t.module, t.reference),
  ],
);

// Tenant-owned: one attempt to collect money for an order (a card charge, cash at the counter …).
export const payments = pgTable(
  'payments',
  {
    ...tenantColumns(() => organisations.id),
    orderId: uuid('order_id').notNull(),
    provider: text('provider', { enum: PROVIDERS }).notNull(),
    method: text('method', { enum: PAYMENT_METHODS }).notNull(),
    amountCents: integer('amount_cents').notNull(),
    status: text('status', { enum: PAYMENT_STATUSES }).notNull().default('pending'),
    /** 1 for a payment in full or a first instalment, 2 for a second instalment. */
    instalment: integer('instalment').notNull().default(1),
    providerRef: text('provider_ref'),
    testMode: boolean('test_mode').notNull().default(false),
    cardLast4: text('card_last4'),
    failureCode: text('failure_code'),
    note: text('note'),
    recordedByAccountId: uuid('recorded_by_account_id').references(() => accounts.id),
    settledAt: timestamp('settled_at', { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantKey(t),
    foreignKey({ columns: [t.orgId, t.orderId], foreignColumns: [orders.orgId, orders.id] }),
    index('payments_org_order_idx').on(t.orgId, t.orderId),
    index('payments_org_settled_idx').on(t.orgId, t.settledAt),
    uniqueIndex('payments_org_provider_ref_key').on(t.orgId, t.provider, t.providerRef),
    // At most one payment in flight per order: two clicks never start two charges.
    uniqueIndex('payments_org_order_pending_key').on(t.orgId, t.orderId).where(sql`status = 'pending'`),
  ],
);

// Tenant-owned: money given back, always against one payment and never above what it collected.
export const refunds = pgTable(
  'refunds',
  {
    ...tenantColumns(() => organisations.id),
    orderId: uuid('order_id').notNull(),
    paymentId: uuid('payment_id').notNull(),
    amountCents: integer('amount_cents').notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: REFUND_STATUSES }).notNull().default('pending'),
    providerRef: text('provider_ref'),
    createdByAccountId: uuid('created_by_account_id').references(() => accounts.id),
    settledAt: timestamp('settled_at', { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantKey(t),
    foreignKey({ columns: [t.orgId, t.orderId], foreignColumns: [orders.orgId, orders.id] }),
    foreignKey({ columns: [t.orgId, t.paymentId], foreignColumns: [payments.orgId, payments.id] }),
    index('refunds_org_order_idx').on(t.orgId, t.orderId),
    index('refunds_org_settled_idx').on(t.orgId, t.settledAt),
    uniqueIndex('refunds_org_provider_ref_key').on(t.orgId, t.providerRef),
  ],
);

// Tenant-owned: the two instalments of an order paid in two parts.
export const orderInstalments = pgTable(
  'order_instalments',
  {
    ...tenantColumns(() => organisations.id),
    orderId: uuid('order_id').notNull(),
    number: integer('number').notNull(),
    amountCents: integer('amount_cents').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['due', 'paid', 'cancelled'] })
      .notNull()
      .default('due'),
    paymentId: uuid('payment_id'),
    /** Sandbox only: the public test card to charge at the due date (real card numbers never reach here). */
    sandboxCard: text('sandbox_card'),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
  },
  (t) => [
    tenantKey(t),
    foreignKey({ columns: [t.orgId, t.orderId], foreignColumns: [orders.orgId, orders.id] }),
    uniqueIndex('order_instalments_org_order_number_key').on(t.orgId, t.orderId, t.number),
    index('order_instalments_org_due_idx').on(t.orgId, t.status, t.dueAt),
  ],
);

// Tenant-owned, append-only (a trigger refuses updates): every state change of an order, its payments
// and refunds, with who or what caused it.
export const paymentEvents = pgTable(
  'payment_events',
  {
    ...tenantColumns(() => organisations.id),
    orderId: uuid('order_id').notNull(),
    paymentId: uuid('payment_id'),
    refundId: uuid('refund_id'),
    type: text('type').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    amountCents: integer('amount_cents'),
    source: text('source', { enum: ['client', 'webhook', 'staff', 'job', 'module', 'system'] }).notNull(),
    actorAccountId: uuid('actor_account_id'),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [
    tenantKey(t),
    foreignKey({ columns: [t.orgId, t.orderId], foreignColumns: [orders.orgId, orders.id] }),
    index('payment_events_org_order_idx').on(t.orgId, t.orderId, t.createdAt),
  ],
);

// Tenant-owned: each provider event (webhook) handled once; the unique key makes a replay a no-op.
export const providerEvents = pgTable(
  'provider_events',
  {
    ...tenantColumns(() => organisations.id),
    provider: text('provider', { enum: PROVIDERS }).notNull(),
    eventId: text('event_id').notNull(),
    type: text('type').notNull(),
    outcome: text('outcome').notNull(),
  },
  (t) => [tenantKey(t), uniqueIndex('provider_events_org_event_key').on(t.orgId, t.provider, t.eventId)],
);
