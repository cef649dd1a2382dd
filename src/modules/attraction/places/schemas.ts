import { Type } from 'typebox';
import { NullableString, Uuid } from '../../../platform/http/schemas.ts';

export const PlaceSlug = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 2, maxLength: 80 });
export const MapCategory = Type.String({
  pattern: '^(services|schools|health|daycare|leisure|housing_help|employers)$',
});

/** What staff send for a place. */
export const PlaceInput = Type.Object(
  {
    slug: PlaceSlug,
    category: Type.String({ pattern: '^(services|schools|health|daycare|leisure|housing_help)$' }),
    nameFr: Type.String({ minLength: 1, maxLength: 160 }),
    nameEn: Type.String({ minLength: 1, maxLength: 160 }),
    descriptionFr: Type.String({ maxLength: 2000 }),
    descriptionEn: Type.String({ maxLength: 2000 }),
    address: Type.String({ maxLength: 300 }),
    municipalityOrgId: Type.Union([Uuid, Type.Null()]),
    latitude: Type.Number({ minimum: -90, maximum: 90 }),
    longitude: Type.Number({ minimum: -180, maximum: 180 }),
    phone: NullableString({ maxLength: 40 }),
    website: Type.Union([Type.String({ format: 'uri', pattern: '^https?://', maxLength: 300 }), Type.Null()]),
    published: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type PlaceInputT = Type.Static<typeof PlaceInput>;

const Bilingual = Type.Object({ fr: Type.String(), en: Type.String() });
export const MapPlaceSchema = Type.Object(
  {
    slug: Type.String(),
    category: Type.String(),
    name: Bilingual,
    description: Bilingual,
    address: Type.String(),
    municipality: Type.Union([Type.Object({ slug: Type.String(), name: Bilingual }), Type.Null()]),
    latitude: Type.Number(),
    longitude: Type.Number(),
    phone: Type.Union([Type.String(), Type.Null()]),
    website: Type.Union([Type.String(), Type.Null()]),
    path: Type.String(),
  },
  { $id: 'RegionMapPlace' },
);

export const StaffPlace = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  category: Type.String(),
  nameFr: Type.String(),
  nameEn: Type.String(),
  descriptionFr: Type.String(),
  descriptionEn: Type.String(),
  address: Type.String(),
  municipalityOrgId: Type.Union([Type.String(), Type.Null()]),
  latitude: Type.Number(),
  longitude: Type.Number(),
  phone: Type.Union([Type.String(), Type.Null()]),
  website: Type.Union([Type.String(), Type.Null()]),
  published: Type.Boolean(),
});

const Ring = Type.Array(Type.Array(Type.Number(), { minItems: 2, maxItems: 3 }), {
  minItems: 4,
  maxItems: 5000,
});
/** A member municipality's outline (GeoJSON Polygon or MultiPolygon in WGS 84). */
export const BoundaryInput = Type.Object(
  {
    geometry: Type.Union([
      Type.Object({
        type: Type.Literal('Polygon'),
        coordinates: Type.Array(Ring, { minItems: 1, maxItems: 50 }),
      }),
      Type.Object({
        type: Type.Literal('MultiPolygon'),
        coordinates: Type.Array(Type.Array(Ring, { minItems: 1, maxItems: 50 }), {
          minItems: 1,
          maxItems: 50,
        }),
      }),
    ]),
    approximate: Type.Boolean(),
    source: Type.String({ maxLength: 300 }),
  },
  { additionalProperties: false },
);
export type BoundaryInputT = Type.Static<typeof BoundaryInput>;
