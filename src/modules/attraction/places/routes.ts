import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Ok, Uuid } from '../../../platform/http/schemas.ts';
import { staffRecordRoutes } from '../site/staff-records.ts';
import { deletePlace, listStaffPlaces, saveBoundary, savePlace } from './manage-places.ts';
import {
  regionBoundaryMap,
  regionDirectory,
  regionEmployer,
  regionPlace,
  regionPlaces,
} from './public-api.ts';
import { BoundaryInput, MapPlaceSchema, PlaceInput, StaffPlace } from './schemas.ts';

const err = { $ref: 'Error#' };
const tags = ['attraction: territory map'];
const errors = { 400: err, 401: err, 403: err, 404: err, 409: err, 422: err };
const Org = Type.Object({ orgId: Type.String({ pattern: '^[a-z0-9-]{2,60}$' }) });
const Q = Type.Optional(Type.String({ maxLength: 100 }));
const Place = Type.Ref('RegionMapPlace');

/** The map of the territory (public) and its places and outlines (staff); the employer directory (public). */
export const placeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;
  app.addSchema(MapPlaceSchema);

  app.get(
    '/orgs/:orgId/region/places',
    {
      schema: {
        tags,
        summary: 'Lieux de la carte (public) / Map places (public)',
        params: Org,
        querystring: Type.Object({
          category: Type.Optional(
            Type.Array(
              Type.String({ pattern: '^(services|schools|health|daycare|leisure|housing_help|employers)$' }),
              { maxItems: 7 },
            ),
          ),
          q: Q,
          municipality: Q,
        }),
        response: {
          200: Type.Object({
            items: Type.Array(Place),
            categories: Type.Array(Type.String()),
            municipalities: Type.Array(
              Type.Object({
                id: Type.String(),
                slug: Type.String(),
                name: Type.Object({ fr: Type.String(), en: Type.String() }),
              }),
            ),
          }),
          404: err,
        },
      },
    },
    async (request) =>
      regionPlaces({
        db,
        org: request.params.orgId,
        categories: request.query.category,
        q: request.query.q,
        municipality: request.query.municipality,
      }),
  );
  app.get(
    '/orgs/:orgId/region/places/:slug',
    {
      schema: {
        tags,
        summary: 'Un lieu (public) / One place (public)',
        params: Type.Object({
          orgId: Org.properties.orgId,
          slug: Type.String({ pattern: '^[a-z0-9-]{2,80}$' }),
        }),
        response: { 200: Place, 404: err },
      },
    },
    async (request) => regionPlace({ db, org: request.params.orgId, slug: request.params.slug }),
  );
  app.get(
    '/orgs/:orgId/region/boundaries',
    {
      schema: {
        tags,
        summary: 'Contours des municipalités (GeoJSON) / Municipal outlines (GeoJSON)',
        params: Org,
        response: { 404: err },
      },
    },
    async (request) => regionBoundaryMap({ db, org: request.params.orgId }),
  );
  app.get(
    '/orgs/:orgId/region/employers',
    {
      schema: {
        tags,
        summary: 'Bottin des employeurs (public) / Employer directory (public)',
        params: Org,
        querystring: Type.Object({
          q: Q,
          naics: Type.Optional(Type.String({ pattern: '^[0-9]{2,6}$' })),
          municipality: Q,
          housingHelp: Type.Optional(Type.Boolean()),
          relocationHelp: Type.Optional(Type.Boolean()),
        }),
        response: { 404: err },
      },
    },
    async (request) => regionDirectory({ db, org: request.params.orgId, filters: request.query }),
  );
  app.get(
    '/orgs/:orgId/region/employers/:slug',
    {
      schema: {
        tags,
        summary: 'Un employeur et ses offres (public) / One employer and its offers (public)',
        params: Type.Object({
          orgId: Org.properties.orgId,
          slug: Type.String({ pattern: '^[a-z0-9-]{2,80}$' }),
        }),
        response: { 404: err },
      },
    },
    async (request) => regionEmployer({ db, org: request.params.orgId, slug: request.params.slug }),
  );

  staffRecordRoutes(app, {
    path: '/orgs/:orgId/region/staff/places',
    idParam: 'placeId',
    tags,
    summaries: {
      list: 'Tous les lieux (personnel) / All places (staff)',
      add: 'Ajouter un lieu / Add a place',
      change: 'Modifier un lieu / Change a place',
    },
    body: PlaceInput,
    view: StaffPlace,
    errors,
    list: (c) => listStaffPlaces({ db, ...c }),
    save: (c) => savePlace({ db, ...c, placeId: c.id }),
  });
  const SP = Type.Object({ orgId: Uuid, placeId: Uuid });
  app.delete(
    '/orgs/:orgId/region/staff/places/:placeId',
    {
      schema: {
        tags,
        summary: 'Retirer un lieu / Remove a place',
        params: SP,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) =>
      deletePlace({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        placeId: request.params.placeId,
        ip: request.ip,
      }),
  );
  app.put(
    '/orgs/:orgId/region/staff/boundaries/:municipalityId',
    {
      schema: {
        tags,
        summary: 'Contour d’une municipalité / A municipality’s outline',
        params: Type.Object({ orgId: Uuid, municipalityId: Uuid }),
        body: BoundaryInput,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) =>
      saveBoundary({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        municipalityOrgId: request.params.municipalityId,
        input: request.body,
        ip: request.ip,
      }),
  );
};
