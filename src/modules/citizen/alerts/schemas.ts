import { type Static, Type } from 'typebox';
import { Uuid } from '../../../platform/http/schemas.ts';
import { CAP_STATUSES, CERTAINTIES, MSG_TYPES, SEVERITIES, URGENCIES } from './schema.ts';

/** A string among `values` (typed as their union; an `enum` in the schema). */
const lit = <T extends string>(values: readonly T[]) => Type.Unsafe<T>(Type.String({ enum: [...values] }));
const Text = (max: number) =>
  Type.Object(
    { fr: Type.String({ minLength: 1, maxLength: max }), en: Type.String({ minLength: 1, maxLength: max }) },
    { additionalProperties: false },
  );
const LatLon = Type.Tuple([
  Type.Number({ minimum: -90, maximum: 90 }),
  Type.Number({ minimum: -180, maximum: 180 }),
]);

const Ring = Type.Array(LatLon, { minItems: 3, maxItems: 500 });
const Territory = Type.Object({ kind: Type.Literal('territory') }, { additionalProperties: false });
const Polygon = Type.Object({ kind: Type.Literal('polygon'), points: Ring }, { additionalProperties: false });
const Circle = Type.Object(
  {
    kind: Type.Literal('circle'),
    center: LatLon,
    radiusKm: Type.Number({ exclusiveMinimum: 0, maximum: 200 }),
  },
  { additionalProperties: false },
);

/** A named sector of the organisation (as listed, and as an alert keeps a copy of it). */
export const SectorSchema = Type.Object({ id: Uuid, name: Text(120), points: Ring });
export const SectorInput = Type.Object({ name: Text(120), points: Ring }, { additionalProperties: false });

/** The area staff choose: sectors are named by id, and the alert keeps a copy of their outlines. */
export const AreaInputSchema = Type.Union([
  Territory,
  Polygon,
  Circle,
  Type.Object(
    {
      kind: Type.Literal('sectors'),
      sectorIds: Type.Array(Uuid, { minItems: 1, maxItems: 50, uniqueItems: true }),
    },
    { additionalProperties: false },
  ),
]);

/** The area an alert applies to, as stored and published. */
export const AreaSchema = Type.Union([
  Territory,
  Polygon,
  Circle,
  Type.Object({ kind: Type.Literal('sectors'), sectors: Type.Array(SectorSchema) }),
]);

export const AlertInput = Type.Object(
  {
    eventCode: Type.String({ minLength: 1, maxLength: 40 }),
    urgency: lit(URGENCIES),
    severity: lit(SEVERITIES),
    certainty: lit(CERTAINTIES),
    headline: Text(160),
    description: Text(4000),
    instruction: Text(2000),
    areaDesc: Text(300),
    area: AreaInputSchema,
    expiresAt: Type.String({ format: 'date-time' }),
    /** A test goes to staff only, marked as such everywhere (CAP status `Test`). */
    test: Type.Boolean(),
    /** Wait for a second authorised person before sending. */
    requireApproval: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type AlertInput = Static<typeof AlertInput>;

export const AlertSchema = Type.Object({
  id: Uuid,
  rootId: Uuid,
  referencesId: Type.Union([Uuid, Type.Null()]),
  msgType: lit(MSG_TYPES),
  status: lit(CAP_STATUSES),
  state: Type.String(),
  active: Type.Boolean(),
  eventCode: Type.String(),
  event: Text(200),
  urgency: Type.String(),
  severity: Type.String(),
  certainty: Type.String(),
  headline: Text(160),
  description: Text(4000),
  instruction: Text(2000),
  areaDesc: Text(300),
  area: AreaSchema,
  expiresAt: Type.String(),
  sentAt: Type.Union([Type.String(), Type.Null()]),
  supersededAt: Type.Union([Type.String(), Type.Null()]),
  createdBy: Type.Union([Uuid, Type.Null()]),
  approvedBy: Type.Union([Uuid, Type.Null()]),
  recipients: Type.Integer(),
  capUrl: Type.Union([Type.String(), Type.Null()]),
});

const Counts = Type.Object({
  queued: Type.Integer(),
  sent: Type.Integer(),
  failed: Type.Integer(),
  bounced: Type.Integer(),
});
export const DeliverySchema = Type.Object({
  recipients: Type.Integer(),
  processed: Type.Integer(),
  skipped: Type.Integer(),
  messages: Type.Integer(),
  percent: Type.Integer(),
  done: Type.Boolean(),
  totals: Counts,
  channels: Type.Object({ email: Counts, sms: Counts, push: Counts, inapp: Counts }),
});
