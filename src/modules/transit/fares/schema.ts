import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from '../../../platform/auth/schema.ts';
import { tenantColumns, tenantKey } from '../../../platform/db/tenancy.ts';
import { organisations } from '../../../platform/orgs/schema.ts';
import { orders } from '../../../platform/payments/schema.ts';
import { transitTrips } from '../bookings/schema.ts';
import { FARE_KINDS, transitFareProducts } from '../network/schema.ts';

export const HOLDING_STATUSES = ['pending', 'active', 'used_up', 'expired', 'refunded', 'cancelled'] as const;
export type HoldingStatus = (typeof HOLDING_STATUSES)[number];

// Tenant-owned: a fare product a rider bought (their wallet): a booklet's rides left, or the dates a pass
// or membership is valid. Pending until its order is paid; the payment hook activates it.
export const transitFareHoldings = pgTable(
  'transit_fare_holdings',
  {
    ...tenantColumns(() => organisations.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    productId: uuid('product_id').notNull(),
    kind: text('kind', { enum: FARE_KINDS }).notNull(),
    ridesTotal: integer('rides_total'),
    ridesLeft: integer('rides_left'),
    /** Quebec dates (YYYY-MM-DD), both included: when a pass or membership is valid. */
    validFrom: text('valid_from'),
    validUntil: text('valid_until'),
    status: text('status', { enum: HOLDING_STATUSES }).notNull().default('pending'),
    orderId: uuid('order_id'),
  },
  (t) => [
    tenantKey(t),
    index('transit_fare_holdings_account_idx').on(t.orgId, t.accountId, t.status),
    index('transit_fare_holdings_order_idx').on(t.orgId, t.orderId),
    check('transit_fare_holdings_rides_check', sql`${t.ridesLeft} IS NULL OR ${t.ridesLeft} >= 0`),
    foreignKey({
      name: 'transit_fare_holdings_product_fk',
      columns: [t.orgId, t.productId],
      foreignColumns: [transitFareProducts.orgId, transitFareProducts.id],
    }),
    foreignKey({
      name: 'transit_fare_holdings_order_fk',
      columns: [t.orgId, t.orderId],
      foreignColumns: [orders.orgId, orders.id],
    }),
  ],
);

// Tenant-owned: which holding paid a trip and how many booklet rides it took (0 for a pass), so that a
// cancellation in time gives them back exactly once (`returnedAt`).
export const transitFareUses = pgTable(
  'transit_fare_uses',
  {
    ...tenantColumns(() => organisations.id),
    holdingId: uuid('holding_id').notNull(),
    tripId: uuid('trip_id').notNull(),
    rides: integer('rides').notNull(),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
  },
  (t) => [
    tenantKey(t),
    uniqueIndex('transit_fare_uses_trip_idx').on(t.orgId, t.tripId),
    index('transit_fare_uses_holding_idx').on(t.orgId, t.holdingId),
    foreignKey({
      name: 'transit_fare_uses_holding_fk',
      columns: [t.orgId, t.holdingId],
      foreignColumns: [transitFareHoldings.orgId, transitFareHoldings.id],
    }),
    foreignKey({
      name: 'transit_fare_uses_trip_fk',
      columns: [t.orgId, t.tripId],
      foreignColumns: [transitTrips.orgId, transitTrips.id],
    }),
  ],
);
