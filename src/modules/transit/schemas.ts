import { type TSchema, Type } from 'typebox';
import { Uuid } from '../../platform/http/schemas.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });

export const StopRefSchema = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  latitude: Type.Number(),
  longitude: Type.Number(),
  wheelchairAccessible: Type.Boolean(),
});

export const TripSchema = Type.Object(
  {
    id: Uuid,
    reference: Type.String(),
    status: Type.String(),
    timeMode: Type.String(),
    requestedTime: Type.String(),
    pickupStop: StopRefSchema,
    dropoffStop: StopRefSchema,
    passengers: Type.Integer(),
    wheelchairs: Type.Integer(),
    notes: Type.String(),
    riderName: Type.String(),
    riderPhone: Type.String(),
    promisedPickupStart: Type.String(),
    promisedPickupEnd: Type.String(),
    plannedPickupAt: Type.String(),
    expectedArrival: Type.String(),
    latestDropoffAt: Type.String(),
    vehicle: Nullable(Type.Object({ id: Uuid, label: Type.String() })),
    shiftId: Nullable(Uuid),
    returnOfTripId: Nullable(Uuid),
    fareCents: Type.Integer(),
    penaltyCents: Type.Integer(),
    order: Nullable(Type.Object({ id: Uuid, status: Type.String(), reference: Type.String() })),
    pickedUpAt: Nullable(Type.String()),
    droppedOffAt: Nullable(Type.String()),
    cancelledAt: Nullable(Type.String()),
  },
  { $id: 'TransitTrip' },
);

export const TripRef = Type.Ref('TransitTrip');

const TimeMode = Type.Union([Type.Literal('asap'), Type.Literal('leave_at'), Type.Literal('arrive_by')]);

export const BookBody = Type.Object(
  {
    pickupStopId: Uuid,
    dropoffStopId: Uuid,
    timeMode: TimeMode,
    time: Type.Optional(DateTime),
    passengers: Type.Integer({ minimum: 1, maximum: 8 }),
    wheelchairs: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 })),
    notes: Type.Optional(Type.String({ maxLength: 500 })),
    returnTime: Type.Optional(DateTime),
    /** A booklet or pass of the rider pays the trip (and its return); online by default. */
    payWith: Type.Optional(
      Type.Union([Type.Literal('online'), Type.Object({ holdingId: Uuid }, { additionalProperties: false })]),
    ),
  },
  { additionalProperties: false },
);

export const ChangeBody = Type.Object(
  {
    pickupStopId: Type.Optional(Uuid),
    dropoffStopId: Type.Optional(Uuid),
    timeMode: TimeMode,
    time: Type.Optional(DateTime),
    passengers: Type.Optional(Type.Integer({ minimum: 1, maximum: 8 })),
    wheelchairs: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 })),
    notes: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

/** Who phoned in: their account, or else a name and a number to call back. */
const Caller = Type.Object(
  {
    name: Type.String({ maxLength: 120 }),
    phone: Type.String({ maxLength: 30 }),
    accountId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const PhoneBookBody = Type.Object(
  { ...BookBody.properties, rider: Caller },
  { additionalProperties: false },
);

export const SeriesBody = Type.Object(
  {
    pickupStopId: Uuid,
    dropoffStopId: Uuid,
    timeMode: Type.Union([Type.Literal('leave_at'), Type.Literal('arrive_by')]),
    time: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, Quebec time' }),
    weekdays: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), {
      minItems: 1,
      maxItems: 7,
      description: 'ISO weekdays, 1 = Monday',
    }),
    startDate: Type.Optional(Type.String({ format: 'date' })),
    endDate: Type.Optional(Type.String({ format: 'date' })),
    weeks: Type.Optional(Type.Integer({ minimum: 1, maximum: 26 })),
    passengers: Type.Integer({ minimum: 1, maximum: 8 }),
    wheelchairs: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 })),
    notes: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const PhoneSeriesBody = Type.Object(
  { ...SeriesBody.properties, rider: Caller },
  { additionalProperties: false },
);

const AlternativeSchema = Type.Object({
  timeMode: Type.Literal('leave_at'),
  time: Type.String(),
  promisedPickupStart: Type.String(),
  promisedPickupEnd: Type.String(),
  expectedArrival: Type.String(),
});

/** What the answer of a series booking says about each date (the OpenAPI description of both routes). */
export const SERIES_OUTCOMES =
  'Idempotency-Key respected. Each date: booked, closed (holiday), no_service, too_far_ahead, too_soon, or unavailable with alternatives.';

export const SeriesResult = Type.Object({
  seriesId: Uuid,
  occurrences: Type.Array(
    Type.Object({
      date: Type.String(),
      outcome: Type.Union([
        Type.Literal('booked'),
        Type.Literal('closed'),
        Type.Literal('no_service'),
        Type.Literal('too_far_ahead'),
        Type.Literal('too_soon'),
        Type.Literal('unavailable'),
      ]),
      trip: Type.Optional(TripRef),
      alternatives: Type.Optional(Type.Array(AlternativeSchema)),
    }),
  ),
});

