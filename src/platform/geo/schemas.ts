// TypeBox schemas of the addresses and maps API (shared by its route files).
import { type TSchema, Type } from 'typebox';
import { NullableString, Uuid } from '../http/schemas.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const OrgParams = Type.Object({ orgId: Uuid });
export const ImportParams = Type.Object({ orgId: Uuid, importId: Uuid });

const addressParts = {
  civicNumber: Type.Integer(),
  civicSuffix: Nullable(Type.String()),
  streetType: Nullable(Type.String()),
  streetName: Type.String(),
  unit: Nullable(Type.String()),
  municipality: Nullable(Type.String()),
  postalCode: Nullable(Type.String()),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
};

/** An address of the register, with its one-line label. */
export const AddressSchema = Type.Object({ id: Type.String(), label: Type.String(), ...addressParts });

export const AddressMatchSchema = Type.Object({
  id: Type.String(),
  label: Type.String(),
  ...addressParts,
  score: Type.Number(),
});

export const SearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 200 }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
});

export const ReverseQuery = Type.Object({
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  lon: Type.Number({ minimum: -180, maximum: 180 }),
});

// null: no column for this field (a union would let Ajv's coercion turn it into "", an unknown column).
const column = NullableString({ maxLength: 200 });
export const MappingSchema = Type.Object({
  address: column,
  civicNumber: column,
  civicSuffix: column,
  streetType: column,
  street: column,
  unit: column,
  municipality: column,
  postalCode: column,
  latitude: column,
  longitude: column,
});
export const MappingInput = Type.Object(
  { mapping: Type.Partial(MappingSchema, { additionalProperties: false }) },
  { additionalProperties: false },
);

/** A line error of an import, its message in the reader's language. */
export const LineErrorSchema = Type.Object({
  line: Type.Integer(),
  code: Type.String(),
  message: Type.String(),
});

export const ImportPreviewSchema = Type.Object({
  id: Type.String(),
  status: Type.Literal('previewed'),
  format: Type.Union([Type.Literal('csv'), Type.Literal('geojson')]),
  fileName: Nullable(Type.String()),
  delimiter: Nullable(Type.String()),
  columns: Type.Array(Type.String()),
  mapping: MappingSchema,
  mappingComplete: Type.Boolean(),
  total: Type.Integer(),
  checked: Type.Integer(),
  valid: Type.Integer(),
  errorCount: Type.Integer(),
  errors: Type.Array(LineErrorSchema),
  sample: Type.Array(Type.Object({ line: Type.Integer(), address: Type.Object(addressParts) })),
});

export const ImportProgressSchema = Type.Object({
  id: Type.String(),
  status: Type.Union(['previewed', 'queued', 'running', 'done', 'failed'].map((s) => Type.Literal(s))),
  format: Type.Union([Type.Literal('csv'), Type.Literal('geojson')]),
  fileName: Nullable(Type.String()),
  columns: Type.Array(Type.String()),
  mapping: MappingSchema,
  total: Type.Integer(),
  processed: Type.Integer(),
  percent: Type.Integer(),
  inserted: Type.Integer(),
  updated: Type.Integer(),
  errorCount: Type.Integer(),
  errors: Type.Array(LineErrorSchema),
  createdAt: Type.String(),
  startedAt: Nullable(Type.String()),
  finishedAt: Nullable(Type.String()),
});

export const Bilingual = Type.Object({ fr: Type.String(), en: Type.String() });

/** A GeoJSON FeatureCollection (RFC 7946); geometries and properties pass through as they are. */
export const FeatureCollectionSchema = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      id: Type.Optional(Type.Union([Type.String(), Type.Number()])),
      geometry: Type.Unknown(),
      properties: Type.Unknown(),
    }),
  ),
  truncated: Type.Optional(Type.Boolean()),
});

export const MapConfigSchema = Type.Object({
  tileUrl: Nullable(Type.String()),
  attribution: Nullable(Type.String()),
});
