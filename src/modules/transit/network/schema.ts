import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
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
import { accounts } from '../../../platform/auth/schema.ts';
import { tenantColumns, tenantKey } from '../../../platform/db/tenancy.ts';
import { organisations } from '../../../platform/orgs/schema.ts';
import type { BookingRules, ServiceHours, ZoneGeometry } from './rules.ts';

// Tenant-owned: one on-demand service per organisation — its hours, calendar, booking rules and the
// parameters of the travel-time estimate. Booking takes a row lock on it (one booking decided at a time).
export const transitServices = pgTable(
  'transit_services',
  {
    ...tenantColumns(() => organisations.id),
    nameFr: text('name_fr').notNull(),
    nameEn: text('name_en').notNull(),
    phone: text('phone'),
    url: text('url'),
    /** Minutes from midnight, per ISO weekday (1 = Monday … 7 = Sunday). */
    hours: jsonb('hours').$type<ServiceHours>().notNull(),
    /** Dates (YYYY-MM-DD) without service (statutory holidays). */
    closedDates: text('closed_dates').array().notNull().default(sql`'{}'::text[]`),
    rules: jsonb('rules').$type<BookingRules>().notNull(),
    /** Road distance ÷ straight-line distance used by the default travel-time estimate. */
    detourFactor: doublePrecision('detour_factor').notNull().default(1.3),
    version: integer('version').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [tenantKey(t), uniqueIndex('transit_services_org_idx').on(t.orgId)],
);

// Tenant-owned: a service area (GeoJSON polygon) with the average speed driven in it.
export const transitZones = pgTable(
  'transit_zones',
  {
    ...tenantColumns(() => organisations.id),
    code: text('code').notNull(),
    nameFr: text('name_fr').notNull(),
    nameEn: text('name_en').notNull(),
    geometry: jsonb('geometry').$type<ZoneGeometry>().notNull(),
    speedKmh: doublePrecision('speed_kmh').notNull().default(35),
    active: boolean('active').notNull().default(true),
  },
  (t) => [tenantKey(t), uniqueIndex('transit_zones_code_idx').on(t.orgId, t.code)],
);

// Tenant-owned: a service point where riders are picked up and dropped off.
export const transitStops = pgTable(
  'transit_stops',
  {
    ...tenantColumns(() => organisations.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    zoneId: uuid('zone_id'),
    wheelchairAccessible: boolean('wheelchair_accessible').notNull().default(false),
    shelter: boolean('shelter').notNull().default(false),
    notes: text('notes').notNull().default(''),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    tenantKey(t),
    uniqueIndex('transit_stops_code_idx').on(t.orgId, t.code),
    foreignKey({
      name: 'transit_stops_zone_fk',
      columns: [t.orgId, t.zoneId],
      foreignColumns: [transitZones.orgId, transitZones.id],
    }),
  ],
);

export const FARE_KINDS = ['single', 'booklet', 'monthly_pass', 'membership'] as const;
export type FareKind = (typeof FARE_KINDS)[number];

// Tenant-owned: what riders can buy (single trip, booklet of rides, monthly pass, yearly membership).
export const transitFareProducts = pgTable(
  'transit_fare_products',
  {
    ...tenantColumns(() => organisations.id),
    code: text('code').notNull(),
    kind: text('kind', { enum: FARE_KINDS }).notNull(),
    nameFr: text('name_fr').notNull(),
    nameEn: text('name_en').notNull(),
    priceCents: integer('price_cents').notNull(),
    /** Rides in a booklet. */
    rides: integer('rides'),
    /** Days a pass or membership lasts. */
    validityDays: integer('validity_days'),
    /** Reduced fare (seniors, students, low income). */
    reduced: boolean('reduced').notNull().default(false),
    active: boolean('active').notNull().default(true),
  },
  (t) => [tenantKey(t), uniqueIndex('transit_fare_products_code_idx').on(t.orgId, t.code)],
);

// Tenant-owned: a taxi or minibus; its last reported position is kept here for the live board.
export const transitVehicles = pgTable(
  'transit_vehicles',
  {
    ...tenantColumns(() => organisations.id),
    label: text('label').notNull(),
    plate: text('plate').notNull().default(''),
    seats: integer('seats').notNull(),
    wheelchairPlaces: integer('wheelchair_places').notNull().default(0),
    active: boolean('active').notNull().default(true),
    lastLatitude: doublePrecision('last_latitude'),
    lastLongitude: doublePrecision('last_longitude'),
    lastBearing: doublePrecision('last_bearing'),
    lastSpeedKmh: doublePrecision('last_speed_kmh'),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
  },
  (t) => [tenantKey(t), uniqueIndex('transit_vehicles_label_idx').on(t.orgId, t.label)],
);

// Tenant-owned: a driver, linked to the account they sign in with.
export const transitDrivers = pgTable(
  'transit_drivers',
  {
    ...tenantColumns(() => organisations.id),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    phone: text('phone').notNull().default(''),
    active: boolean('active').notNull().default(true),
  },
  (t) => [tenantKey(t), index('transit_drivers_account_idx').on(t.orgId, t.accountId)],
);

export const SHIFT_STATUSES = ['planned', 'started', 'ended'] as const;

// Tenant-owned: a driver in a vehicle for a period, starting and ending at a depot.
export const transitShifts = pgTable(
  'transit_shifts',
  {
    ...tenantColumns(() => organisations.id),
    vehicleId: uuid('vehicle_id').notNull(),
    driverId: uuid('driver_id').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    depotLatitude: doublePrecision('depot_latitude').notNull(),
    depotLongitude: doublePrecision('depot_longitude').notNull(),
    status: text('status', { enum: SHIFT_STATUSES }).notNull().default('planned'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      name: 'transit_shifts_vehicle_fk',
      columns: [t.orgId, t.vehicleId],
      foreignColumns: [transitVehicles.orgId, transitVehicles.id],
    }),
    foreignKey({
      name: 'transit_shifts_driver_fk',
      columns: [t.orgId, t.driverId],
      foreignColumns: [transitDrivers.orgId, transitDrivers.id],
    }),
    index('transit_shifts_time_idx').on(t.orgId, t.startsAt),
  ],
);