export const BookResult = Type.Object({ trip: TripRef, returnTrip: Nullable(TripRef) });

const Polygon = Type.Object({
  type: Type.Union([Type.Literal('Polygon'), Type.Literal('MultiPolygon')]),
  coordinates: Type.Array(Type.Any(), { minItems: 1, maxItems: 1000 }),
});

const code = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' });
const name = Type.String({ minLength: 1, maxLength: 200 });
const lat = Type.Number({ minimum: -90, maximum: 90 });
const lon = Type.Number({ minimum: -180, maximum: 180 });

/** Body of each network/fleet item (create: all required fields; update: the same object). */
export const NETWORK_BODIES = {
  zones: Type.Object(
    {
      code,
      nameFr: name,
      nameEn: name,
      geometry: Polygon,
      speedKmh: Type.Optional(Type.Number({ minimum: 5, maximum: 110 })),
      active: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false },
  ),
  stops: Type.Object(
    {
      code,
      name,
      latitude: lat,
      longitude: lon,
      zoneId: Type.Optional(Nullable(Uuid)),
      wheelchairAccessible: Type.Optional(Type.Boolean()),
      shelter: Type.Optional(Type.Boolean()),
      notes: Type.Optional(Type.String({ maxLength: 500 })),
      active: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false },
  ),
  fares: Type.Object(
    {
      code,
      kind: Type.Union([
        Type.Literal('single'),
        Type.Literal('booklet'),
        Type.Literal('monthly_pass'),
        Type.Literal('membership'),
      ]),
      nameFr: name,
      nameEn: name,
      priceCents: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
      rides: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 100 }))),
      validityDays: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 400 }))),
      reduced: Type.Optional(Type.Boolean()),
      active: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false },
  ),
  vehicles: Type.Object(
    {
      label: Type.String({ minLength: 1, maxLength: 60 }),
      plate: Type.Optional(Type.String({ maxLength: 20 })),
      seats: Type.Integer({ minimum: 1, maximum: 60 }),
      wheelchairPlaces: Type.Optional(Type.Integer({ minimum: 0, maximum: 6 })),
      active: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false },
  ),
  drivers: Type.Object(
    {
      name,
      phone: Type.Optional(Type.String({ maxLength: 30 })),
      accountId: Type.Optional(Nullable(Uuid)),
      active: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false },
  ),
  shifts: Type.Object(
    {
      vehicleId: Uuid,
      driverId: Uuid,
      startsAt: DateTime,
      endsAt: DateTime,
      depotLatitude: lat,
      depotLongitude: lon,
    },
    { additionalProperties: false },
  ),
} as const;

const Period = Type.Object({
  from: Type.Integer({ minimum: 0, maximum: 1800 }),
  to: Type.Integer({ minimum: 0, maximum: 1800 }),
});

export const ServiceBody = Type.Object(
  {
    nameFr: name,
    nameEn: name,
    phone: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
    url: Type.Optional(Nullable(Type.String({ format: 'uri', maxLength: 300 }))),
    hours: Type.Optional(
      Type.Record(Type.String({ pattern: '^[1-7]$' }), Type.Array(Period, { maxItems: 6 })),
    ),
    closedDates: Type.Optional(Type.Array(Type.String({ format: 'date' }), { maxItems: 100 })),
    rules: Type.Optional(
      Type.Object(
        {
          minNoticeMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_080 })),
          maxDaysAhead: Type.Optional(Type.Integer({ minimum: 0, maximum: 90 })),
          sameDayCutoffMinute: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1440 }))),
          pickupWindowMinutes: Type.Optional(Type.Integer({ minimum: 5, maximum: 60 })),
          maxRideFactor: Type.Optional(Type.Number({ minimum: 1, maximum: 5 })),
          maxRideExtraMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 120 })),
          lateCancelMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 1440 })),
          lateCancelPenaltyCents: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
          noShowPenaltyCents: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
          noShowWaitMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 60 })),
          arrivalNoticeMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
          singleFareCents: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
        },
        { additionalProperties: false },
      ),
    ),
    detourFactor: Type.Optional(Type.Number({ minimum: 1, maximum: 3 })),
  },
  { additionalProperties: false },
);

export const PositionsBody = Type.Object(
  {
    positions: Type.Array(
      Type.Object(
        {
          latitude: lat,
          longitude: lon,
          bearing: Type.Optional(Type.Number({ minimum: 0, maximum: 360 })),
          speedKmh: Type.Optional(Type.Number({ minimum: 0, maximum: 200 })),
          at: DateTime,
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);
