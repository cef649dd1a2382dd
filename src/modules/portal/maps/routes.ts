import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid } from '../../../platform/http/schemas.ts';
import { literals } from '../permits/schemas.ts';
import { importZoning } from './import-zoning.ts';
import { mapExtent } from './map-extent.ts';
import './messages.ts';
import { PLACE_CATEGORIES } from './categories.ts';
import { savePlace } from './save-place.ts';

const err = { $ref: 'Error#' };
const tags = ['portal: map'];
const OrgParams = Type.Object({ orgId: Uuid });
const PlaceInput = Type.Object(
  {
    category: literals(PLACE_CATEGORIES),
    nameFr: Type.String({ minLength: 2, maxLength: 120 }),
    nameEn: Type.String({ minLength: 2, maxLength: 120 }),
    address: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    latitude: Type.Number({ minimum: -90, maximum: 90 }),
    longitude: Type.Number({ minimum: -180, maximum: 180 }),
  },
  { additionalProperties: false },
);

/** The citizen map's own data: its extent, the zoning plan (GeoJSON import) and points of interest. */
export const mapRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;

  app.get(
    '/orgs/:orgId/portal/map/extent',
    {
      schema: {
        tags,
        summary: 'Étendue de la carte citoyenne / Extent of the citizen map',
        params: OrgParams,
        response: {
          200: Type.Object({
            bbox: Type.Union([
              Type.Tuple([Type.Number(), Type.Number(), Type.Number(), Type.Number()]),
              Type.Null(),
            ]),
          }),
        },
      },
    },
    async (request) => mapExtent({ db, orgId: request.params.orgId }),
  );

  app.put(
    '/orgs/:orgId/portal/map/zoning',
    {
      bodyLimit: 30 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Importer le plan de zonage (GeoJSON) / Import the zoning plan (GeoJSON)',
        params: OrgParams,
        body: Type.Object({ type: Type.Literal('FeatureCollection'), features: Type.Array(Type.Unknown()) }),
        response: {
          200: Type.Object({ imported: Type.Integer() }),
          400: err,
          401: err,
          403: err,
          413: err,
          422: err,
        },
      },
    },
    async (request) =>
      importZoning({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        input: request.body,
      }),
  );

  app.post(
    '/orgs/:orgId/portal/map/places',
    {
      schema: {
        tags,
        summary: 'Ajouter un lieu / Add a place',
        params: OrgParams,
        body: PlaceInput,
        response: { 201: Type.Object({ id: Type.String() }), 400: err, 401: err, 403: err },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await savePlace({
          db,
          auth: request.auth,
          ip: request.ip,
          orgId: request.params.orgId,
          input: request.body,
        }),
      ),
  );

  app.put(
    '/orgs/:orgId/portal/map/places/:placeId',
    {
      schema: {
        tags,
        summary: 'Modifier un lieu / Change a place',
        params: Type.Object({ orgId: Uuid, placeId: Uuid }),
        body: PlaceInput,
        response: { 200: Type.Object({ id: Type.String() }), 400: err, 401: err, 403: err, 404: err },
      },
    },
    async (request) =>
      savePlace({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        placeId: request.params.placeId,
        input: request.body,
      }),
  );

  app.delete(
    '/orgs/:orgId/portal/map/places/:placeId',
    {
      schema: {
        tags,
        summary: 'Retirer un lieu / Remove a place',
        params: Type.Object({ orgId: Uuid, placeId: Uuid }),
        response: { 200: Type.Object({ id: Type.String() }), 401: err, 403: err, 404: err },
      },
    },
    async (request) =>
      savePlace({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        placeId: request.params.placeId,
        input: { remove: true },
      }),
  );
};
