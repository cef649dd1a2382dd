import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
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
import { tenantColumns, tenantKey } from '../../../platform/db/tenancy.ts';
import { organisations } from '../../../platform/orgs/schema.ts';

/** The kinds of activities a recreation department offers. */
export const CATEGORIES = ['sport', 'loisir', 'culture', 'camp_de_jour'] as const;
export type Category = (typeof CATEGORIES)[number];

/** A family discount: the n-th child of a household registered in a season pays `percent` less. */
export interface FamilyDiscount {
  nth: number;
  percent: number;
}

/** One weekly meeting of an activity (ISO weekday 1 = Monday … 7 = Sunday, times in Quebec). */
export interface WeeklySlot {
  weekday: number;
  start: string;
  end: string;
}

// Tenant-owned: a registration season ("Automne 2026") with its windows, discount rules and waiting room.
export const seasons = pgTable(
  'citizen_seasons',
  {
    ...tenantColumns(() => organisations.id),
    nameFr: text('name_fr').notNull(),
    nameEn: text('name_en').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    /** Residents (and residents of partner towns) may register from this moment. */
    residentOpensAt: timestamp('resident_opens_at', { withTimezone: true }).notNull(),
    /** Everyone else from this later moment. */
    nonResidentOpensAt: timestamp('non_resident_opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    familyDiscounts: jsonb('family_discounts').$type<FamilyDiscount[]>().notNull().default([]),
    /** How long an unpaid registration holds its place. */
    holdMinutes: integer('hold_minutes').notNull().default(30),
    /** How long a waitlist offer stays open. */
    offerHours: integer('offer_hours').notNull().default(48),
    /** Admissions per minute of the opening-day waiting room; null means no waiting room. */
    waitingRoomPerMinute: integer('waiting_room_per_minute'),
    /** The waiting room hands out places in the queue from this moment until `waitingRoomUntil`. */
    waitingRoomFrom: timestamp('waiting_room_from', { withTimezone: true }),
    waitingRoomUntil: timestamp('waiting_room_until', { withTimezone: true }),
    /** Queue state: the last position handed out and when the next person may be admitted. */
    queueSeq: bigint('queue_seq', { mode: 'number' }).notNull().default(0),
    queueNextAdmitAt: timestamp('queue_next_admit_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantKey(t),
    index('citizen_seasons_org_starts_idx').on(t.orgId, t.startsOn),
    check('citizen_seasons_windows', sql`${t.residentOpensAt} <= ${t.nonResidentOpensAt}`),
  ],
);

// Tenant-owned: an activity of a season, with its places counted in `taken` (never above capacity).
export const activities = pgTable(
  'citizen_activities',
  {
    ...tenantColumns(() => organisations.id),
    seasonId: uuid('season_id').notNull(),
    code: text('code').notNull(),
    category: text('category', { enum: CATEGORIES }).notNull(),
    titleFr: text('title_fr').notNull(),
    titleEn: text('title_en').notNull(),
    descriptionFr: text('description_fr').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    facility: text('facility').notNull(),
    instructor: text('instructor'),
    schedule: jsonb('schedule').$type<WeeklySlot[]>().notNull().default([]),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    minAge: integer('min_age'),
    maxAge: integer('max_age'),
    /** Ages are computed on this date (e.g. 30 September for minor hockey). */
    ageReferenceDate: date('age_reference_date').notNull(),
    capacity: integer('capacity').notNull(),
    taken: integer('taken').notNull().default(0),
    /** The last waitlist position handed out (positions only grow, so order is arrival order). */
    waitlistSeq: integer('waitlist_seq').notNull().default(0),
    priceResidentCents: integer('price_resident_cents').notNull(),
    pricePartnerCents: integer('price_partner_cents').notNull(),
    priceNonResidentCents: integer('price_non_resident_cents').notNull(),
    allowInstalments: boolean('allow_instalments').notNull().default(false),
    /** Cancellation rules: full refund until this many days before the start, then `refundPercentAfter`. */
    refundFullDaysBefore: integer('refund_full_days_before').notNull().default(7),
    refundPercentAfter: integer('refund_percent_after').notNull().default(50),
    /** Kept back from every refund (administration fee). */
    cancellationFeeCents: integer('cancellation_fee_cents').notNull().default(0),
    status: text('status', { enum: ['draft', 'published', 'cancelled'] })
      .notNull()
      .default('published'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      name: 'citizen_activities_season_fk',
      columns: [t.orgId, t.seasonId],
      foreignColumns: [seasons.orgId, seasons.id],
    }),
    uniqueIndex('citizen_activities_org_code_key').on(t.orgId, t.seasonId, t.code),
    index('citizen_activities_org_season_idx').on(t.orgId, t.seasonId, t.category),
    // The database itself refuses overbooking, behind the conditional UPDATE that takes places.
    check('citizen_activities_places', sql`${t.taken} >= 0 AND ${t.taken} <= ${t.capacity}`),
    check(
      'citizen_activities_ages',
      sql`${t.minAge} IS NULL OR ${t.maxAge} IS NULL OR ${t.minAge} <= ${t.maxAge}`,
    ),
  ],
);

export type SeasonRow = typeof seasons.$inferSelect;
export type ActivityRow = typeof activities.$inferSelect;
