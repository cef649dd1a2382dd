import { Type } from 'typebox';
import { Nullable, Uuid } from '../../../platform/http/schemas.ts';

export const Bilingual = Type.Object({ fr: Type.String(), en: Type.String() });
// One type list, not a union: Ajv's coercion would turn a null (no lower or upper bound, no position) into 0.
const Num = Nullable(Type.Number());
export const OrgParams = Type.Object({ orgId: Uuid });
export const StationParams = Type.Object({ orgId: Uuid, stationId: Uuid });
export const GrainSchema = Type.Union([Type.Literal('hour'), Type.Literal('day'), Type.Literal('month')]);
export const FormatSchema = Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]);

export const ThresholdSchema = Type.Object({
  id: Type.String(),
  min: Num,
  max: Num,
  severity: Type.Union([Type.Literal('alarm'), Type.Literal('report')]),
  basis: Type.String(),
  active: Type.Boolean(),
});

export const MeasureSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Bilingual,
  unit: Type.String(),
  validMin: Num,
  validMax: Num,
  latest: Type.Union([Type.Object({ at: Type.String(), value: Type.Number() }), Type.Null()]),
  thresholds: Type.Array(ThresholdSchema),
});

export const StationSchema = Type.Object(
  {
    id: Type.String(),
    code: Type.String(),
    name: Bilingual,
    kind: Type.String(),
    latitude: Num,
    longitude: Num,
    populationServed: Type.Union([Type.Integer(), Type.Null()]),
    networkExtremity: Type.Boolean(),
    directions: Type.Array(Type.String()),
    active: Type.Boolean(),
    measures: Type.Array(MeasureSchema),
  },
  { $id: 'OpsStation' },
);

export const MeasureInputSchema = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z0-9_]+$' }),
    unit: Type.Optional(Type.String({ maxLength: 20 })),
    validMin: Type.Optional(Num),
    validMax: Type.Optional(Num),
  },
  { additionalProperties: false },
);

export const StationInputSchema = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 40 }),
    nameFr: Type.String({ minLength: 1, maxLength: 200 }),
    nameEn: Type.String({ minLength: 1, maxLength: 200 }),
    kind: Type.String({ minLength: 1, maxLength: 40 }),
    latitude: Type.Optional(Type.Union([Type.Number({ minimum: -90, maximum: 90 }), Type.Null()])),
    longitude: Type.Optional(Type.Union([Type.Number({ minimum: -180, maximum: 180 }), Type.Null()])),
    populationServed: Type.Optional(
      Type.Union([Type.Integer({ minimum: 0, maximum: 10_000_000 }), Type.Null()]),
    ),
    networkExtremity: Type.Optional(Type.Boolean()),
    directions: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 4 }), { maxItems: 8 })),
    active: Type.Optional(Type.Boolean()),
    measures: Type.Optional(Type.Array(MeasureInputSchema, { maxItems: 40 })),
  },
  { additionalProperties: false },
);

export const KindSchema = Type.Object({ code: Type.String(), name: Bilingual, builtIn: Type.Boolean() });

export const RawReadingSchema = Type.Object(
  {
    measure: Type.String({ minLength: 1, maxLength: 40 }),
    observedAt: Type.String({ minLength: 4, maxLength: 40 }),
    value: Type.Union([Type.Number(), Type.String({ maxLength: 40 })]),
    direction: Type.Optional(Type.String({ maxLength: 4 })),
  },
  { additionalProperties: false },
);

export const IngestResultSchema = Type.Object({
  inserted: Type.Integer(),
  duplicates: Type.Integer(),
  alarmsOpened: Type.Integer(),
});

export const MappingSchema = Type.Object(
  {
    observedAt: Type.Union([Type.String({ maxLength: 200 }), Type.Null()]),
    measure: Type.Union([Type.String({ maxLength: 200 }), Type.Null()]),
    value: Type.Union([Type.String({ maxLength: 200 }), Type.Null()]),
    direction: Type.Union([Type.String({ maxLength: 200 }), Type.Null()]),
    measureColumns: Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const ImportSchema = Type.Object({
  id: Type.String(),
  stationId: Type.String(),
  fileName: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  columns: Type.Array(Type.String()),
  mapping: MappingSchema,
  total: Type.Integer(),
  processed: Type.Integer(),
  inserted: Type.Integer(),
  duplicates: Type.Integer(),
  errorCount: Type.Integer(),
  errors: Type.Array(Type.Object({ line: Type.Integer(), code: Type.String(), message: Type.String() })),
  sample: Type.Array(Type.Record(Type.String(), Type.String())),
  valid: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
});

export const DeviceSchema = Type.Object({
  id: Type.String(),
  stationId: Type.String(),
  name: Type.String(),
  tokenPrefix: Type.String(),
  createdAt: Type.String(),
  lastSeenAt: Type.Union([Type.String(), Type.Null()]),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
});

const PointSchema = Type.Object({
  bucket: Type.String(),
  n: Type.Integer(),
  sum: Type.Number(),
  mean: Type.Number(),
  min: Type.Number(),
  max: Type.Number(),
});
const TotalsSchema = Type.Object({ n: Type.Integer(), sum: Type.Number(), mean: Num, min: Num, max: Num });

export const SeriesSchema = Type.Object({
  measure: Type.Object({
    id: Type.String(),
    code: Type.String(),
    name: Bilingual,
    unit: Type.String(),
    station: Type.Object({ id: Type.String(), code: Type.String(), name: Bilingual }),
  }),
  grain: GrainSchema,
  from: Type.String(),
  to: Type.String(),
  points: Type.Array(PointSchema),
  totals: TotalsSchema,
  comparison: Type.Union([
    Type.Object({
      from: Type.String(),
      to: Type.String(),
      points: Type.Array(PointSchema),
      totals: TotalsSchema,
      change: Type.Object({ sum: Num, mean: Num }),
    }),
    Type.Null(),
  ]),
});

export const SeriesQuery = Type.Object({
  grain: GrainSchema,
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  direction: Type.Optional(Type.String({ maxLength: 4 })),
  compareFrom: Type.Optional(Type.String({ format: 'date-time' })),
});
