import { sql } from 'drizzle-orm';
import {
  date,
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
import { households, persons } from '../../../platform/people/schema.ts';
import { activities } from '../activities/schema.ts';

/**
 * Where a registration stands. A place is counted in the activity's `taken` while the registration is
 * `pending_payment` (held until paid or its hold expires), `confirmed` or `offered` (a freed place kept
 * for the next person on the waitlist until the offer expires).
 */
export const REGISTRATION_STATUSES = [
  'pending_payment',
  'confirmed',
  'waitlisted',
  'offered',
  'cancelled',
  'expired',
  'offer_expired',
  'offer_declined',
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** Statuses that hold a place. */
export const HOLDS_PLACE: readonly RegistrationStatus[] = ['pending_payment', 'confirmed', 'offered'];
/** Statuses that count as "already registered" (a person is in the activity or on its waitlist). */
export const ACTIVE: readonly RegistrationStatus[] = [
  'pending_payment',
  'confirmed',
  'waitlisted',
  'offered',
];

/** Which price a participant pays. */
export const PRICE_CATEGORIES = ['resident', 'partner', 'non_resident'] as const;
export type PriceCategory = (typeof PRICE_CATEGORIES)[number];

// Tenant-owned: one person in one activity (or on its waitlist). The participant's name and birth date
// are copied so that attendance lists and reports stay right after a household changes.
export const registrations = pgTable(
  'citizen_registrations',
  {
    ...tenantColumns(() => organisations.id),
    activityId: uuid('activity_id').notNull(),
    // Restrict: a dependant with registrations cannot be removed from a household (household.dependant_in_use).
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'restrict' }),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'restrict' }),
    /** The account that registered (the guardian, or null for a counter registration without an account). */
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    birthDate: date('birth_date'),
    status: text('status', { enum: REGISTRATION_STATUSES }).notNull(),
    /** Arrival order on the waitlist; kept after an offer so that reports can show it. */
    waitlistPosition: integer('waitlist_position'),
    priceCategory: text('price_category', { enum: PRICE_CATEGORIES }).notNull(),
    /** The town whose residency gave the price (null for non-residents). */
    residentOrgId: uuid('resident_org_id'),
    ageAtReference: integer('age_at_reference'),
    listPriceCents: integer('list_price_cents').notNull(),
    discountPercent: integer('discount_percent').notNull().default(0),
    amountCents: integer('amount_cents').notNull(),
    orderId: uuid('order_id'),
    holdExpiresAt: timestamp('hold_expires_at', { withTimezone: true }),
    offerExpiresAt: timestamp('offer_expires_at', { withTimezone: true }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledByAccountId: uuid('cancelled_by_account_id').references(() => accounts.id),
    refundCents: integer('refund_cents'),
    source: text('source', { enum: ['online', 'counter', 'phone'] })
      .notNull()
      .default('online'),
    createdByAccountId: uuid('created_by_account_id').references(() => accounts.id),
    /** Set once the confirmation e-mail (with the receipt link) was queued. */
    confirmationSentAt: timestamp('confirmation_sent_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      name: 'citizen_registrations_activity_fk',
      columns: [t.orgId, t.activityId],
      foreignColumns: [activities.orgId, activities.id],
    }),
    // "Already registered" is refused by the database itself, whatever the interleaving.
    uniqueIndex('citizen_registrations_active_key')
      .on(t.orgId, t.activityId, t.personId)
      .where(sql`${t.status} IN ('pending_payment', 'confirmed', 'waitlisted', 'offered')`),
    index('citizen_registrations_activity_idx').on(t.orgId, t.activityId, t.status, t.waitlistPosition),
    index('citizen_registrations_account_idx').on(t.orgId, t.accountId, t.createdAt),
    index('citizen_registrations_household_idx').on(t.orgId, t.householdId, t.status),
    index('citizen_registrations_order_idx').on(t.orgId, t.orderId),
    index('citizen_registrations_hold_idx').on(t.orgId, t.status, t.holdExpiresAt),
    index('citizen_registrations_offer_idx').on(t.orgId, t.status, t.offerExpiresAt),
  ],
);

export type RegistrationRow = typeof registrations.$inferSelect;
