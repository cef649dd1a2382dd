import {
  boolean,
  doublePrecision,
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
import { transitShifts, transitStops, transitVehicles } from '../network/schema.ts';

export const TRIP_STATUSES = [
  'confirmed',
  'arrived',
  'onboard',
  'completed',
  'cancelled',
  'no_show',
] as const;
export type TripStatus = (typeof TRIP_STATUSES)[number];
export const TIME_MODES = ['asap', 'leave_at', 'arrive_by'] as const;
export type TimeMode = (typeof TIME_MODES)[number];

export const SERIES_STATUSES = ['active', 'cancelled'] as const;

// Tenant-owned: a weekly recurring trip (same stops and time on chosen weekdays until an end date). Each
// occurrence is an ordinary trip (seriesId) booked through the same path; the series keeps what was asked.
export const transitTripSeries = pgTable(
  'transit_trip_series',
  {
    ...tenantColumns(() => organisations.id),
    riderAccountId: uuid('rider_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    pickupStopId: uuid('pickup_stop_id').notNull(),
    dropoffStopId: uuid('dropoff_stop_id').notNull(),
    timeMode: text('time_mode', { enum: ['leave_at', 'arrive_by'] }).notNull(),
    /** Local time of day (HH:MM, Quebec) of each occurrence. */
    localTime: text('local_time').notNull(),
    /** ISO weekdays (1 = Monday … 7 = Sunday). */
    weekdays: integer('weekdays').array().notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    passengers: integer('passengers').notNull(),
    wheelchairs: integer('wheelchairs').notNull().default(0),
    notes: text('notes').notNull().default(''),
    status: text('status', { enum: SERIES_STATUSES }).notNull().default('active'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [tenantKey(t), index('transit_trip_series_rider_idx').on(t.orgId, t.riderAccountId)],
);

// Tenant-owned: one booked trip of a rider (with their party) from a stop to a stop, the promise made
// (pickup window, latest arrival) and the shift (vehicle) that carries it. `pickupOrder`/`dropoffOrder`
// are the positions of its two stops in that shift's planned route.
export const transitTrips = pgTable(
  'transit_trips',
  {
    ...tenantColumns(() => organisations.id),
    reference: text('reference').notNull(),
    riderAccountId: uuid('rider_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    /** Name and phone of a rider who called (booked by staff without an account). */
    riderName: text('rider_name').notNull().default(''),
    riderPhone: text('rider_phone').notNull().default(''),
    bookedByAccountId: uuid('booked_by_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    pickupStopId: uuid('pickup_stop_id').notNull(),
    dropoffStopId: uuid('dropoff_stop_id').notNull(),
    timeMode: text('time_mode', { enum: TIME_MODES }).notNull(),
    requestedTime: timestamp('requested_time', { withTimezone: true }).notNull(),
    passengers: integer('passengers').notNull(),
    wheelchairs: integer('wheelchairs').notNull().default(0),
    notes: text('notes').notNull().default(''),
    shiftId: uuid('shift_id'),
    vehicleId: uuid('vehicle_id'),
    pickupOrder: integer('pickup_order').notNull().default(0),
    dropoffOrder: integer('dropoff_order').notNull().default(0),
    promisedPickupStart: timestamp('promised_pickup_start', { withTimezone: true }).notNull(),
    promisedPickupEnd: timestamp('promised_pickup_end', { withTimezone: true }).notNull(),
    plannedPickupAt: timestamp('planned_pickup_at', { withTimezone: true }).notNull(),
    plannedDropoffAt: timestamp('planned_dropoff_at', { withTimezone: true }).notNull(),
    latestDropoffAt: timestamp('latest_dropoff_at', { withTimezone: true }).notNull(),
    maxRideMinutes: doublePrecision('max_ride_minutes').notNull(),
    status: text('status', { enum: TRIP_STATUSES }).notNull().default('confirmed'),
    returnOfTripId: uuid('return_of_trip_id'),
    /** The weekly series this trip is an occurrence of. */
    seriesId: uuid('series_id'),
    fareCents: integer('fare_cents').notNull().default(0),
    orderId: uuid('order_id'),
    penaltyCents: integer('penalty_cents').notNull().default(0),
    arrivedAt: timestamp('arrived_at', { withTimezone: true }),
    pickedUpAt: timestamp('picked_up_at', { withTimezone: true }),
    droppedOffAt: timestamp('dropped_off_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    arrivalNoticeSent: boolean('arrival_notice_sent').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantKey(t),
    uniqueIndex('transit_trips_reference_idx').on(t.orgId, t.reference),
    index('transit_trips_rider_idx').on(t.orgId, t.riderAccountId, t.promisedPickupStart),
    index('transit_trips_shift_idx').on(t.orgId, t.shiftId, t.status),
    index('transit_trips_time_idx').on(t.orgId, t.promisedPickupStart),
    foreignKey({
      name: 'transit_trips_pickup_fk',
      columns: [t.orgId, t.pickupStopId],
      foreignColumns: [transitStops.orgId, transitStops.id],
    }),
    foreignKey({
      name: 'transit_trips_dropoff_fk',
      columns: [t.orgId, t.dropoffStopId],
      foreignColumns: [transitStops.orgId, transitStops.id],
    }),
    foreignKey({
      name: 'transit_trips_shift_fk',
      columns: [t.orgId, t.shiftId],
      foreignColumns: [transitShifts.orgId, transitShifts.id],
    }),
    foreignKey({
      name: 'transit_trips_vehicle_fk',
      columns: [t.orgId, t.vehicleId],
      foreignColumns: [transitVehicles.orgId, transitVehicles.id],
    }),
    foreignKey({
      name: 'transit_trips_order_fk',
      columns: [t.orgId, t.orderId],
      foreignColumns: [orders.orgId, orders.id],
    }),
    foreignKey({
      name: 'transit_trips_series_fk',
      columns: [t.orgId, t.seriesId],
      foreignColumns: [transitTripSeries.orgId, transitTripSeries.id],
    }),
    index('transit_trips_series_idx').on(t.orgId, t.seriesId),
  ],
);

// Tenant-owned: positions reported by a vehicle's driver app (kept for the day's indicators and replay).
export const transitPositions = pgTable(
  'transit_positions',
  {
    ...tenantColumns(() => organisations.id),
    vehicleId: uuid('vehicle_id').notNull(),
    shiftId: uuid('shift_id'),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    bearing: doublePrecision('bearing'),
    speedKmh: doublePrecision('speed_kmh'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    tenantKey(t),
    index('transit_positions_vehicle_idx').on(t.orgId, t.vehicleId, t.recordedAt),
    foreignKey({
      name: 'transit_positions_vehicle_fk',
      columns: [t.orgId, t.vehicleId],
      foreignColumns: [transitVehicles.orgId, transitVehicles.id],
    }),
  ],
);

export const REQUEST_OUTCOMES = ['accepted', 'alternatives', 'refused'] as const;
export type RequestOutcome = (typeof REQUEST_OUTCOMES)[number];

// Tenant-owned: the service's answer to each booking request that reached the solver (a trip booked,
// other times offered, or nothing possible), kept for the acceptance rate. A refused request leaves no
// trip behind, so this is the only trace of it; rule violations (too soon, closed) are not decisions.
export const transitBookingRequests = pgTable(
  'transit_booking_requests',
  {
    ...tenantColumns(() => organisations.id),
    /** Quebec date (YYYY-MM-DD) of the time asked for: the day the indicators count it in. */
    serviceDate: text('service_date').notNull(),
    outcome: text('outcome', { enum: REQUEST_OUTCOMES }).notNull(),
    passengers: integer('passengers').notNull(),
    tripId: uuid('trip_id'),
  },
  (t) => [tenantKey(t), index('transit_booking_requests_day_idx').on(t.orgId, t.serviceDate)],
);
